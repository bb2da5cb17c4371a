package org.grad4j.optim.schedule;

import org.grad4j.optim.Hyper;

/**
 * {@code torch.optim.lr_scheduler.ExponentialLR}.
 *
 * <pre>{@code lr(e) = baseLr * gamma^e}</pre>
 */
public record ExponentialLr(double gamma) implements EpochSchedule {

    public ExponentialLr {
        Hyper.nonNegative("gamma", gamma);
    }

    @Override
    public double lr(int epoch, double baseLr) {
        EpochSchedule.checkEpoch(epoch);
        return baseLr * Math.pow(gamma, epoch);
    }
}
