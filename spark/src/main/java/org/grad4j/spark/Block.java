package org.grad4j.spark;

import java.io.Serializable;

/**
 * One partition's training rows in flat arrays, cached on its executor: rows
 * {@code start .. start + rows - 1} of the data in the data set's order.
 *
 * @param partition the partition's index
 * @param start     global index of the first row
 * @param rows      number of rows
 * @param x         features, row-major, {@code rows x features}
 * @param t         class labels
 */
record Block(int partition, long start, int rows, double[] x, int[] t) implements Serializable {

    int features() {
        return rows == 0 ? 0 : x.length / rows;
    }

    /** Whether global row {@code i} lies in this block. */
    boolean holds(long i) {
        return i >= start && i < start + rows;
    }
}
