package org.grad4j.spark;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.RegressionModel;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;

/**
 * A trained {@link Grad4jRegressor}: {@code transform} adds the network's output
 * ({@code predictionCol}). Saved as Spark ML's metadata plus grad4j's model file
 * {@code weights.npz} (the arrays and the architecture), which {@code grad4j predict --model} reads.
 */
public final class Grad4jRegressionModel extends RegressionModel<Vector, Grad4jRegressionModel>
        implements MLWritable, TrainedModel {

    private final String uid;
    private final Trained trained;
    private final SavedWeights weights;

    Grad4jRegressionModel(String uid, Trained trained) {
        this(Uids.stash(uid), trained);
    }

    private Grad4jRegressionModel(Uids.Token token, Trained trained) {
        this.uid = token.take();
        this.trained = trained;
        this.weights = trained.weights();
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

    @Override
    public Trained trained() {
        return trained;
    }

    @Override
    public double predict(Vector features) {
        return weights.outputs(features.toArray())[0];
    }

    @Override
    public Grad4jRegressionModel copy(ParamMap extra) {
        return copyValues(new Grad4jRegressionModel(uid, trained), extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Persistence.Writer(this, weights);
    }

    public static MLReader<Grad4jRegressionModel> read() {
        return new Persistence.Reader<>((uid, w) -> new Grad4jRegressionModel(uid, new Trained(w, null)));
    }

    public static Grad4jRegressionModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "Grad4jRegressionModel: uid=" + uid + ", architecture=" + weights.spec();
    }
}
