package org.grad4j.train;

import java.io.IOException;
import java.util.Map;
import org.grad4j.data.Examples;
import org.grad4j.io.Architecture;
import org.grad4j.nn.loss.Loss;
import org.grad4j.nn.module.Module;
import org.grad4j.optim.schedule.Schedule;

/**
 * Training on a cluster, provided by a module that is not a dependency of the core (grad4j-spark),
 * found with {@link java.util.ServiceLoader} when that module is on the class path: the command
 * line's {@code train --spark MASTER} asks for it, so that the cluster's classes load only then.
 */
public interface ClusterTrainer {

    /**
     * What to train and where.
     *
     * @param master           where to run ({@code local[2]}, {@code spark://host:port})
     * @param mode             {@code sync} (data-parallel SGD, the in-process result to rounding) or
     *                         {@code average} (local steps, then parameter averaging)
     * @param localSteps       steps each partition takes between two averagings ({@code average})
     * @param partitions       partitions of the training data (0: the cluster's default parallelism)
     * @param architecture     the module's architecture, from which every executor builds its copy
     *                         (parameters named as the module names them)
     * @param module           the model, trained in place (its weights are the initial ones)
     * @param loss             the loss, the one the architecture names
     * @param optimizer        the optimizer's name ({@link org.grad4j.optim.Optimizers})
     * @param optimizerOptions its options (torch's names)
     * @param schedule         learning-rate schedule (applied once per epoch), or null
     * @param train            the training examples (classification, or regression of one target),
     *                         distributed in their order
     * @param test             the test examples, evaluated on the driver
     * @param settings         iterations, batch, sampling, seed, clipping, evaluation interval
     */
    record Job(String master, String mode, int localSteps, int partitions, Architecture architecture, Module module,
               Loss loss, String optimizer, Map<String, Double> optimizerOptions, Schedule schedule, Examples train,
               Examples test, TrainSettings settings) {}

    /**
     * The outcome.
     *
     * @param result  as an in-process run returns it
     * @param details what the cluster did ({@code master}, {@code mode}, {@code partitions}, timings), for JSON
     */
    record Outcome(TrainResult result, Map<String, Object> details) {}

    /** Trains {@code job.module()} in place, reporting progress to {@code listener}. */
    Outcome train(Job job, TrainListener listener) throws IOException;
}
