package org.grad4j.spark;

import org.grad4j.io.Architecture;
import org.grad4j.nn.module.Sequential;

/** What {@link Grad4jClassificationModel} and {@link Grad4jRegressionModel} tell about their network and its training. */
public interface TrainedModel {

    /** The model and its training run. */
    Trained trained();

    /** The architecture: layers, activation, loss, task, as the model file records it. */
    default Architecture architecture() {
        return trained().architecture();
    }

    /** A copy of the trained module, for use without Spark. */
    default Sequential module() {
        return trained().module();
    }

    /** The loss of every training step, in order (empty for a loaded model). */
    default double[] trainingLosses() {
        return trained().losses();
    }

    /** How the training's time divided between computing on executors and scheduling and communication. */
    default String trainingTimes() {
        return trained().times();
    }
}
