package org.grad4j.nn;

/**
 * A dense input batch that is written on demand, column range by column range, so that each core
 * of a two-core training step writes (and so holds in its cache) the columns it then multiplies
 * ({@link FeedForwardNet#sgdStep(BatchColumns, org.grad4j.tensor.Tensor, int[], double)}).
 */
public interface BatchColumns {

    /**
     * Writes columns {@code [c0, c1)} of every row of the batch into {@code x} (row-major,
     * {@code batch x features}), leaving the other columns alone. Two threads may call it at once
     * with disjoint column ranges.
     */
    void fill(double[] x, int c0, int c1);

    /**
     * A hint, called during the step before the one that fills this batch: read what {@link #fill}
     * of columns {@code [c0, c1)} will read, so that it is in cache by then. Does nothing by default.
     */
    default void readAhead(int c0, int c1) {
    }
}
