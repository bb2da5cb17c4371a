package org.grad4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.grad4j.io.ModelFile;
import org.grad4j.nn.FeedForwardNet;

/**
 * A trained {@link Grad4jClassifier}: {@code transform} adds the class scores
 * ({@code rawPredictionCol}), their softmax ({@code probabilityCol}) and the most probable class
 * ({@code predictionCol}). Saved as Spark ML's metadata plus the weights as grad4j's
 * {@code weights.npz} ({@code W1, b1, W2, b2, ...}, which {@code grad4j eval --model} and NumPy read).
 */
public final class Grad4jClassificationModel
        extends ProbabilisticClassificationModel<Vector, Grad4jClassificationModel> implements MLWritable {

    /** The weights file inside a saved model's directory. */
    static final String WEIGHTS = "weights.npz";

    private final String uid;
    private final Param<String> activation;
    private final NetSpec spec;
    private final double[][] weights;
    /** The network on this JVM, built on first use (a model is shipped to executors without it). */
    private transient FeedForwardNet net;
    /** The loss of every training step (empty for a loaded model). */
    transient double[] losses = new double[0];
    /** Where the training's time went. */
    transient String timings = "";

    Grad4jClassificationModel(String uid, NetSpec spec, double[][] weights) {
        this(Uids.stash(uid), spec, weights);
    }

    private Grad4jClassificationModel(Uids.Token token, NetSpec spec, double[][] weights) {
        this.uid = token.take();
        this.spec = spec;
        this.weights = OptimizerSpec.deepCopy(weights);
        this.activation = new Param<>(this, "activation", "activation between layers: sigmoid or relu");
        set(activation, spec.activation());
    }

    /**
     * The uid, also while Spark's constructors run: they create the inherited params (featuresCol,
     * ...) with this object's uid before this class's fields are set, so the uid given to the
     * constructor waits in {@link Uids} until then.
     */
    @Override
    public String uid() {
        return uid != null ? uid : Uids.pending();
    }

    public Param<String> activation() {
        return activation;
    }

    @Override
    public int numClasses() {
        return spec.classes();
    }

    @Override
    public int numFeatures() {
        return spec.inputs();
    }

    /** The layer sizes, {@code [inputs, hidden..., classes]}. */
    public int[] layerSizes() {
        return spec.sizes().clone();
    }

    /** A copy of the network, for use without Spark. */
    public FeedForwardNet network() {
        return spec.net(weights);
    }

    /** The loss of every training step, in order (empty for a loaded model). */
    public double[] trainingLosses() {
        return losses.clone();
    }

    /** How the training's time divided between computing on executors and scheduling and communication. */
    public String trainingTimes() {
        return timings;
    }

    @Override
    public synchronized Vector predictRaw(Vector features) {
        if (net == null) {
            net = spec.net(weights);
        }
        if (features.size() != spec.inputs()) {
            throw new IllegalArgumentException("the model takes " + spec.inputs() + " features, got a vector of "
                    + features.size());
        }
        return Vectors.dense(net.predict(org.grad4j.tensor.Tensor.of(features.toArray(), 1, spec.inputs())).data());
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
        Grad4jClassificationModel m = new Grad4jClassificationModel(uid, spec, weights);
        m.losses = losses;
        m.timings = timings;
        return copyValues(m, extra).setParent(parent());
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
        return new Writer(this);
    }

    public static MLReader<Grad4jClassificationModel> read() {
        return new Reader();
    }

    public static Grad4jClassificationModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "Grad4jClassificationModel: uid=" + uid + ", network=" + spec;
    }

    private static final class Writer extends MLWriter {
        private final Grad4jClassificationModel model;

        Writer(Grad4jClassificationModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter.saveMetadata(model, path, sparkSession());
            try {
                Path local = Files.createTempFile("grad4j-weights", ".npz");
                try {
                    ModelFile.save(local, model.spec.net(model.weights));
                    org.apache.hadoop.fs.Path dst = new org.apache.hadoop.fs.Path(path, WEIGHTS);
                    FileSystem fs = dst.getFileSystem(sc().hadoopConfiguration());
                    fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), dst);
                } finally {
                    Files.deleteIfExists(local);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path + "/" + WEIGHTS, e);
            }
        }
    }

    private static final class Reader extends MLReader<Grad4jClassificationModel> {
        @Override
        public Grad4jClassificationModel load(String path) {
            DefaultParamsReader.Metadata meta = DefaultParamsReader.loadMetadata(path, sparkSession());
            String act = org.json4s.jackson.JsonMethods$.MODULE$.compact(meta.getParamValue("activation"))
                    .replace("\"", "");
            FeedForwardNet net;
            try {
                Path local = Files.createTempFile("grad4j-weights", ".npz");
                try {
                    org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(path, WEIGHTS);
                    FileSystem fs = src.getFileSystem(sc().hadoopConfiguration());
                    fs.copyToLocalFile(false, src, new org.apache.hadoop.fs.Path(local.toUri()), true);
                    net = ModelFile.load(local, NetSpec.activationOf(act));
                } finally {
                    Files.deleteIfExists(local);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + "/" + WEIGHTS, e);
            }
            Grad4jClassificationModel m = new Grad4jClassificationModel(meta.uid(), NetSpec.of(net),
                    NetSpec.weightsOf(net));
            meta.getAndSetParams(m, scala.Option.empty());
            return m;
        }
    }
}
