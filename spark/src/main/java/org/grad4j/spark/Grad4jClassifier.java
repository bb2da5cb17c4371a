package org.grad4j.spark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.grad4j.data.Sampling;
import org.grad4j.nn.Activation;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.Init;
import org.grad4j.nn.MultiLayerNet;

/**
 * A Spark ML estimator that trains a grad4j feed-forward network by mini-batch SGD where the data
 * lives: {@code affine -> activation -> ... -> affine -> softmax}, cross-entropy loss, one of
 * grad4j's optimizers, the rows spread over the data set's partitions ({@link Mode}: synchronous
 * data-parallel SGD, the in-process result to rounding, or local SGD with parameter averaging).
 *
 * <pre>{@code
 * Grad4jClassifier clf = new Grad4jClassifier().setHidden(new int[] {50}).setActivation("relu")
 *         .setOptimizer("adam").setLr(0.001).setBatchSize(100).setEpochs(5).setMode("average");
 * Grad4jClassificationModel model = clf.fit(train);   // columns "features" (vector), "label" (0, 1, ...)
 * model.transform(test);                              // adds rawPrediction, probability, prediction
 * }</pre>
 *
 * <p>Weights start as {@code std * N(0, 1)} from {@code Random(seed)} with {@code weightInit} std
 * ({@code xavier}, {@code he}, or a number), biases at zero (the book's {@code MultiLayerNet}).
 */
