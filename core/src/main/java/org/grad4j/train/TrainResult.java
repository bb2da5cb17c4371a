package org.grad4j.train;

import org.grad4j.data.Task;

/**
 * The outcome of a training run.
 *
 * @param iterations    iterations done in all (including those before a resume)
 * @param seconds       wall time of the training steps alone (no data loading, no evaluation)
 * @param evalSeconds   wall time of the evaluations
 * @param trainAccuracy accuracy on the whole training split at the end (R² for regression)
 * @param testAccuracy  accuracy on the test split at the end (R² for regression)
 * @param finalLoss     loss of the last mini-batch
 * @param history       losses and scores along the way
 * @param task          classification or regression
 * @param testRegression MSE, MAE and R² on the test split for regression, else null
 */
public record TrainResult(int iterations, double seconds, double evalSeconds, double trainAccuracy, double testAccuracy,
                          double finalLoss, History history, Task task, RegressionMetrics testRegression) {

    /** A classification result. */
    public TrainResult(int iterations, double seconds, double evalSeconds, double trainAccuracy, double testAccuracy,
            double finalLoss, History history) {
        this(iterations, seconds, evalSeconds, trainAccuracy, testAccuracy, finalLoss, history, Task.CLASSIFICATION,
                null);
    }
}
