package org.grad4j.spark;

import java.util.Locale;

/** How the partitions train together. */
public enum Mode {
    /**
     * Synchronous data-parallel SGD: each step broadcasts the weights, every partition takes the
     * gradient of the rows of the global batch it holds, {@code treeAggregate} sums them weighted by
     * rows, and the driver's optimizer takes the step. The in-process result, to rounding.
     */
    SYNC,
    /**
     * Local SGD with parameter averaging: every partition takes {@code localSteps} steps of its share
     * of the batch from the broadcast weights and optimizer state, then both are averaged, weighted
     * by the partitions' rows. One Spark job per {@code localSteps} steps.
     */
    AVERAGE;

    /** The lower-case name, as {@code --spark-mode} takes it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code sync} or {@code average}. */
    public static Mode parse(String s) {
        for (Mode m : values()) {
            if (m.id().equals(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown Spark mode '" + s + "' (expected sync, average)");
    }
}
