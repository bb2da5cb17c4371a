package org.grad4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.grad4j.autograd.Tensor;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;
import org.grad4j.data.Examples;
import org.grad4j.data.Sampling;
import org.grad4j.data.SplitExamples;
import org.grad4j.data.Table;
import org.grad4j.nn.Init;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.nn.loss.Loss;
import org.grad4j.nn.loss.MSELoss;
import org.grad4j.nn.module.BatchNorm1d;
import org.grad4j.nn.module.Dropout;
import org.grad4j.nn.module.Linear;
import org.grad4j.nn.module.Module;
import org.grad4j.nn.module.Relu;
import org.grad4j.nn.module.Sequential;
import org.grad4j.nn.module.Sigmoid;
import org.grad4j.nn.module.Tanh;
import org.grad4j.optim.Adam;
import org.grad4j.optim.Optimizer;
import org.grad4j.optim.Sgd;
import org.grad4j.tensor.SparseProduct;
import org.grad4j.tensor.TwoCores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link StepPlanner}: every pattern it accepts trains the same weights through the fused step as
 * through the generic autograd step, and every pattern it must refuse is refused.
 */
class StepPlannerTest {

    /** Fused and generic sum products in different orders; 25 steps keep the drift far below this. */
    private static final double SAME_WEIGHTS = 1e-12;
    private static final int STEPS = 25;

    static Dataset sample;
    static Examples train;

    @BeforeAll
    static void load() throws IOException {
        sample = Datasets.sample();
        train = SplitExamples.train(sample);
    }

    /** Plain SGD that does not say so: the planner must give it the generic step. */
    private static Optimizer undeclared(Sgd sgd) {
        return new Optimizer() {
            @Override
            public void step(double[][] params, double[][] grads) {
                sgd.step(params, grads);
            }

            @Override
            public double lr() {
                return sgd.lr();
            }

            @Override
            public void setLr(double lr) {
                sgd.setLr(lr);
            }

            @Override
            public void reset() {
                sgd.reset();
            }
        };
    }

    static Sequential book(int[] hidden, boolean relu, long seed) {
        Random rng = new Random(seed);
        List<Module> layers = new ArrayList<>();
        int prev = 784;
        for (int h : hidden) {
            layers.add(new Linear(prev, h, relu ? Init.HE : Init.XAVIER, rng));
            layers.add(relu ? new Relu() : new Sigmoid());
            prev = h;
        }
        layers.add(new Linear(prev, 10, relu ? Init.HE : Init.XAVIER, rng));
        return Sequential.book(layers.toArray(new Module[0]));
    }

    static Stream<Arguments> accepted() {
        List<Arguments> out = new ArrayList<>();
        for (int[] hidden : new int[][] {{50}, {60, 30}, {50, 40, 30}}) {
            for (boolean relu : new boolean[] {false, true}) {
                out.add(Arguments.of(hidden, relu, false));
                out.add(Arguments.of(hidden, relu, true));
            }
        }
        return out.stream();
    }

    private static double[][] train(Sequential net, Optimizer opt, boolean sparse, Plan.Kind expected) {
        return train(net, opt, sparse, expected, TwoCores.off());
    }

    /** {@link #STEPS} steps of the plan for {@code net}, its second halves on {@code cores}; the weights after them. */
    private static double[][] train(Sequential net, Optimizer opt, boolean sparse, Plan.Kind expected, TwoCores cores) {
        TrainSettings s = TrainSettings.book().withSampling(Sampling.REPLACEMENT).withSeed(3);
        Plan plan = expected == Plan.Kind.GENERIC ? StepPlanner.generic(net, new CrossEntropyLoss(), opt, train, s, cores)
                : StepPlanner.plan(net, new CrossEntropyLoss(), opt, train, s, sparse, cores);
        assertThat(plan.kind()).isEqualTo(expected);
        assertThat(plan.sparse()).isEqualTo(sparse);
        org.grad4j.data.BatchSampler sampler = new org.grad4j.data.BatchSampler(train.size(), 100, Sampling.REPLACEMENT, 3);
        int[] idx = new int[100];
        int[] next = new int[100];
        sampler.next(next);
        for (int i = 0; i < STEPS; i++) {
            int[] t = idx;
            idx = next;
            next = t;
            sampler.next(next);
            assertThat(plan.step(idx, next, 100)).isFinite();
        }
        return net.parameters().stream().map(p -> p.data().clone()).toArray(double[][]::new);
    }

