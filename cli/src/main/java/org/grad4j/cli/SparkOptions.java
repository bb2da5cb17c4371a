package org.grad4j.cli;

import java.io.IOException;
import java.util.Map;
import java.util.ServiceLoader;
import org.grad4j.data.Examples;
import org.grad4j.io.Architecture;
import org.grad4j.nn.loss.Loss;
import org.grad4j.nn.module.Module;
import org.grad4j.train.ClusterTrainer;
import org.grad4j.train.TrainListener;
import org.grad4j.train.TrainSettings;
import picocli.CommandLine.Option;

/**
 * {@code train --spark MASTER}: data-parallel training on Apache Spark. The Spark module
 * (grad4j-spark) is found through {@link ServiceLoader} only when {@code --spark} is given, so that
 * no other command loads a Spark class; the launcher puts it and Spark on the class path then.
 */
final class SparkOptions {

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Train on Apache Spark: local[N] (N threads in this JVM) or spark://HOST:PORT (a standalone "
                    + "cluster). The training split (of a data set or a CSV file) becomes a DataFrame; train and test "
                    + "scores are measured here. Takes linear layers and activations (not --dropout or --batchnorm).")
    String master;

    @Option(names = "--spark-mode", defaultValue = "sync", paramLabel = "MODE",
            description = "sync (default: per step, every partition's gradient of its share of the batch, summed; the "
                    + "in-process result to rounding) or average (--spark-local-steps steps per partition, then the "
                    + "weights and optimizer state are averaged: one Spark job per K steps).")
    String mode;

    @Option(names = "--spark-local-steps", defaultValue = "50", paramLabel = "K",
            description = "Steps each partition takes between two averagings (--spark-mode average; default 50).")
    int localSteps;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
            description = "Partitions of the training data with --spark (default: the cluster's default parallelism).")
    int partitions;

    boolean enabled() {
        return master != null;
    }

    /** Checks the Spark options and the train options Spark cannot honour. */
    void check(boolean resume, boolean checkpoint, boolean numerical, String input) {
        if (!enabled()) {
            return;
        }
        if (!master.startsWith("local") && !master.startsWith("spark://")) {
            throw new BadInputException("--spark: expected local[N] or spark://HOST:PORT, got '" + master + "'");
        }
        if (!mode.equals("sync") && !mode.equals("average")) {
            throw new BadInputException("--spark-mode: unknown mode '" + mode + "' (expected sync, average)");
        }
        if (localSteps < 1) {
            throw new BadInputException("--spark-local-steps: must be at least 1, got " + localSteps);
        }
        if (partitions < 0) {
            throw new BadInputException("--partitions: must be at least 0, got " + partitions);
        }
        if (resume || checkpoint) {
            throw new BadInputException("--spark: --checkpoint and --resume are not supported on Spark; use --save");
        }
        if (numerical) {
            throw new BadInputException("--spark: only the backprop gradient is distributed (not --gradient numerical)");
        }
        if (input.equals("sparse")) {
            throw new BadInputException("--spark: executors multiply dense batches (not --input sparse)");
        }
    }

    /** Trains {@code module} (of {@code architecture}, with {@code loss}) in place on the cluster. */
    ClusterTrainer.Outcome train(Architecture architecture, Module module, Loss loss, OptimizerOptions optim, double lr,
                                 Examples train, Examples test, TrainSettings s, TrainListener listener) throws IOException {
        ClusterTrainer trainer = ServiceLoader.load(ClusterTrainer.class).findFirst().orElseThrow(() ->
                new BadInputException("--spark: the Spark module (grad4j-spark) and Spark are not on the class path; "
                        + "run through ./grad4j, which adds them when --spark is given"));
        ClusterTrainer.Job job = new ClusterTrainer.Job(master, mode, localSteps, partitions, architecture, module, loss,
                optim.optimizer, optim.settings(lr), optim.schedule(), train, test, s);
        return trainer.train(job, listener);
    }

    /** The line {@code train} logs before a Spark run. */
    String describe() {
        return "spark    " + master + ", " + mode + " mode"
                + (mode.equals("average") ? " (" + localSteps + " local steps per round)" : "")
                + (partitions > 0 ? ", " + partitions + " partitions" : "");
    }

    /** The details as the JSON object {@code "spark"}: master, mode, partitions, then the timings. */
    static Json json(Map<String, Object> details) {
        Json j = Json.object();
        for (Map.Entry<String, Object> e : details.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Integer || v instanceof Long) {
                j.put(e.getKey(), ((Number) v).longValue());
            } else if (v instanceof Number n) {
                j.put(e.getKey(), n.doubleValue());
            } else {
                j.put(e.getKey(), String.valueOf(v));
            }
        }
        return j;
    }
}
