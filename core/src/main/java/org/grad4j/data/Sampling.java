package org.grad4j.data;

/** How {@link BatchSampler} picks the examples of each mini-batch. */
public enum Sampling {
    /**
     * The book's {@code batch_mask = np.random.choice(train_size, batch_size)}: every index drawn
     * uniformly from {@code 0..n-1}, independently, with replacement (within a batch too). An
     * "epoch" is then only a count of {@code max(n / batch, 1)} iterations.
     */
    REPLACEMENT,
    /**
     * A fresh random permutation of {@code 0..n-1} every epoch, consumed batch after batch; a batch
     * that reaches the end of the permutation continues with the next epoch's, so every batch is
     * full and every example is seen exactly once per epoch. The default.
     */
    SHUFFLE,
    /** File order {@code 0, 1, ..., n-1, 0, 1, ...}, wrapping around; deterministic, for debugging. */
    SEQUENTIAL;

    /** The lower-case name used on the command line. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses {@code replacement}, {@code shuffle} or {@code sequential}. */
    public static Sampling parse(String s) {
        for (Sampling m : values()) {
            if (m.id().equals(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown sampling '" + s + "' (expected replacement, shuffle, sequential)");
    }
}
