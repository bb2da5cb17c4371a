package org.grad4j.optim.schedule;

import org.grad4j.optim.Hyper;

/**
 * {@code torch.optim.lr_scheduler.CosineAnnealingLR} in closed form (SGDR without restarts,
 * Loshchilov and Hutter 2017):
 *
 * <pre>{@code lr(e) = etaMin + (baseLr - etaMin) * (1 + cos(pi * e / tMax)) / 2}</pre>
 *
 * <p>Past {@code tMax} the cosine continues (lr rises again), as torch's recursive form does.
 */
public record CosineAnnealingLr(int tMax, double etaMin) implements EpochSchedule {

    public CosineAnnealingLr {
        if (tMax < 1) {
            throw new IllegalArgumentException("Invalid T_max value: " + tMax);
        }
        Hyper.nonNegative("eta_min", etaMin);
    }

    @Override
    public double lr(int epoch, double baseLr) {
        EpochSchedule.checkEpoch(epoch);
        return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2;
    }
}
