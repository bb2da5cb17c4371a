package org.grad4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.Random;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;
import org.grad4j.data.Normalization;
import org.grad4j.data.Sampling;
import org.grad4j.data.Task;
import org.grad4j.io.Architecture;
import org.grad4j.nn.Activation;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.Init;
import org.grad4j.nn.MultiLayerNet;
import org.grad4j.nn.TwoLayerNet;
import org.grad4j.optim.Optimizers;
import org.grad4j.train.GradientMode;
import org.grad4j.train.InputMode;
import org.grad4j.train.TrainListener;
import org.grad4j.train.TrainSettings;
import org.grad4j.train.Trainer;
import org.grad4j.optim.schedule.Schedules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sync} mode on {@code local[2]} gives the in-process {@link Trainer}'s weights, to rounding,
 * whatever the number of partitions: same initial weights, same batch order (BatchSampler, seed 3),
 * 100 steps on the 8 000 training digits of the MNIST sample.
 */
class SyncParityTest {
    /** The bound on the largest weight difference after 100 steps. */
    static final double PARITY = 1e-12;
    static final int STEPS = 100;
    static final int BATCH = 100;
    static final long SEED = 3;

    static Dataset sample;

    @BeforeAll
    static void load() throws IOException {
        sample();
    }

    static synchronized Dataset sample() throws IOException {
        if (sample == null) {
            sample = Datasets.sample();
        }
        return sample;
    }

    static FeedForwardNet initial() {
        return initial("sigmoid");
    }

    /** The book's TwoLayerNet 784-50-10 (sigmoid), or a MultiLayerNet 784-50-10 with ReLU and He's initial weights. */
    static FeedForwardNet initial(String net) {
        return net.equals("relu") ? new MultiLayerNet(784, new int[] {50}, 10, Activation.RELU, Init.HE, new Random(7))
                : new TwoLayerNet(784, 50, 10, 0.01, Activation.SIGMOID, new Random(7));
    }

    /** The in-process run the Spark runs are compared with. */
    static FeedForwardNet inProcess(String optimizer, double lr) throws IOException {
        return inProcess("sigmoid", optimizer, lr);
    }

    static FeedForwardNet inProcess(String model, String optimizer, double lr) throws IOException {
        FeedForwardNet net = initial(model);
        TrainSettings s = new TrainSettings(STEPS, BATCH, Sampling.SHUFFLE, SEED, GradientMode.BACKPROP, 1, 0,
                Double.POSITIVE_INFINITY, null, 0);
        new Trainer(net, Optimizers.create(optimizer, lr), sample(), s).input(InputMode.DENSE).run(TrainListener.NONE);
        return net;
    }

    /** The book network's architecture (softmax cross-entropy on pixels / 255) and module, as {@code grad4j train} ships it. */
    static ModelSpec spec(FeedForwardNet net) {
        int[] sizes = java.util.stream.IntStream.concat(java.util.stream.IntStream.of(net.inputSize()),
                net.parameters().stream().filter(p -> p.value().rank() == 2).mapToInt(p -> p.value().cols())).toArray();
        String act = net.activation() == null ? "sigmoid" : net.activation().name().toLowerCase(java.util.Locale.ROOT);
        Architecture a = Architecture.feedForward(Task.CLASSIFICATION, sizes, act, "cross-entropy",
                Normalization.divide(net.inputSize(), 255));
        return ModelSpec.of(a, net.asModule());
    }

    static double maxDifference(double[][] a, double[][] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                m = Math.max(m, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return m;
    }

    @ParameterizedTest(name = "{0} partitions, {1}, {3}")
    @CsvSource({"1, sgd, 0.1, sigmoid", "2, sgd, 0.1, sigmoid", "3, sgd, 0.1, sigmoid", "2, adam, 0.001, sigmoid",
        "2, sgd, 0.1, relu"})
    void syncEqualsInProcess(int partitions, String optimizer, double lr, String model) throws IOException {
        FeedForwardNet reference = inProcess(model, optimizer, lr);
        FeedForwardNet start = initial(model);
        double[][] w = ModelSpec.weightsOf(start.asModule());
        try (Frames.Frame f = Frames.of(LocalSpark.session(), sample.train(), partitions);
             TrainingData data = TrainingData.of(f.df(), "features", "label", 0, Task.CLASSIFICATION, 10)) {
            assertThat(data.partitions()).isEqualTo(partitions);
            Plan plan = new Plan(Mode.SYNC, 1, STEPS, BATCH, Sampling.SHUFFLE, SEED, Double.POSITIVE_INFINITY, 0, null);
            DataParallel.Result r = DataParallel.train(LocalSpark.context(), data, spec(start), w,
                    new OptimizerSpec(optimizer, Map.of("lr", lr)), plan, (it, total, loss) -> { });
            assertThat(r.losses()).hasSize(STEPS);
            assertThat(r.times().jobs()).isEqualTo(STEPS);
        }
        assertThat(maxDifference(w, reference.paramArrays())).isLessThanOrEqualTo(PARITY);
        assertThat(maxDifference(w, ModelSpec.weightsOf(initial(model).asModule()))).isGreaterThan(1e-3); // it did train
    }

    /** Gradient clipping and a learning-rate schedule (halved after the first epoch, step 80) are the in-process ones too. */
    @Test
    void clippingAndScheduleToo() throws IOException {
        FeedForwardNet reference = initial("relu");
        TrainSettings s = new TrainSettings(STEPS, BATCH, Sampling.SHUFFLE, SEED, GradientMode.BACKPROP, 1, 0,
                CLIP, null, 0);
        new Trainer(reference, Optimizers.create("momentum", 0.05), sample(), s).schedule(Schedules.parse(SCHEDULE))
                .input(InputMode.DENSE).run(TrainListener.NONE);
        FeedForwardNet start = initial("relu");
        double[][] w = ModelSpec.weightsOf(start.asModule());
        try (Frames.Frame f = Frames.of(LocalSpark.session(), sample.train(), 2);
             TrainingData data = TrainingData.of(f.df(), "features", "label", 0, Task.CLASSIFICATION, 10)) {
            Plan plan = new Plan(Mode.SYNC, 1, STEPS, BATCH, Sampling.SHUFFLE, SEED, CLIP, 0, Schedules.parse(SCHEDULE));
            DataParallel.train(LocalSpark.context(), data, spec(start), w,
                    new OptimizerSpec("momentum", Map.of("lr", 0.05)), plan, (it, total, loss) -> { });
        }
        assertThat(maxDifference(w, reference.paramArrays())).isLessThanOrEqualTo(PARITY);
    }

    static final double CLIP = 1.0;
    static final String SCHEDULE = "step:1:0.5";
}
