package org.grad4j.train;

/** Progress of a training run; the library never prints, the command line listens. */
public interface TrainListener {

    /** After each iteration (0-based {@code iteration}) with the mini-batch loss. */
    default void iteration(int iteration, int total, double loss) {}

    /**
     * After each evaluation, with the scores {@link History#trainScore} gives: the accuracies for
     * classification, R² for regression (the history holds the other metrics).
     */
    default void evaluated(int iteration, int epoch, double trainAccuracy, double testAccuracy) {}

    /** After a checkpoint was written. */
    default void checkpointed(int iteration, java.nio.file.Path file) {}

    TrainListener NONE = new TrainListener() {};
}
