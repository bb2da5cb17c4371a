package org.grad4j.spark;

import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;

/**
 * A trained {@link Grad4jClassifier}: {@code transform} adds the class scores
 * ({@code rawPredictionCol}), their softmax ({@code probabilityCol}) and the most probable class
 * ({@code predictionCol}). Saved as Spark ML's metadata plus grad4j's model file
 * {@code weights.npz} (the arrays {@code W1, b1, W2, b2, ...} and the architecture), which
 * {@code grad4j predict --model} and NumPy read.
 */
public final class Grad4jClassificationModel
        extends ProbabilisticClassificationModel<Vector, Grad4jClassificationModel> implements MLWritable, TrainedModel {

    private final String uid;
    private final Trained trained;
    private final SavedWeights weights;

    Grad4jClassificationModel(String uid, Trained trained) {
        this(Uids.stash(uid), trained);
    }

    private Grad4jClassificationModel(Uids.Token token, Trained trained) {
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
    public int numClasses() {
        return weights.spec().outputs();
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
        return copyValues(new Grad4jClassificationModel(uid, trained), extra).setParent(parent());
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
        return new Persistence.Reader<>((uid, w) -> new Grad4jClassificationModel(uid, new Trained(w, null)));
    }

    public static Grad4jClassificationModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "Grad4jClassificationModel: uid=" + uid + ", architecture=" + weights.spec();
    }
}
