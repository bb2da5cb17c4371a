package org.grad4j.train;

/**
 * The loss or the weights became NaN or infinite: training stops at once, nothing is saved over a
 * good file, and the last good checkpoint (if any) is kept.
 */
public final class TrainingDivergedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int iteration;

    public TrainingDivergedException(String message, int iteration) {
        super(message);
        this.iteration = iteration;
    }

    /** The 0-based iteration at which the non-finite value appeared. */
    public int iteration() {
        return iteration;
    }
}
