package org.grad4j.spark;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;

/**
 * The params {@link TrainingParams} declares, owned by one estimator (each param names its owner's
 * uid, as Spark requires), with their defaults set on the owner.
 */
public final class TrainingParamSet {
    final IntArrayParam hidden;
    final Param<String> activation;
    final Param<String> weightInit;
    final Param<String> optimizer;
    final Param<String> optimizerOptions;
    final DoubleParam lr;
    final IntParam batchSize;
    final IntParam iterations;
    final IntParam epochs;
    final Param<String> sampling;
    final LongParam seed;
    final Param<String> mode;
    final IntParam localSteps;
    final IntParam partitions;
    final DoubleParam clipNorm;

    TrainingParamSet(Params owner) {
        hidden = new IntArrayParam(owner, "hidden", "hidden layer sizes");
        activation = new Param<>(owner, "activation", "activation between layers: sigmoid, relu or tanh",
                ParamValidators.inArray(new String[] {"sigmoid", "relu", "tanh"}));
        weightInit = new Param<>(owner, "weightInit", "initial weight scale: xavier, he, or a standard deviation");
        optimizer = new Param<>(owner, "optimizer", "optimizer: sgd, momentum, nesterov, adagrad, adagrad-book, "
                + "rmsprop, rmsprop-book, adam, adamw, adam-book");
        optimizerOptions = new Param<>(owner, "optimizerOptions",
                "further optimizer options with torch's names, e.g. momentum=0.9,weight_decay=1e-4");
        lr = new DoubleParam(owner, "lr", "learning rate", ParamValidators.gtEq(0));
        batchSize = new IntParam(owner, "batchSize", "rows per global mini-batch", ParamValidators.gtEq(1));
        iterations = new IntParam(owner, "iterations", "global steps (when epochs is 0)", ParamValidators.gtEq(1));
        epochs = new IntParam(owner, "epochs", "passes over the data (0: use iterations)", ParamValidators.gtEq(0));
        sampling = new Param<>(owner, "sampling", "batch order: shuffle, replacement or sequential",
                ParamValidators.inArray(new String[] {"shuffle", "replacement", "sequential"}));
        seed = new LongParam(owner, "seed", "seed of the initial weights and the batch order");
        mode = new Param<>(owner, "mode", "sync (data-parallel SGD) or average (local steps, then averaging)",
                ParamValidators.inArray(new String[] {"sync", "average"}));
        localSteps = new IntParam(owner, "localSteps", "steps per partition between averagings (mode average)",
                ParamValidators.gtEq(1));
        partitions = new IntParam(owner, "partitions", "partitions to train on (0: the data set's)",
                ParamValidators.gtEq(0));
        clipNorm = new DoubleParam(owner, "clipNorm", "clip gradients to this global L2 norm (0: no clipping)",
                ParamValidators.gtEq(0));
        owner.setDefault(hidden, new int[] {50});
        owner.setDefault(activation, "sigmoid");
        owner.setDefault(weightInit, "0.01");
        owner.setDefault(optimizer, "sgd");
        owner.setDefault(optimizerOptions, "");
        owner.setDefault(lr, 0.1);
        owner.setDefault(batchSize, 100);
        owner.setDefault(iterations, 1000);
        owner.setDefault(epochs, 0);
        owner.setDefault(sampling, "shuffle");
        owner.setDefault(seed, 1L);
        owner.setDefault(mode, "sync");
        owner.setDefault(localSteps, 50);
        owner.setDefault(partitions, 0);
        owner.setDefault(clipNorm, 0.0);
    }
}
