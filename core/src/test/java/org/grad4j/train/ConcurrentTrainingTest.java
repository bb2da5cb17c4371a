package org.grad4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;
import org.grad4j.data.Examples;
import org.grad4j.data.Sampling;
import org.grad4j.data.SplitExamples;
import org.grad4j.nn.Init;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.nn.module.Linear;
import org.grad4j.nn.module.Module;
import org.grad4j.nn.module.Sequential;
import org.grad4j.nn.module.Tanh;
import org.grad4j.optim.Adam;
import org.grad4j.optim.Optimizer;
import org.grad4j.optim.Sgd;
import org.grad4j.tensor.AtOnce;
import org.grad4j.tensor.SparseProduct;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two {@link Trainer} runs of the same model on two threads at once, each with the second core it
 * owns, end with the weights, loss and scores of the same run made alone, bit for bit, for every kind
 * of plan: the runs share no worker and no buffer, and no kernel's rounding depends on which
 * thread was free.
 */
class ConcurrentTrainingTest {

    /** Iterations per run: fewer than an epoch of the sample, so the only evaluation is the final one. */
    private static final int ITERATIONS = 50;
    /** Rounds of two concurrent runs per plan; each compares both runs with the one made alone. */
    private static final int ROUNDS = 2;

    static Examples train;
    static Examples test;

    @BeforeAll
    static void load() throws IOException {
        Dataset sample = Datasets.sample();
        train = SplitExamples.train(sample);
        test = SplitExamples.test(sample);
    }

    /** One run's model, optimizer and input, made fresh for every run. */
    record Setup(String name, Supplier<Module> module, Supplier<Optimizer> optimizer, InputMode input,
            Plan.Kind kind) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> setups() {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of(new Setup("fused, dense, sigmoid", () -> StepPlannerTest.book(new int[] {50}, false, 7),
                () -> new Sgd(0.1), InputMode.DENSE, Plan.Kind.FUSED_SGD)));
        if (SparseProduct.available()) {
            out.add(Arguments.of(new Setup("fused, sparse, relu", () -> StepPlannerTest.book(new int[] {50}, true, 7),
                    () -> new Sgd(0.1), InputMode.SPARSE, Plan.Kind.FUSED_SGD)));
        }
        out.add(Arguments.of(new Setup("book's backprop, Adam", () -> StepPlannerTest.book(new int[] {50}, true, 7),
                () -> new Adam(0.001), InputMode.DENSE, Plan.Kind.BOOK_BACKPROP)));
        out.add(Arguments.of(new Setup("autograd, tanh, SGD", () -> {
            java.util.Random rng = new java.util.Random(7);
            return Sequential.book(new Linear(784, 50, Init.XAVIER, rng), new Tanh(), new Linear(50, 10, Init.XAVIER, rng));
        }, () -> new Sgd(0.1), InputMode.DENSE, Plan.Kind.GENERIC)));
        return out.stream();
    }

    /** What a run ends with: every parameter, the last loss and both scores. */
    record Outcome(double[][] weights, double loss, double trainScore, double testScore) {}

    private static Outcome run(Setup s) throws IOException {
        Module module = s.module().get();
        TrainSettings settings = TrainSettings.book().withIterations(ITERATIONS).withSampling(Sampling.REPLACEMENT)
                .withSeed(3);
        Trainer trainer = new Trainer(module, new CrossEntropyLoss(), s.optimizer().get(), train, test, settings)
                .input(s.input());
        assertThat(trainer.plan().kind()).isEqualTo(s.kind());
        TrainResult r = trainer.run(TrainListener.NONE);
        double[][] w = module.parameters().stream().map(p -> p.data().clone()).toArray(double[][]::new);
        return new Outcome(w, r.finalLoss(), r.trainAccuracy(), r.testAccuracy());
    }

    private static void assertSame(Outcome actual, Outcome expected, String how) {
        assertThat(actual.loss()).as("%s: final loss", how).isEqualTo(expected.loss());
        assertThat(actual.trainScore()).as("%s: train score", how).isEqualTo(expected.trainScore());
        assertThat(actual.testScore()).as("%s: test score", how).isEqualTo(expected.testScore());
        for (int p = 0; p < expected.weights().length; p++) {
            assertThat(actual.weights()[p]).as("%s: parameter %d", how, p).containsExactly(expected.weights()[p]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void twoRunsAtOnceTrainTheBitsOfARunAlone(Setup s) throws Exception {
        Outcome alone = run(s);
        for (int round = 0; round < ROUNDS; round++) {
            List<Outcome> got = AtOnce.run("trainer", 60_000, List.of(() -> run(s), () -> run(s)));
            assertSame(got.get(0), alone, "round " + round + ", first run");
            assertSame(got.get(1), alone, "round " + round + ", second run");
        }
    }
}
