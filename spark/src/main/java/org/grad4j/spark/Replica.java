package org.grad4j.spark;

/**
 * The narrow view of a model that data-parallel training needs: flat parameter arrays, the gradient
 * of the mean loss on a batch of rows, and class scores. Every executor builds its own replica from
 * a {@link NetSpec} and the broadcast weights; today's implementation is a
 * {@link org.grad4j.nn.FeedForwardNet}.
 */
interface Replica {

    /** The parameter arrays, modified in place by an optimizer. */
    double[][] params();

    /** The gradient arrays {@link #gradient} fills, positions matching {@link #params()}. */
    double[][] grads();

    /**
     * Fills {@link #grads()} with the gradient of the mean loss over {@code rows} rows of {@code x}
     * (row-major, {@code rows x inputs}) with class labels {@code t}; returns that mean loss.
     */
    double gradient(double[] x, int rows, int[] t);

    /** Class scores (before softmax) of one row; the returned array is new. */
    double[] scores(double[] row);
}
