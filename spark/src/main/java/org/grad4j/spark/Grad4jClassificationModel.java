package org.grad4j.spark;

import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.grad4j.io.Architecture;
import org.grad4j.nn.module.Sequential;

/**
 * A trained {@link Grad4jClassifier}: {@code transform} adds the class scores
 * ({@code rawPredictionCol}), their softmax ({@code probabilityCol}) and the most probable class
 * ({@code predictionCol}). Saved as Spark ML's metadata plus grad4j's model file
 * {@code weights.npz} (the arrays {@code W1, b1, W2, b2, ...} and the architecture), which
 * {@code grad4j predict --model} and NumPy read.
 */
public final class Grad4jClassificationModel
        extends ProbabilisticClassificationModel<Vector, Grad4jClassificationModel> implements MLWritable {

    private final String uid;
    private final SavedWeights weights;
    private final transient DataParallel.Result run;

    Grad4jClassificationModel(String uid, SavedWeights weights, DataParallel.Result run) {
        this(Uids.stash(uid), weights, run);
    }

    private Grad4jClassificationModel(Uids.Token token, SavedWeights weights, DataParallel.Result run) {
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
    public int numClasses() {
        return weights.spec().outputs();
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
    public Vector predictRaw(Vector features) {
        return Vectors.dense(weights.outputs(features.toArray()));
    }

    /** Softmax in place: {@code p_i = exp(s_i - max s) / sum_j exp(s_j - max s)}. */
    @Override
    public Vector raw2probabilityInPlace(Vector raw) {
        double[] s = ((DenseVector) raw).values();
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.exp(s[i] - max);
            sum += s[i];
        }
        for (int i = 0; i < s.length; i++) {
            s[i] /= sum;
        }
        return raw;
    }

    @Override
    public Grad4jClassificationModel copy(ParamMap extra) {
        return copyValues(new Grad4jClassificationModel(uid, weights, run), extra).setParent(parent());
    }

    /**
     * Spark's own (the one of {@code ProbabilisticClassificationModel}): declared again because Java
     * sees two inherited versions with different generic result types, which Scala's covariant
     * tuple allows.
     */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public scala.Tuple3 findSummaryModel() {
        return super.findSummaryModel();
    }

    @Override
    public MLWriter write() {
        return new Persistence.Writer(this, weights);
    }

    public static MLReader<Grad4jClassificationModel> read() {
        return new Persistence.Reader<>((uid, w) -> new Grad4jClassificationModel(uid, w, null));
    }

    public static Grad4jClassificationModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "Grad4jClassificationModel: uid=" + uid + ", architecture=" + weights.spec();
    }
}
