package org.grad4j.spark;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.regression.Regressor;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.grad4j.data.Task;

/**
 * A Spark ML estimator that trains a grad4j feed-forward regression network by mini-batch SGD where
 * the data lives: {@code Linear -> activation -> ... -> Linear(., 1)} with the mean squared error
 * ({@code MSELoss}, PyTorch's mean over the batch), the same params and modes as
 * {@link Grad4jClassifier} ({@link TrainingParams}) plus {@code loss}. The label column holds
 * the numeric target; features are used as they are (assemble and scale them in the pipeline).
 *
 * <pre>{@code
 * Grad4jRegressor reg = new Grad4jRegressor().setHidden(new int[] {32}).setActivation("tanh")
 *         .setOptimizer("adam").setLr(0.01).setBatchSize(50).setEpochs(20);
 * Grad4jRegressionModel model = reg.fit(train);   // columns "features" (vector), "label" (double)
 * model.transform(test);                          // adds prediction
 * }</pre>
 */
public final class Grad4jRegressor extends Regressor<Vector, Grad4jRegressor, Grad4jRegressionModel>
        implements DefaultParamsWritable, TrainingParams<Grad4jRegressor> {

    private final String uid;
    private final TrainingParamSet params;
    private final Param<String> loss;

    public Grad4jRegressor() {
        this(Identifiable.randomUID("grad4jreg"));
    }

    public Grad4jRegressor(String uid) {
        this(Uids.stash(uid));
    }

    private Grad4jRegressor(Uids.Token token) {
        this.uid = token.take();
        params = new TrainingParamSet(this);
        loss = new Param<>(this, "loss", "loss: mse (mean squared error)", ParamValidators.inArray(new String[] {"mse"}));
        setDefault(loss, "mse");
    }

    /** The uid, also while Spark's constructors run (see {@link Uids}). */
    @Override
    public String uid() {
        return uid != null ? uid : Uids.pending();
    }

    @Override
    public TrainingParamSet trainingParams() {
        return params;
    }

    public Param<String> loss() { return loss; }

    public String getLoss() { return getOrDefault(loss); }

    public Grad4jRegressor setLoss(String v) { return (Grad4jRegressor) set(loss, v); }

    @Override
    public Grad4jRegressor copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Reads an estimator saved with {@code write().save(path)}. */
    public static MLReader<Grad4jRegressor> read() {
        return new DefaultParamsReader<>();
    }

    public static Grad4jRegressor load(String path) {
        return read().load(path);
    }

    @Override
    public Grad4jRegressionModel train(Dataset<?> dataset) {
        Trained f = Fitting.fit(this, dataset, getFeaturesCol(), getLabelCol(), Task.REGRESSION, 0, getLoss());
        return new Grad4jRegressionModel(uid, f);
    }
}
