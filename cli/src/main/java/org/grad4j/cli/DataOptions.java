package org.grad4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;
import picocli.CommandLine.Option;

/** {@code --dataset}, shared by train and eval. */
final class DataOptions {

    @Option(names = "--dataset", defaultValue = "mnist", paramLabel = "NAME|DIR",
            description = "mnist (default; downloaded once into ~/.cache/grad4j, falls back to mnist-sample "
                    + "when it cannot be had), fashion-mnist (Debian's dataset-fashion-mnist when installed), "
                    + "mnist-sample (10 000 MNIST digits shipped with grad4j) or a directory of the four IDX files.")
    String dataset;

    /** Loads the data set; {@code mnist} offline falls back to {@code mnist-sample}, saying so on {@code log}. */
    Dataset load(PrintStream log) throws IOException {
        return Datasets.loadOrSample(dataset, null, log::println);
    }
}