    @ParameterizedTest(name = "hidden {0}, relu {1}, sparse {2}")
    @MethodSource("accepted")
    void acceptedPatternsTrainTheSameWeightsFusedAndGeneric(int[] hidden, boolean relu, boolean sparse) {
        if (sparse && (!SparseProduct.available() || hidden[0] < SparseProduct.MIN_COLUMNS)) {
            return;
        }
        Sequential fusedNet = book(hidden, relu, 7);
        Sequential genericNet = book(hidden, relu, 7);
        assertThat(StepPlanner.refusal(fusedNet, new CrossEntropyLoss(), new Sgd(0.1), train, GradientMode.BACKPROP,
                Double.POSITIVE_INFINITY)).isNull();
        double[][] fused = train(fusedNet, new Sgd(0.1), sparse, Plan.Kind.FUSED_SGD);
        double[][] generic = train(genericNet, undeclared(new Sgd(0.1)), false, Plan.Kind.GENERIC);
        for (int p = 0; p < fused.length; p++) {
            for (int i = 0; i < fused[p].length; i++) {
                assertThat(fused[p][i]).as("parameter %d [%d]", p, i)
                        .isCloseTo(generic[p][i], org.assertj.core.data.Offset.offset(SAME_WEIGHTS));
            }
        }
        // the contract: the fused step leaves every grad tensor of the module unfilled, the generic one fills them
        Plan fusedPlan = StepPlanner.plan(fusedNet, new CrossEntropyLoss(), new Sgd(0.1), train, TrainSettings.book(),
                sparse);
        assertThat(fusedPlan.unfilledGradients()).containsExactlyElementsOf(fusedNet.namedParameters().keySet());
        assertThat(fusedNet.parameters()).allSatisfy(t -> assertThat(t.grad()).isNull());
        assertThat(genericNet.parameters()).allSatisfy(t -> assertThat(t.grad()).isNotNull());
    }