public final class Grad4jClassifier
        extends ProbabilisticClassifier<Vector, Grad4jClassifier, Grad4jClassificationModel>
        implements DefaultParamsWritable {

    private final String uid;
    private final IntArrayParam hidden;
    private final Param<String> activation;
    private final Param<String> weightInit;
    private final Param<String> optimizer;
    private final Param<String> optimizerOptions;
    private final DoubleParam lr;
    private final IntParam batchSize;
    private final IntParam iterations;
    private final IntParam epochs;
    private final Param<String> sampling;
    private final LongParam seed;
    private final Param<String> mode;
    private final IntParam localSteps;
    private final IntParam partitions;
    private final IntParam numClasses;
    private final DoubleParam clipNorm;
    private transient DataParallel.Result lastRun;

    public Grad4jClassifier() {
        this(Identifiable.randomUID("grad4j"));
    }

    public Grad4jClassifier(String uid) {
        this(Uids.stash(uid));
    }

    private Grad4jClassifier(Uids.Token token) {
        this.uid = token.take();
        hidden = new IntArrayParam(this, "hidden", "hidden layer sizes");
        activation = new Param<>(this, "activation", "activation between layers: sigmoid or relu",
                ParamValidators.inArray(new String[] {"sigmoid", "relu"}));
        weightInit = new Param<>(this, "weightInit", "initial weight scale: xavier, he, or a standard deviation");
        optimizer = new Param<>(this, "optimizer", "optimizer: sgd, momentum, nesterov, adagrad, adagrad-book, "
                + "rmsprop, rmsprop-book, adam, adamw, adam-book");
        optimizerOptions = new Param<>(this, "optimizerOptions",
                "further optimizer options with torch's names, e.g. momentum=0.9,weight_decay=1e-4");
        lr = new DoubleParam(this, "lr", "learning rate", ParamValidators.gtEq(0));
        batchSize = new IntParam(this, "batchSize", "rows per global mini-batch", ParamValidators.gtEq(1));
        iterations = new IntParam(this, "iterations", "global steps (when epochs is 0)", ParamValidators.gtEq(1));
        epochs = new IntParam(this, "epochs", "passes over the data (0: use iterations)", ParamValidators.gtEq(0));
        sampling = new Param<>(this, "sampling", "batch order: shuffle, replacement or sequential",
                ParamValidators.inArray(new String[] {"shuffle", "replacement", "sequential"}));
        seed = new LongParam(this, "seed", "seed of the initial weights and the batch order");
        mode = new Param<>(this, "mode", "sync (data-parallel SGD) or average (local steps, then averaging)",
                ParamValidators.inArray(new String[] {"sync", "average"}));
        localSteps = new IntParam(this, "localSteps", "steps per partition between averagings (mode average)",
                ParamValidators.gtEq(1));
        partitions = new IntParam(this, "partitions", "partitions to train on (0: the data set's)",
                ParamValidators.gtEq(0));
        numClasses = new IntParam(this, "numClasses", "number of classes (0: the largest label plus one)",
                ParamValidators.gtEq(0));
        clipNorm = new DoubleParam(this, "clipNorm", "clip gradients to this global L2 norm (0: no clipping)",
                ParamValidators.gtEq(0));
        setDefault(hidden, new int[] {50});
        setDefault(activation, "sigmoid");
        setDefault(weightInit, "0.01");
        setDefault(optimizer, "sgd");
        setDefault(optimizerOptions, "");
        setDefault(lr, 0.1);
        setDefault(batchSize, 100);
        setDefault(iterations, 1000);
        setDefault(epochs, 0);
        setDefault(sampling, "shuffle");
        setDefault(seed, 1L);
        setDefault(mode, "sync");
        setDefault(localSteps, 50);
        setDefault(partitions, 0);
        setDefault(numClasses, 0);
        setDefault(clipNorm, 0.0);
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

    public IntArrayParam hidden() { return hidden; }
    public Param<String> activation() { return activation; }
    public Param<String> weightInit() { return weightInit; }
    public Param<String> optimizer() { return optimizer; }
    public Param<String> optimizerOptions() { return optimizerOptions; }
    public DoubleParam lr() { return lr; }
    public IntParam batchSize() { return batchSize; }
    public IntParam iterations() { return iterations; }
    public IntParam epochs() { return epochs; }
    public Param<String> sampling() { return sampling; }
    public LongParam seed() { return seed; }
    public Param<String> mode() { return mode; }
    public IntParam localSteps() { return localSteps; }
    public IntParam partitions() { return partitions; }
    public IntParam numClasses() { return numClasses; }
    public DoubleParam clipNorm() { return clipNorm; }

    public int[] getHidden() { return (int[]) getOrDefault(hidden); }
    public String getActivation() { return getOrDefault(activation); }
    public String getWeightInit() { return getOrDefault(weightInit); }
    public String getOptimizer() { return getOrDefault(optimizer); }
    public String getOptimizerOptions() { return getOrDefault(optimizerOptions); }
    public double getLr() { return (Double) getOrDefault(lr); }
    public int getBatchSize() { return (Integer) getOrDefault(batchSize); }
    public int getIterations() { return (Integer) getOrDefault(iterations); }
    public int getEpochs() { return (Integer) getOrDefault(epochs); }
    public String getSampling() { return getOrDefault(sampling); }
    public long getSeed() { return (Long) getOrDefault(seed); }
    public String getMode() { return getOrDefault(mode); }
    public int getLocalSteps() { return (Integer) getOrDefault(localSteps); }
    public int getPartitions() { return (Integer) getOrDefault(partitions); }
    public int getNumClasses() { return (Integer) getOrDefault(numClasses); }
    public double getClipNorm() { return (Double) getOrDefault(clipNorm); }

    public Grad4jClassifier setHidden(int[] v) { return (Grad4jClassifier) set(hidden, v.clone()); }
    public Grad4jClassifier setActivation(String v) { return (Grad4jClassifier) set(activation, v); }
    public Grad4jClassifier setWeightInit(String v) { return (Grad4jClassifier) set(weightInit, v); }
    public Grad4jClassifier setOptimizer(String v) { return (Grad4jClassifier) set(optimizer, v); }
    public Grad4jClassifier setOptimizerOptions(String v) { return (Grad4jClassifier) set(optimizerOptions, v); }
    public Grad4jClassifier setLr(double v) { return (Grad4jClassifier) set(lr, v); }
    public Grad4jClassifier setBatchSize(int v) { return (Grad4jClassifier) set(batchSize, v); }
    public Grad4jClassifier setIterations(int v) { return (Grad4jClassifier) set(iterations, v); }
    public Grad4jClassifier setEpochs(int v) { return (Grad4jClassifier) set(epochs, v); }
    public Grad4jClassifier setSampling(String v) { return (Grad4jClassifier) set(sampling, v); }
    public Grad4jClassifier setSeed(long v) { return (Grad4jClassifier) set(seed, v); }
    public Grad4jClassifier setMode(String v) { return (Grad4jClassifier) set(mode, v); }
    public Grad4jClassifier setLocalSteps(int v) { return (Grad4jClassifier) set(localSteps, v); }
    public Grad4jClassifier setPartitions(int v) { return (Grad4jClassifier) set(partitions, v); }
    public Grad4jClassifier setNumClasses(int v) { return (Grad4jClassifier) set(numClasses, v); }
    public Grad4jClassifier setClipNorm(double v) { return (Grad4jClassifier) set(clipNorm, v); }

    @Override
    public Grad4jClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Reads an estimator saved with {@code write().save(path)}. */
    public static MLReader<Grad4jClassifier> read() {
        return new DefaultParamsReader<>();
    }

    public static Grad4jClassifier load(String path) {
        return read().load(path);
    }

    @Override
    public Grad4jClassificationModel train(Dataset<?> dataset) {
        TrainingData data = TrainingData.of(dataset.toDF(), getFeaturesCol(), getLabelCol(), getPartitions(),
                getNumClasses());
        try {
            Activation a = NetSpec.activationOf(getActivation());
            int[] h = getHidden();
            FeedForwardNet net = new MultiLayerNet(data.features, h, data.classes, a, init(getWeightInit()),
                    new Random(getSeed()));
            NetSpec spec = NetSpec.of(net);
            double[][] weights = NetSpec.weightsOf(net);
            int perEpoch = (int) Math.max(data.rows / getBatchSize(), 1);
            int steps = getEpochs() > 0 ? Math.multiplyExact(getEpochs(), perEpoch) : getIterations();
            Plan plan = new Plan(Mode.parse(getMode()), getLocalSteps(), steps, getBatchSize(),
                    Sampling.parse(getSampling()), getSeed(),
                    getClipNorm() == 0 ? Double.POSITIVE_INFINITY : getClipNorm(), 0, null);
            OptimizerSpec opt = new OptimizerSpec(getOptimizer(), optimizerSettings(getLr(), getOptimizerOptions()));
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
            lastRun = DataParallel.train(sc, data, spec, weights, opt, plan, (it, total, loss) -> { });
            Grad4jClassificationModel model = new Grad4jClassificationModel(uid, spec, weights);
            model.losses = lastRun.losses();
            model.timings = lastRun.times().summary();
            return model;
        } finally {
            data.close();
        }
    }

    /** {@code lr} and {@code key=value,...} options as {@link org.grad4j.optim.Optimizers#create} takes them. */
    static Map<String, Double> optimizerSettings(double lr, String options) {
        Map<String, Double> o = new LinkedHashMap<>();
        o.put("lr", lr);
        if (options == null || options.isBlank()) {
            return o;
        }
        for (String kv : options.split(",")) {
            String[] p = kv.split("=", 2);
            if (p.length != 2) {
                throw new IllegalArgumentException("optimizerOptions: expected key=value, got '" + kv.strip() + "'");
            }
            try {
                o.put(p[0].strip(), Double.parseDouble(p[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("optimizerOptions: '" + p[1].strip() + "' is not a number (in '"
                        + kv.strip() + "')");
            }
        }
        return o;
    }

    static Init init(String spec) {
        return switch (spec) {
            case "xavier" -> Init.XAVIER;
            case "he" -> Init.HE;
            default -> {
                try {
                    yield Init.std(Double.parseDouble(spec));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("weightInit: expected xavier, he or a number, got '" + spec + "'");
                }
            }
        };
    }

    @Override
    public String toString() {
        return "Grad4jClassifier: uid=" + uid + ", hidden=" + Arrays.toString(getHidden()) + ", mode=" + getMode()
                + ", optimizer=" + getOptimizer() + ", lr=" + getLr();
    }
}
