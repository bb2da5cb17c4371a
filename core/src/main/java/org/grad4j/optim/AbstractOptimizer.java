package org.grad4j.optim;

/**
 * The learning rate every optimizer carries: read by {@link #lr()}, changed by schedules through
 * {@link #setLr(double)} with torch's validation ({@code Invalid learning rate: -0.1}). Subclasses
 * set {@link #lr} in their constructors from their validated options.
 */
abstract class AbstractOptimizer implements Optimizer {

    /** The current learning rate. */
    protected double lr;

    @Override
    public double lr() {
        return lr;
    }

    @Override
    public void setLr(double lr) {
        Hyper.lr(lr);
        this.lr = lr;
    }
}
