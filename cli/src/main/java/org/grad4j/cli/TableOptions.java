package org.grad4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Training on a CSV table and the layers of a general model: {@code --data}, {@code --target},
 * {@code --task}, {@code --test-data} or {@code --test-fraction}, {@code --standardize},
 * {@code --dropout}, {@code --batchnorm}, {@code --loss}. Any of them (or {@code --activation tanh},
 * {@code --model logistic}) trains a module through {@link ModuleTraining}.
 */
final class TableOptions {

    @Option(names = "--data", paramLabel = "FILE.csv",
            description = "Train on a CSV table (a header row; every column but --target is a numeric feature).")
    Path data;

    @Option(names = "--target", paramLabel = "NAME|INDEX",
            description = "The target column of --data, by header name or index from 0 (-1 is the last).")
    String target;

    @Option(names = "--task", paramLabel = "T",
            description = "classification (default: the target is a class index 0..C-1) or regression.")
    String task;

    @Option(names = "--test-data", paramLabel = "FILE.csv",
            description = "Test rows from this file (every row of --data is then training data, in file order).")
    Path testData;

    @Option(names = "--test-fraction", paramLabel = "F",
            description = "Share of the rows of --data kept for testing, drawn with --seed (default 0.2).")
    Double testFraction;

    @Option(names = "--standardize",
            description = "Standardize the features (mean and std of the training rows, recorded in the model file).")
    boolean standardize;

    @Option(names = "--dropout", paramLabel = "P", description = "Dropout of probability P after each hidden activation.")
    Double dropout;

    @Option(names = "--batchnorm", description = "Batch normalisation after each hidden Linear (before the activation).")
    boolean batchnorm;

    @Option(names = "--loss", paramLabel = "L",
            description = "cross-entropy (default for classification), mse (default for regression) or bce.")
    String loss;

    /** Whether a module must be trained instead of the book's network. */
    boolean wanted(ModelOptions model) {
        return data != null || target != null || task != null || testData != null || testFraction != null
                || standardize || dropout != null || batchnorm || loss != null || "tanh".equals(model.activation)
                || "logistic".equals(model.model);
    }
}