    static Stream<Arguments> everyKind() {
        List<Arguments> out = new ArrayList<>();
        for (boolean relu : new boolean[] {false, true}) {
            out.add(Arguments.of(Plan.Kind.FUSED_SGD, relu, false));
            if (SparseProduct.available()) {
                out.add(Arguments.of(Plan.Kind.FUSED_SGD, relu, true));
            }
            out.add(Arguments.of(Plan.Kind.BOOK_BACKPROP, relu, false));
            out.add(Arguments.of(Plan.Kind.GENERIC, relu, false));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, relu {1}, sparse {2}")
    @MethodSource("everyKind")
    void everyPlanTrainsTheSameBitsOnTwoCoresAsOnOne(Plan.Kind kind, boolean relu, boolean sparse) {
        // Sgd with PARALLEL_SIZE-sized arrays splits its update too; Adam exercises the book's backprop plan
        java.util.function.Supplier<Optimizer> opt = () -> kind == Plan.Kind.BOOK_BACKPROP ? new Adam(0.001) : new Sgd(0.1);
        double[][] one = train(book(new int[] {50}, relu, 7), opt.get(), sparse, kind, TwoCores.off());
        double[][] two;
        try (TwoCores cores = TwoCores.start("test-plan")) {
            assertThat(cores.enabled()).isTrue();
            two = train(book(new int[] {50}, relu, 7), opt.get(), sparse, kind, cores);
        }
        for (int p = 0; p < one.length; p++) {
            assertThat(two[p]).as("parameter %d", p).containsExactly(one[p]);
        }
    }

    static Stream<Arguments> refused() {
        Random rng = new Random(1);
        Sgd sgd = new Sgd(0.1);
        CrossEntropyLoss ce = new CrossEntropyLoss();
        Table table = Table.classification(new double[][] {{1, 2}, {3, 4}}, new int[] {0, 1});
        return Stream.of(
                Arguments.of("tanh", Sequential.book(new Linear(784, 50, Init.XAVIER, rng), new Tanh(),
                        new Linear(50, 10, Init.XAVIER, rng)), ce, sgd, train, "layer 1 is tanh"),
                Arguments.of("dropout", Sequential.book(new Linear(784, 50, Init.HE, rng), new Relu(),
                        new Dropout(0.5, rng), new Linear(50, 10, Init.HE, rng)), ce, sgd, train, "layer 2 is dropout"),
                Arguments.of("batchnorm", Sequential.book(new Linear(784, 50, Init.HE, rng), new BatchNorm1d(50),
                        new Relu(), new Linear(50, 10, Init.HE, rng)), ce, sgd, train, "layer 1 is batch_norm"),
                Arguments.of("mixed activations", Sequential.book(new Linear(784, 50, Init.HE, rng), new Relu(),
                        new Linear(50, 40, Init.HE, rng), new Sigmoid(), new Linear(40, 10, Init.HE, rng)), ce, sgd,
                        train, "the activations differ"),
                Arguments.of("two activations in a row", Sequential.book(new Linear(784, 50, Init.HE, rng), new Relu(),
                        new Relu(), new Linear(50, 10, Init.HE, rng)), ce, sgd, train, "where a Linear belongs"),
                Arguments.of("ends in an activation", Sequential.book(new Linear(784, 10, Init.HE, rng), new Relu()),
                        ce, sgd, train, "the last layer is not a Linear"),
                Arguments.of("a module of another kind", new Module() {
                    @Override
                    public Tensor forward(Tensor x) {
                        return x;
                    }
                }, ce, sgd, train, "not a Sequential"),
                Arguments.of("nested", Sequential.book(new Sequential(new Linear(784, 10, Init.HE, rng))), ce, sgd,
                        train, "layer 0 is sequential"),
                Arguments.of("mse", book(new int[] {50}, false, 1), new MSELoss(), sgd, train, "MSELoss"),
                Arguments.of("adam", book(new int[] {50}, false, 1), ce, new Adam(0.001), train, "Adam"),
                Arguments.of("momentum", book(new int[] {50}, false, 1), ce,
                        new Sgd(new Sgd.Options(0.1, 0.9, 0, false, 0)), train, "not plain SGD"),
                Arguments.of("weight decay", book(new int[] {50}, false, 1), ce,
                        new Sgd(new Sgd.Options(0.1, 0, 0, false, 1e-4)), train, "not plain SGD"),
                Arguments.of("undeclared plain SGD", book(new int[] {50}, false, 1), ce, undeclared(sgd), train,
                        "not plain SGD"),
                Arguments.of("a table of doubles", Sequential.book(new Linear(2, 5, Init.HE, rng), new Relu(),
                        new Linear(5, 2, Init.HE, rng)), ce, sgd, table, "not byte images"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedPatternsTakeTheGenericStep(String what, Module module, Loss loss, Optimizer opt, Examples data,
            String reason) {
        assertThat(StepPlanner.refusal(module, loss, opt, data, GradientMode.BACKPROP, Double.POSITIVE_INFINITY))
                .contains(reason);
        // evaluation depends on module, loss and data only: the Classify kernel when only the optimizer is refused
        boolean bookModel = StepPlanner.refusal(module, loss, new Sgd(0.1), data, GradientMode.BACKPROP,
                Double.POSITIVE_INFINITY) == null;
        // the book's network with another optimizer takes its hand-written backprop, anything else autograd
        assertThat(StepPlanner.plan(module, loss, opt, data, TrainSettings.book(), false).kind())
                .isEqualTo(bookModel ? Plan.Kind.BOOK_BACKPROP : Plan.Kind.GENERIC);
        assertThat(StepPlanner.predictor(module, loss, data, false))
                .isInstanceOf(bookModel ? Predictor.Book.class : Predictor.Generic.class);
    }

    static Stream<Arguments> bookBackprop() {
        return Stream.of(
                Arguments.of("adam", new int[] {50}, false, (java.util.function.Supplier<Optimizer>) () -> new Adam(0.001), Double.POSITIVE_INFINITY),
                Arguments.of("momentum, relu, two layers", new int[] {60, 30}, true,
                        (java.util.function.Supplier<Optimizer>) () -> new Sgd(new Sgd.Options(0.1, 0.9, 0, false, 1e-4)), Double.POSITIVE_INFINITY),
                Arguments.of("plain SGD with clipping", new int[] {50}, true,
                        (java.util.function.Supplier<Optimizer>) () -> new Sgd(0.1), 0.5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bookBackprop")
    void theBooksBackpropWithAnyOptimizerTrainsTheSameWeightsAsAutograd(String what, int[] hidden, boolean relu,
            java.util.function.Supplier<Optimizer> optimizer, double clip) {
        TrainSettings s = TrainSettings.book().withSampling(Sampling.REPLACEMENT).withSeed(3).withClipNorm(clip);
        Sequential bookNet = book(hidden, relu, 7);
        Sequential autogradNet = book(hidden, relu, 7);
        Plan backprop = StepPlanner.plan(bookNet, new CrossEntropyLoss(), optimizer.get(), train, s, false);
        Plan generic = StepPlanner.generic(autogradNet, new CrossEntropyLoss(), optimizer.get(), train, s);
        assertThat(backprop.kind()).isEqualTo(Plan.Kind.BOOK_BACKPROP);
        assertThat(backprop.unfilledGradients()).containsExactlyElementsOf(bookNet.namedParameters().keySet());
        org.grad4j.data.BatchSampler sampler = new org.grad4j.data.BatchSampler(train.size(), 100, Sampling.REPLACEMENT, 3);
        int[] idx = new int[100];
        for (int i = 0; i < STEPS; i++) {
            sampler.next(idx);
            assertThat(backprop.step(idx, idx, 100)).isCloseTo(generic.step(idx, idx, 100),
                    org.assertj.core.data.Offset.offset(SAME_WEIGHTS));
        }
        List<Tensor> a = bookNet.parameters();
        List<Tensor> b = autogradNet.parameters();
        for (int p = 0; p < a.size(); p++) {
            for (int i = 0; i < a.get(p).size(); i++) {
                assertThat(a.get(p).data()[i]).as("parameter %d [%d]", p, i)
                        .isCloseTo(b.get(p).data()[i], org.assertj.core.data.Offset.offset(SAME_WEIGHTS));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void clippingAndTheNumericalGradientAreNotTheFusedStep() {
        Sequential net = book(new int[] {50}, false, 1);
        assertThat(StepPlanner.refusal(net, new CrossEntropyLoss(), new Sgd(0.1), train, GradientMode.BACKPROP, 5.0))
                .isEqualTo("the gradients are clipped");
        assertThat(StepPlanner.plan(net, new CrossEntropyLoss(), new Sgd(0.1), train,
                TrainSettings.book().withGradient(GradientMode.NUMERICAL, 1), false).kind())
                .isEqualTo(Plan.Kind.BOOK_NUMERICAL);
        assertThat(StepPlanner.predictor(net, new CrossEntropyLoss(), train, false)).isInstanceOf(Predictor.Book.class);
    }
}
