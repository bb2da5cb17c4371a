package org.grad4j.spark;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.RegressionModel;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.grad4j.io.Architecture;
import org.grad4j.nn.module.Sequential;

/**
 * A trained {@link Grad4jRegressor}: {@code transform} adds the network's output
 * ({@code predictionCol}). Saved as Spark ML's metadata plus grad4j's model file
 * {@code weights.npz} (the arrays and the architecture), which {@code grad4j predict --model} reads.
 */
public final class Grad4jRegressionModel extends RegressionModel<Vector, Grad4jRegressionModel>
        implements MLWritable {

    private final String uid;
    private final SavedWeights weights;
    private final transient DataParallel.Result run;

    Grad4jRegressionModel(String uid, SavedWeights weights, DataParallel.Result run) {
        this(Uids.stash(uid), weights, run);
    }

    private Grad4jRegressionModel(Uids.Token token, SavedWeights weights, DataParallel.Result run) {
        this.uid = token.take();
        this.weights = weights;
        this.run = run;
    }

    /** The uid, also while Spark's constructors run (see {@link Uids}). */
    @Override
    public String uid() {
        return uid != null ? uid : Uids.pending();
    }

    @Override
    public int numFeatures() {
        return weights.spec().inputs();
    }

    /** The architecture: layers, activation, loss, as the model file records it. */
    public Architecture architecture() {
        return weights.architecture();
    }

    /** A copy of the trained module, for use without Spark. */
    public Sequential module() {
        return weights.module();
    }

    /** The loss of every training step, in order (empty for a loaded model). */
    public double[] trainingLosses() {
        return run == null ? new double[0] : run.losses().clone();
    }

    /** How the training's time divided between computing on executors and scheduling and communication. */
    public String trainingTimes() {
        return run == null ? "" : run.times().summary();
    }

    @Override
    public double predict(Vector features) {
        return weights.outputs(features.toArray())[0];
    }

    @Override
    public Grad4jRegressionModel copy(ParamMap extra) {
        return copyValues(new Grad4jRegressionModel(uid, weights, run), extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Persistence.Writer(this, weights);
    }

    public static MLReader<Grad4jRegressionModel> read() {
        return new Persistence.Reader<>((uid, w) -> new Grad4jRegressionModel(uid, w, null));
    }

    public static Grad4jRegressionModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "Grad4jRegressionModel: uid=" + uid + ", architecture=" + weights.spec();
    }
}
