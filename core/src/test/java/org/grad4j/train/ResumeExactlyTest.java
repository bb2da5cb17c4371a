package org.grad4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.grad4j.data.Sampling;
import org.grad4j.data.Table;
import org.grad4j.data.TableDataset;
import org.grad4j.nn.Init;
import org.grad4j.nn.loss.MSELoss;
import org.grad4j.nn.module.Linear;
import org.grad4j.nn.module.Sequential;
import org.grad4j.nn.module.Tanh;
import org.grad4j.optim.AdaGrad;
import org.grad4j.optim.Adam;
import org.grad4j.optim.Optimizer;
import org.grad4j.optim.RMSprop;
import org.grad4j.optim.Sgd;
import org.grad4j.optim.schedule.ReduceLrOnPlateau;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 100 steps, a checkpoint, and 100 resumed steps give the weights of 200 straight steps, bit for
 * bit: for every optimizer, and with the plateau schedule, whose state the checkpoint carries.
 */
class ResumeExactlyTest {

    @TempDir
    Path dir;

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("sgd", (Supplier<Optimizer>) () -> new Sgd(0.05)),
                Arguments.of("momentum", (Supplier<Optimizer>) () -> new Sgd(new Sgd.Options(0.05, 0.9, 0, false, 0))),
                Arguments.of("nesterov", (Supplier<Optimizer>) () -> new Sgd(new Sgd.Options(0.05, 0.9, 0, true, 1e-3))),
                Arguments.of("adam", (Supplier<Optimizer>) () -> new Adam(0.01)),
                Arguments.of("adagrad", (Supplier<Optimizer>) () -> new AdaGrad(0.05)),
                Arguments.of("rmsprop", (Supplier<Optimizer>) () -> new RMSprop(0.001)));
    }

    static TableDataset data() {
        Random rng = new Random(4);
        double[][] x = new double[120][3];
        double[] y = new double[120];
        for (int n = 0; n < 120; n++) {
            for (int i = 0; i < 3; i++) {
                x[n][i] = rng.nextGaussian();
            }
            y[n] = Math.sin(x[n][0]) + x[n][1] * x[n][2];
        }
        return TableDataset.split(Table.regression(x, y), 0.25, 1);
    }

    static Sequential net() {
        Random rng = new Random(2);
        return Sequential.book(new Linear(3, 16, Init.XAVIER, rng), new Tanh(), new Linear(16, 1, Init.XAVIER, rng));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void resumedRunEqualsTheStraightRun(String name, Supplier<Optimizer> optimizer) throws Exception {
        TableDataset ds = data();
        TrainSettings s = TrainSettings.book().withIterations(200).withBatch(16).withSampling(Sampling.SHUFFLE).withSeed(5);
        Sequential straight = net();
        TrainResult whole = new Trainer(straight, new MSELoss(), optimizer.get(), ds.train(), ds.test(), s)
                .run(TrainListener.NONE);

        Path ckpt = dir.resolve(name + ".npz");
        Sequential first = net();
        new Trainer(first, new MSELoss(), optimizer.get(), ds.train(), ds.test(),
                s.withIterations(100).withCheckpoint(ckpt, 100)).run(TrainListener.NONE);
        Sequential resumed = net(); // fresh weights and a fresh optimizer: everything comes from the checkpoint
        Checkpoint.State state = Checkpoint.readInto(ckpt, resumed);
        assertThat(state.iteration()).isEqualTo(100);
        assertThat(state.optimizer()).as("the optimizer's state, by parameter name").isNotNull();
        if (!name.equals("sgd")) {
            assertThat(state.optimizer()).isNotEmpty();
        }
        TrainResult continued = new Trainer(resumed, new MSELoss(), optimizer.get(), ds.train(), ds.test(),
                s.withCheckpoint(ckpt, 100)).resume(state).run(TrainListener.NONE);
        History h = continued.history();
        assertThat(h.evalIterations()).containsExactly(whole.history().evalIterations());
        for (History.Metric m : History.Metric.of(org.grad4j.data.Task.REGRESSION)) {
            assertThat(h.values(m)).as("%s, the checkpointed part included", m.key())
                    .containsExactly(whole.history().values(m));
        }
        var a = straight.namedParameters();
        var b = resumed.namedParameters();
        for (String p : a.keySet()) {
            assertThat(b.get(p).data()).as(p).containsExactly(a.get(p).data());
        }
    }

    static Stream<Arguments> plateaus() {
        return Stream.of(
                Arguments.of("torch's defaults", ReduceLrOnPlateau.Options.defaults(), false),
                Arguments.of("factor 0.5, patience 0", ReduceLrOnPlateau.Options.of(0.5, 0), true),
                Arguments.of("factor 0.5, patience 1, cooldown 2",
                        new ReduceLrOnPlateau.Options(ReduceLrOnPlateau.Mode.MIN, 0.5, 1, 1e-4, true, 2, 0), true));
    }

    /**
     * Batches of 14 of the 90 training rows: 6 iterations an epoch, so the checkpoint at 100 falls
     * 4 iterations into an epoch, whose losses so far the resumed run must count in the epoch's mean.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("plateaus")
    void resumedRunWithThePlateauScheduleEqualsTheStraightRun(String name, ReduceLrOnPlateau.Options options,
            boolean reducesAfterTheCheckpoint) throws Exception {
        TableDataset ds = data();
        TrainSettings s = TrainSettings.book().withIterations(200).withBatch(14).withSampling(Sampling.SHUFFLE).withSeed(5);
        Sequential straight = net();
        Sgd straightSgd = new Sgd(new Sgd.Options(0.2, 0.9, 0, false, 0));
        new Trainer(straight, new MSELoss(), straightSgd, ds.train(), ds.test(), s)
                .schedule(new ReduceLrOnPlateau(options)).run(TrainListener.NONE);

        Path ckpt = dir.resolve("plateau.npz");
        new Trainer(net(), new MSELoss(), new Sgd(new Sgd.Options(0.2, 0.9, 0, false, 0)), ds.train(), ds.test(),
                s.withIterations(100).withCheckpoint(ckpt, 100)).schedule(new ReduceLrOnPlateau(options))
                .run(TrainListener.NONE);
        Sequential resumed = net();
        Checkpoint.State state = Checkpoint.readInto(ckpt, resumed);
        assertThat(state.schedule()).as("the schedule's state, by name")
                .containsKeys("best", "num_bad_epochs", "cooldown_counter", "last_epoch", "last_lr");
        assertThat(state.schedule().get("last_epoch")).isEqualTo(100 / 6);
        Sgd resumedSgd = new Sgd(new Sgd.Options(0.2, 0.9, 0, false, 0));
        new Trainer(resumed, new MSELoss(), resumedSgd, ds.train(), ds.test(), s.withCheckpoint(ckpt, 100))
                .schedule(new ReduceLrOnPlateau(options)).resume(state).run(TrainListener.NONE);

        if (reducesAfterTheCheckpoint) {
            assertThat(straightSgd.lr()).as("the lr is reduced between iterations 100 and 200").isLessThan(state.lr());
        }
        assertThat(resumedSgd.lr()).isEqualTo(straightSgd.lr());
        var a = straight.namedParameters();
        var b = resumed.namedParameters();
        for (String p : a.keySet()) {
            assertThat(b.get(p).data()).as(p).containsExactly(a.get(p).data());
        }
    }

    /** A regression checkpoint written before regression metrics were kept (R² in the accuracy arrays) still resumes. */
    @org.junit.jupiter.api.Test
    void aRegressionCheckpointWithoutItsMetricsResumesWithItsR2() throws Exception {
        TableDataset ds = data();
        TrainSettings s = TrainSettings.book().withIterations(40).withBatch(18).withSeed(5);
        Path ckpt = dir.resolve("old.npz");
        TrainResult first = new Trainer(net(), new MSELoss(), new Adam(0.01), ds.train(), ds.test(),
                s.withIterations(20).withCheckpoint(ckpt, 20)).run(TrainListener.NONE);
        var arrays = org.grad4j.io.Npz.read(ckpt);
        for (History.Metric m : History.Metric.of(org.grad4j.data.Task.REGRESSION)) {
            arrays.remove("grad4j_" + m.key());
        }
        arrays.put("grad4j_train_accuracy", org.grad4j.io.NdArray.vector(first.history().values(History.Metric.TRAIN_R2)));
        arrays.put("grad4j_test_accuracy", org.grad4j.io.NdArray.vector(first.history().testR2()));
        org.grad4j.io.Npz.write(ckpt, arrays);
        Sequential resumed = net();
        Checkpoint.State state = Checkpoint.readInto(ckpt, resumed);
        History h = new Trainer(resumed, new MSELoss(), new Adam(0.01), ds.train(), ds.test(), s).resume(state)
                .run(TrainListener.NONE).history();
        assertThat(h.task()).isEqualTo(org.grad4j.data.Task.REGRESSION);
        assertThat(h.evaluations()).isEqualTo(2 * first.history().evaluations());
        assertThat(java.util.Arrays.copyOf(h.testR2(), first.history().evaluations()))
                .containsExactly(first.history().testR2());
        assertThat(h.testMse()[0]).as("not in the old checkpoint").isNaN();
        assertThat(h.testMse()[h.evaluations() - 1]).isPositive();
    }
}
