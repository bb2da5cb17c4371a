package org.grad4j.spark;

import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.grad4j.data.Task;

/**
 * A Spark ML estimator that trains a grad4j feed-forward classifier by mini-batch SGD where the
 * data lives: {@code Linear -> activation -> ... -> Linear} with softmax cross-entropy
 * ({@code CrossEntropyLoss}), one of grad4j's optimizers, the rows spread over the data set's
 * partitions ({@link Mode}: synchronous data-parallel SGD, the in-process result to rounding, or
 * local SGD with parameter averaging). The params are {@link TrainingParams}' plus
 * {@code numClasses}.
 *
 * <pre>{@code
 * Grad4jClassifier clf = new Grad4jClassifier().setHidden(new int[] {50}).setActivation("relu")
 *         .setOptimizer("adam").setLr(0.001).setBatchSize(100).setEpochs(5).setMode("average");
 * Grad4jClassificationModel model = clf.fit(train);   // columns "features" (vector), "label" (0, 1, ...)
 * model.transform(test);                              // adds rawPrediction, probability, prediction
 * }</pre>
 *
 * <p>Weights start as {@code std * N(0, 1)} from {@code Random(seed)} with {@code weightInit} std
 * ({@code xavier}, {@code he}, or a number), biases at zero, as {@code grad4j train} builds them.
 */
public final class Grad4jClassifier
        extends ProbabilisticClassifier<Vector, Grad4jClassifier, Grad4jClassificationModel>
        implements DefaultParamsWritable, TrainingParams<Grad4jClassifier> {

    private final String uid;
    private final TrainingParamSet params;
    private final IntParam numClasses;

    public Grad4jClassifier() {
        this(Identifiable.randomUID("grad4j"));
    }

    public Grad4jClassifier(String uid) {
        this(Uids.stash(uid));
    }

    private Grad4jClassifier(Uids.Token token) {
        this.uid = token.take();
        params = new TrainingParamSet(this);
        numClasses = new IntParam(this, "numClasses", "number of classes (0: the largest label plus one)",
                ParamValidators.gtEq(0));
        setDefault(numClasses, 0);
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

    @Override
    public TrainingParamSet trainingParams() {
        return params;
    }

    public IntParam numClasses() { return numClasses; }

    public int getNumClasses() { return (Integer) getOrDefault(numClasses); }

    public Grad4jClassifier setNumClasses(int v) { return (Grad4jClassifier) set(numClasses, v); }

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
        Trained f = Fitting.fit(this, dataset, getFeaturesCol(), getLabelCol(), Task.CLASSIFICATION,
                getNumClasses(), "cross-entropy");
        return new Grad4jClassificationModel(uid, f);
    }
}
