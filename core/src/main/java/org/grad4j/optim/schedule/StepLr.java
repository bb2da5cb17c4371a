package org.grad4j.optim.schedule;

import org.grad4j.optim.Hyper;

/**
 * {@code torch.optim.lr_scheduler.StepLR}: decays lr by {@code gamma} every {@code stepSize} epochs.
 *
 * <pre>{@code lr(e) = baseLr * gamma^floor(e / stepSize)}</pre>
 */
public record StepLr(int stepSize, double gamma) implements EpochSchedule {

    public StepLr {
        if (stepSize < 1) {
            throw new IllegalArgumentException("Invalid step_size value: " + stepSize);
        }
        Hyper.nonNegative("gamma", gamma);
    }

    @Override
    public double lr(int epoch, double baseLr) {
        EpochSchedule.checkEpoch(epoch);
        return baseLr * Math.pow(gamma, epoch / stepSize);
    }
}
