package org.grad4j.train;

/**
 * The outcome of a training run.
 *
 * @param iterations    iterations done in all (including those before a resume)
 * @param seconds       wall time of the training steps alone (no data loading, no evaluation)
 * @param evalSeconds   wall time of the accuracy evaluations
 * @param trainAccuracy accuracy on the whole training split at the end
 * @param testAccuracy  accuracy on the test split at the end
 * @param finalLoss     loss of the last mini-batch
 * @param history       losses and accuracies along the way
 */
public record TrainResult(int iterations, double seconds, double evalSeconds, double trainAccuracy, double testAccuracy,
                          double finalLoss, History history) {}
