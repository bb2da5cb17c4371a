package org.grad4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;
import org.grad4j.data.Sampling;
import org.grad4j.io.ModelFile;
import org.grad4j.io.NdArray;
import org.grad4j.io.Npz;
import org.grad4j.nn.Activation;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.MultiLayerNet;
import org.grad4j.nn.Parameter;
import org.grad4j.nn.TwoLayerNet;
import org.grad4j.optim.Sgd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrainerTest {
    /** grad4j's float64 SGD against PyTorch's: same data, same order, same arithmetic up to rounding. */
    static final double TORCH_TOLERANCE = 1e-9;

    static Dataset sample;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws IOException {
        sample = Datasets.sample();
    }

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = TrainerTest.class.getResourceAsStream(name)) {
            Files.copy(in, p);
        }
        return p;
    }

    /**
     * init.npz and sgd50.npz were made once by bench/compare/make_sgd_reference.py (PyTorch 1.13,
     * float64, nn.Sequential + CrossEntropyLoss + optim.SGD, cross-checked against the book's NumPy
     * gradient) on the mnist-sample IDX files: 50 iterations, lr 0.1, batch 100, batch k = training
     * rows [100k, 100k + 100).
     */
    @ParameterizedTest
    @EnumSource(value = InputMode.class, names = {"DENSE", "SPARSE"})
    void fiftySequentialStepsEqualPyTorchsFloat64Sgd(InputMode mode) throws IOException {
        FeedForwardNet net = ModelFile.load(resource("init.npz"), Activation.SIGMOID);
        TrainSettings s = TrainSettings.book().withIterations(50).withSampling(Sampling.SEQUENTIAL);
        Trainer trainer = new Trainer(net, new Sgd(0.1), sample, s).input(mode);
        assertThat(trainer.inputMode()).isEqualTo(mode);
        TrainResult r = trainer.run(TrainListener.NONE);
        assertThat(r.iterations()).isEqualTo(50);
        // losses printed by the same script: loss[0] and loss[49]
        assertThat(r.history().loss()[0]).isCloseTo(2.304074490719623, org.assertj.core.data.Offset.offset(1e-12));
        Map<String, NdArray> expected = Npz.read(resource("sgd50.npz"));
        for (Parameter p : net.parameters()) {
            double[] want = expected.get(p.name()).data();
            double[] got = p.value().data();
            for (int i = 0; i < want.length; i++) {
                if (Math.abs(got[i] - want[i]) > TORCH_TOLERANCE) {
                    throw new AssertionError(p.name() + "[" + i + "]: grad4j " + got[i] + ", PyTorch " + want[i]);
                }
            }
        }
    }

    @Test
    void autoReadsTheMostlyZeroDigitsSparsely() {
        FeedForwardNet net = new TwoLayerNet(784, 50, 10, 0.01, Activation.SIGMOID, new java.util.Random(1));
        assertThat(sample.train().density()).isBetween(0.15, 0.25).isEqualTo(sample.train().sparse().density());
        assertThat(new Trainer(net, new Sgd(0.1), sample, TrainSettings.book()).inputMode())
                .isEqualTo(InputMode.SPARSE);
        // a short run does not repay the sparse kernels' JIT warm-up
        assertThat(new Trainer(net, new Sgd(0.1), sample, TrainSettings.book().withIterations(1000)).inputMode())
                .isEqualTo(InputMode.DENSE);
        // what is left of a resumed run counts, and a later input(...) is not ignored
        Trainer resumed = new Trainer(net, new Sgd(0.1), sample, TrainSettings.book());
        assertThat(resumed.inputMode()).isEqualTo(InputMode.SPARSE);
        resumed.resume(new Checkpoint.State(net, 9000, 0, new History(10_000)));
        assertThat(resumed.inputMode()).isEqualTo(InputMode.DENSE);
        assertThat(resumed.input(InputMode.SPARSE).inputMode()).isEqualTo(InputMode.SPARSE);
        // too narrow a first layer for the sparse kernels: dense, and asking for sparse says why
        FeedForwardNet narrow = new TwoLayerNet(784, 10, 10, 0.01, Activation.SIGMOID, new java.util.Random(1));
        assertThat(new Trainer(narrow, new Sgd(0.1), sample, TrainSettings.book()).inputMode())
                .isEqualTo(InputMode.DENSE);
        assertThatThrownBy(() -> new Trainer(narrow, new Sgd(0.1), sample, TrainSettings.book())
                .input(InputMode.SPARSE).inputMode()).hasMessageContaining("at least 28 units");
        assertThatThrownBy(() -> new Trainer(net, new Sgd(0.1), sample,
                TrainSettings.book().withGradient(GradientMode.NUMERICAL, 1)).input(InputMode.SPARSE).inputMode())
                .hasMessageContaining("backprop gradient only");
    }

    @Test
    void sparseInputIsTheFusedStepsOnlyAndAdamIsRefusedIt() {
        // the sparse kernels are part of the fused SGD plan; Adam takes the book's backprop (dense)
        FeedForwardNet net = new MultiLayerNet(784, new int[] {60, 30}, 10, Activation.RELU,
                org.grad4j.nn.Init.HE, new java.util.Random(5));
        TrainSettings s = TrainSettings.book().withIterations(120).withSampling(Sampling.REPLACEMENT).withSeed(3);
        Trainer adam = new Trainer(net, new org.grad4j.optim.Adam(0.001), sample, s);
        assertThat(adam.inputMode()).isEqualTo(InputMode.DENSE);
        assertThat(adam.plan().kind()).isEqualTo(Plan.Kind.BOOK_BACKPROP);
        assertThatThrownBy(() -> adam.input(InputMode.SPARSE).inputMode())
                .hasMessage("sparse input needs the fused SGD step, which is refused: the optimizer is Adam, not plain SGD");
    }

    @Test
    void denseAndSparseInputTrainTheSameWeightsWithPlainSgd() throws IOException {
        // both take FeedForwardNet.sgdStep: the dense one gathers its batch, the sparse one does not
        double[][] finals = new double[2][];
        for (InputMode mode : new InputMode[] {InputMode.DENSE, InputMode.SPARSE}) {
            FeedForwardNet net = new TwoLayerNet(784, 50, 10, new Random(5));
            TrainSettings s = TrainSettings.book().withIterations(120).withSampling(Sampling.REPLACEMENT).withSeed(3);
            new Trainer(net, new Sgd(0.1), sample, s).input(mode).run(TrainListener.NONE);
            finals[mode == InputMode.DENSE ? 0 : 1] = net.paramArrays()[0].clone();
        }
        for (int i = 0; i < finals[0].length; i++) {
            assertThat(finals[1][i]).as("W1[%d]", i).isCloseTo(finals[0][i], org.assertj.core.data.Offset.offset(1e-10));
        }
    }

    /** The JIT compiles more of the code during the first run; results must not depend on that. */
    @ParameterizedTest
    @EnumSource(value = InputMode.class, names = {"DENSE", "SPARSE"})
    void identicalRunsGiveIdenticalWeights(InputMode mode) throws IOException {
        double[][] w = new double[3][];
        for (int run = 0; run < 3; run++) {
            FeedForwardNet net = new TwoLayerNet(784, 30, 10, new Random(3));
            new Trainer(net, new Sgd(0.1), sample, TrainSettings.book().withIterations(150).withSeed(2)).input(mode)
                    .run(TrainListener.NONE);
            w[run] = net.paramArrays()[0].clone();
        }
        assertThat(w[1]).containsExactly(w[0]);
        assertThat(w[2]).containsExactly(w[0]);
    }

    @Test
    void resumingFromACheckpointGivesTheSameWeightsAsOneRun() throws IOException {
        TrainSettings s = TrainSettings.book().withIterations(120).withSeed(7);
        FeedForwardNet straight = new TwoLayerNet(784, 20, 10, new Random(3));
        new Trainer(straight, new Sgd(0.1), sample, s).run(TrainListener.NONE);

        Path ckpt = dir.resolve("ckpt.npz");
        FeedForwardNet first = new TwoLayerNet(784, 20, 10, new Random(3));
        new Trainer(first, new Sgd(0.1), sample, s.withIterations(50).withCheckpoint(ckpt, 25)).run(TrainListener.NONE);
        Checkpoint.State state = Checkpoint.read(ckpt, Activation.SIGMOID);
        assertThat(state.iteration()).isEqualTo(50);
        assertThat(state.history().iterations()).isEqualTo(50);
        TrainResult r = new Trainer(state.net(), new Sgd(0.1), sample, s.withCheckpoint(ckpt, 25)).resume(state)
                .run(TrainListener.NONE);
        assertThat(r.iterations()).isEqualTo(120);
        for (int i = 0; i < 4; i++) {
            assertThat(state.net().paramArrays()[i]).as("parameter %d", i).containsExactly(straight.paramArrays()[i]);
        }
        // the checkpoint is also a model file NumPy reads: W1, b1, W2, b2 first
        assertThat(Npz.read(ckpt).keySet()).startsWith("W1", "b1", "W2", "b2");
    }

    @Test
    void divergenceStopsWithTheIterationAndKeepsTheLastGoodCheckpoint() throws IOException {
        Path ckpt = dir.resolve("ckpt.npz");
        FeedForwardNet net = new TwoLayerNet(784, 20, 10, new Random(3));
        TrainSettings s = TrainSettings.book().withIterations(300).withCheckpoint(ckpt, 10);
        Sgd sgd = new Sgd(0.1);
        // a sane start, then a learning rate that sends the weights to infinity
        new Trainer(net, sgd, sample, s.withIterations(20)).run(TrainListener.NONE);
        byte[] good = Files.readAllBytes(ckpt);
        sgd.setLr(1e308);
        assertThatThrownBy(() -> new Trainer(net, sgd, sample, s.withCheckpoint(ckpt, 1000)).run(TrainListener.NONE))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageMatching("training diverged at iteration \\d+: .* \\(learning rate 1e\\+308 too large\\?\\); "
                        + "nothing was saved; the checkpoint .*ckpt.npz is left as it was");
        assertThat(Files.readAllBytes(ckpt)).isEqualTo(good);
    }

    @Test
    void historyHasALossPerIterationAndAnEvaluationPerEpoch() throws IOException {
        FeedForwardNet net = new TwoLayerNet(784, 20, 10, new Random(3));
        TrainResult r = new Trainer(net, new Sgd(0.1), sample, TrainSettings.book().withIterations(200))
                .run(TrainListener.NONE);
        History h = r.history();
        assertThat(h.iterations()).isEqualTo(200);
        assertThat(h.evalIterations()).containsExactly(80, 160, 200); // 8 000 / 100 = 80 per epoch, and the end
        assertThat(r.testAccuracy()).isEqualTo(h.testAccuracy()[2]);
        assertThat(r.trainAccuracy()).isBetween(0.1, 1.0);
        assertThat(h.loss()[199]).isLessThan(h.loss()[0]);
    }

    @Test
    void aNetworkOfTheWrongSizeIsRejected() {
        FeedForwardNet net = new TwoLayerNet(700, 20, 10, new Random(3));
        assertThatThrownBy(() -> new Trainer(net, new Sgd(0.1), sample, TrainSettings.book()))
                .hasMessage("the network takes 700 inputs but mnist-sample has 784 features per example");
    }
}
