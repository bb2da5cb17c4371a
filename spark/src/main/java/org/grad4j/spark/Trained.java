package org.grad4j.spark;

import org.grad4j.io.Architecture;
import org.grad4j.nn.module.Sequential;

/**
 * What a fit produced: the model (architecture and weights) and, for a model just trained rather
 * than loaded, the loss of every step and where the time went.
 */
public final class Trained implements java.io.Serializable {
    private final SavedWeights weights;
    /** Stays on the driver: a model shipped to executors for {@code transform} goes without it. */
    private final transient DataParallel.Result run;

    Trained(SavedWeights weights, DataParallel.Result run) {
        this.weights = weights;
        this.run = run;
    }

    SavedWeights weights() {
        return weights;
    }

    /** The architecture: layers, activation, loss, task, as the model file records it. */
    public Architecture architecture() {
        return weights.architecture();
    }

    /** A copy of the trained module, for use without Spark. */
    public Sequential module() {
        return weights.module();
    }

    /** The loss of every training step, in order (empty for a loaded model). */
    public double[] losses() {
        return run == null ? new double[0] : run.losses().clone();
    }

    /** How the training's time divided between computing on executors and scheduling and communication ("" for a loaded model). */
    public String times() {
        return run == null ? "" : run.times().summary();
    }
}
