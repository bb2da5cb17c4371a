package org.grad4j.nn;

/**
 * A dense input batch that is written on demand, block of rows by block of rows, so that each core
 * of a two-core evaluation ({@link FeedForwardNet#classify}) writes the rows it then multiplies
 * while they fit in its cache.
 */
public interface BatchRows {

    /**
     * Writes rows {@code [r0, r1)} of the batch into {@code out}, row-major from index 0 (row
     * {@code r0} first), each row as many values as the network has inputs. Two threads may call it
     * at once with disjoint row ranges.
     */
    void fill(int r0, int r1, double[] out);
}
