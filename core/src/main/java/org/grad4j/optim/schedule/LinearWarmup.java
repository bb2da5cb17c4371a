package org.grad4j.optim.schedule;

/**
 * {@code torch.optim.lr_scheduler.LinearLR}: the lr factor goes linearly from {@code startFactor} to
 * {@code endFactor} over {@code totalIters} epochs, then stays.
 *
 * <pre>{@code lr(e) = baseLr * (startFactor + (endFactor - startFactor) * min(e, totalIters) / totalIters)}</pre>
 */
public record LinearWarmup(double startFactor, double endFactor, int totalIters) implements EpochSchedule {

    public LinearWarmup {
        if (!(startFactor > 0 && startFactor <= 1)) {
            throw new IllegalArgumentException(
                    "Starting multiplicative factor expected to be greater than 0 and less or equal to 1, got "
                            + org.grad4j.optim.Hyper.repr(startFactor));
        }
        if (!(endFactor >= 0 && endFactor <= 1)) {
            throw new IllegalArgumentException(
                    "Ending multiplicative factor expected to be between 0 and 1, got "
                            + org.grad4j.optim.Hyper.repr(endFactor));
        }
        if (totalIters < 1) {
            throw new IllegalArgumentException("Invalid total_iters value: " + totalIters);
        }
    }

    /** Warm-up from {@code startFactor} to 1 over {@code totalIters} epochs. */
    public static LinearWarmup of(int totalIters, double startFactor) {
        return new LinearWarmup(startFactor, 1.0, totalIters);
    }

    @Override
    public double lr(int epoch, double baseLr) {
        EpochSchedule.checkEpoch(epoch);
        return baseLr * (startFactor + (endFactor - startFactor) * Math.min(epoch, totalIters) / totalIters);
    }
}
