package org.grad4j.spark;

import java.io.Serializable;
import org.grad4j.data.Table;

/**
 * One partition's training rows as a {@link Table}, cached on its executor: rows
 * {@code start .. start + rows - 1} of the data in the data set's order.
 *
 * @param partition the partition's index
 * @param start     global index of the first row
 * @param table     the rows (features with class labels or regression targets)
 */
record Block(int partition, long start, Table table) implements Serializable {

    int rows() {
        return table.size();
    }

    /** Whether global row {@code i} lies in this block. */
    boolean holds(long i) {
        return i >= start && i < start + rows();
    }
}
