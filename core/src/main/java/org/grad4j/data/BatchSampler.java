package org.grad4j.data;

import java.util.SplittableRandom;

/**
 * Fills a preallocated index array with the examples of the next mini-batch, following a
 * {@link Sampling} rule, without allocating. Seeded: the same {@code (n, batch, sampling, seed)}
 * gives the same sequence of batches.
 *
 * <p>Shuffling is Fisher-Yates with {@link SplittableRandom#nextInt(int)}.
 */
public final class BatchSampler {

    private final int n;
    private final int batch;
    private final Sampling sampling;
    private final SplittableRandom random;
    private final int[] order;
    private int cursor;
    private long iteration;
    private long epoch;

    /**
     * @param n number of examples, at least 1
     * @param batch batch size, at least 1 (may exceed {@code n} with REPLACEMENT, SHUFFLE spills into the next epoch)
     */
    public BatchSampler(int n, int batch, Sampling sampling, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("Invalid number of examples: " + n);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("Invalid batch size: " + batch);
        }
        this.n = n;
        this.batch = batch;
        this.sampling = sampling;
        this.random = new SplittableRandom(seed);
        this.order = sampling == Sampling.REPLACEMENT ? null : new int[n];
        if (order != null) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            if (sampling == Sampling.SHUFFLE) {
                shuffle();
            }
        }
    }

    /** Batch size. */
    public int batch() {
        return batch;
    }

    /** Number of examples. */
    public int size() {
        return n;
    }

    /** The book's {@code iter_per_epoch = max(train_size / batch_size, 1)}. */
    public int iterationsPerEpoch() {
        return Math.max(n / batch, 1);
    }

    /** Batches drawn so far. */
    public long iteration() {
        return iteration;
    }

    /**
     * Completed passes over the data: for SHUFFLE and SEQUENTIAL the number of times the last
     * example of the order has been handed out; for REPLACEMENT {@code iteration / iterationsPerEpoch()}.
     */
    public long epoch() {
        return sampling == Sampling.REPLACEMENT ? iteration / iterationsPerEpoch() : epoch;
    }

    /**
     * Writes the next batch's example indices into {@code idx[0..batch)}; only {@code idx} is modified.
     *
     * @throws IllegalArgumentException if {@code idx} is shorter than the batch
     */
    public void next(int[] idx) {
        if (idx.length < batch) {
            throw new IllegalArgumentException("BatchSampler: index array of length " + idx.length
                    + " cannot hold a batch of " + batch);
        }
        if (sampling == Sampling.REPLACEMENT) {
            for (int k = 0; k < batch; k++) {
                idx[k] = random.nextInt(n);
            }
        } else {
            for (int k = 0; k < batch; k++) {
                idx[k] = order[cursor++];
                if (cursor == n) {
                    cursor = 0;
                    epoch++;
                    if (sampling == Sampling.SHUFFLE) {
                        shuffle();
                    }
                }
            }
        }
        iteration++;
    }

    private void shuffle() {
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
