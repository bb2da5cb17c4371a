package org.grad4j.spark;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The training params {@link Grad4jClassifier} and {@link Grad4jRegressor} share, with Spark's
 * typed accessors, getters and setters (each setter returns the estimator, for chaining):
 * {@code hidden} (layer sizes, default {50}), {@code activation} ({@code sigmoid}, {@code relu} or
 * {@code tanh}), {@code weightInit} ({@code xavier}, {@code he} or a standard deviation, default
 * 0.01), {@code optimizer} (grad4j's names, default {@code sgd}) with {@code optimizerOptions}
 * ({@code momentum=0.9,...}), {@code lr} (0.1), {@code batchSize} (100), {@code iterations} (1000)
 * or {@code epochs} (when above 0), {@code sampling} ({@code shuffle}), {@code seed} (1),
 * {@code mode} ({@code sync} or {@code average}) with {@code localSteps} (50), {@code partitions}
 * (0: the data set's) and {@code clipNorm} (0: none).
 *
 * @param <T> the estimator
 */
public interface TrainingParams<T extends Params> extends Params {

    /** The param objects, owned by the estimator. */
    TrainingParamSet trainingParams();

    @SuppressWarnings("unchecked")
    private T self(Params p) {
        return (T) p;
    }

    default IntArrayParam hidden() { return trainingParams().hidden; }
    default Param<String> activation() { return trainingParams().activation; }
    default Param<String> weightInit() { return trainingParams().weightInit; }
    default Param<String> optimizer() { return trainingParams().optimizer; }
    default Param<String> optimizerOptions() { return trainingParams().optimizerOptions; }
    default DoubleParam lr() { return trainingParams().lr; }
    default IntParam batchSize() { return trainingParams().batchSize; }
    default IntParam iterations() { return trainingParams().iterations; }
    default IntParam epochs() { return trainingParams().epochs; }
    default Param<String> sampling() { return trainingParams().sampling; }
    default LongParam seed() { return trainingParams().seed; }
    default Param<String> mode() { return trainingParams().mode; }
    default IntParam localSteps() { return trainingParams().localSteps; }
    default IntParam partitions() { return trainingParams().partitions; }
    default DoubleParam clipNorm() { return trainingParams().clipNorm; }

    default int[] getHidden() { return (int[]) getOrDefault(hidden()); }
    default String getActivation() { return getOrDefault(activation()); }
    default String getWeightInit() { return getOrDefault(weightInit()); }
    default String getOptimizer() { return getOrDefault(optimizer()); }
    default String getOptimizerOptions() { return getOrDefault(optimizerOptions()); }
    default double getLr() { return (Double) getOrDefault(lr()); }
    default int getBatchSize() { return (Integer) getOrDefault(batchSize()); }
    default int getIterations() { return (Integer) getOrDefault(iterations()); }
    default int getEpochs() { return (Integer) getOrDefault(epochs()); }
    default String getSampling() { return getOrDefault(sampling()); }
    default long getSeed() { return (Long) getOrDefault(seed()); }
    default String getMode() { return getOrDefault(mode()); }
    default int getLocalSteps() { return (Integer) getOrDefault(localSteps()); }
    default int getPartitions() { return (Integer) getOrDefault(partitions()); }
    default double getClipNorm() { return (Double) getOrDefault(clipNorm()); }

    default T setHidden(int[] v) { return self(set(hidden(), v.clone())); }
    default T setActivation(String v) { return self(set(activation(), v)); }
    default T setWeightInit(String v) { return self(set(weightInit(), v)); }
    default T setOptimizer(String v) { return self(set(optimizer(), v)); }
    default T setOptimizerOptions(String v) { return self(set(optimizerOptions(), v)); }
    default T setLr(double v) { return self(set(lr(), v)); }
    default T setBatchSize(int v) { return self(set(batchSize(), v)); }
    default T setIterations(int v) { return self(set(iterations(), v)); }
    default T setEpochs(int v) { return self(set(epochs(), v)); }
    default T setSampling(String v) { return self(set(sampling(), v)); }
    default T setSeed(long v) { return self(set(seed(), v)); }
    default T setMode(String v) { return self(set(mode(), v)); }
    default T setLocalSteps(int v) { return self(set(localSteps(), v)); }
    default T setPartitions(int v) { return self(set(partitions(), v)); }
    default T setClipNorm(double v) { return self(set(clipNorm(), v)); }
}
