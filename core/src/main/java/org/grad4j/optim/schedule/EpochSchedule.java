package org.grad4j.optim.schedule;

/** A schedule given in closed form by the epoch alone: {@code lr = f(epoch, baseLr)}. */
public interface EpochSchedule extends Schedule {

    /** The learning rate for epoch {@code epoch >= 0} when the initial lr is {@code baseLr}. */
    double lr(int epoch, double baseLr);

    @Override
    default double lr(int epoch, double baseLr, double currentLr, double metric) {
        return lr(epoch, baseLr);
    }

    /** Throws unless {@code epoch >= 0}. */
    static void checkEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
    }
}
