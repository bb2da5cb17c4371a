package org.grad4j.optim.schedule;

import org.grad4j.optim.Hyper;

/**
 * {@code torch.optim.lr_scheduler.CosineAnnealingWarmRestarts} (SGDR, Loshchilov and Hutter 2017) for
 * integer epochs. The i-th cycle lasts {@code T_i = t0 * tMult^i} epochs; within it, after
 * {@code T_cur} epochs,
 *
 * <pre>{@code lr = etaMin + (baseLr - etaMin) * (1 + cos(pi * T_cur / T_i)) / 2}</pre>
 */
public record CosineAnnealingWarmRestarts(int t0, int tMult, double etaMin) implements EpochSchedule {

    public CosineAnnealingWarmRestarts {
        if (t0 < 1) {
            throw new IllegalArgumentException("Expected positive integer T_0, but got " + t0);
        }
        if (tMult < 1) {
            throw new IllegalArgumentException("Expected integer T_mult >= 1, but got " + tMult);
        }
        Hyper.nonNegative("eta_min", etaMin);
    }

    @Override
    public double lr(int epoch, double baseLr) {
        EpochSchedule.checkEpoch(epoch);
        long tCur = epoch;
        long tI = t0;
        while (tCur >= tI) {
            tCur -= tI;
            tI *= tMult;
        }
        return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
    }
}
