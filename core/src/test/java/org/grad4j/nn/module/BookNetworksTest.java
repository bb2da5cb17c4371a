package org.grad4j.nn.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.grad4j.autograd.Tensor;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;
import org.grad4j.io.NdArray;
import org.grad4j.io.Npz;
import org.grad4j.nn.Activation;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.Init;
import org.grad4j.nn.MultiLayerNet;
import org.grad4j.nn.Network;
import org.grad4j.nn.Parameter;
import org.grad4j.nn.SimpleNet;
import org.grad4j.nn.TwoLayerNet;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.optim.ModuleOptimizer;
import org.grad4j.optim.Sgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The book's networks built from modules compute what the existing classes compute. */
class BookNetworksTest {

    /** Same formulas in double, summed in a different order at most. */
    private static final double SAME = 1e-12;

    /** As TrainerTest: PyTorch float64 after 50 SGD steps. */
    private static final double TORCH_TOLERANCE = 1e-9;

    private static org.grad4j.tensor.Tensor old(Tensor x) {
        return org.grad4j.tensor.Tensor.of(x.data().clone(), x.dim(0), x.dim(1));
    }

    private static void assertSameLossAndGradients(Network net, Sequential module, Tensor x, int[] t) {
        double expectedLoss = net.gradient(old(x), t);
        module.zeroGrad();
        Tensor loss = new CrossEntropyLoss().forward(module.forward(x), t);
        assertThat(loss.item()).isCloseTo(expectedLoss, org.assertj.core.data.Offset.offset(SAME));
        loss.backward();
        Map<String, Tensor> named = module.namedParameters();
        List<Parameter> ps = net.parameters();
        assertThat(named.keySet()).containsExactlyElementsOf(ps.stream().map(Parameter::name).toList());
        for (Parameter p : ps) {
            assertThat(named.get(p.name()).data()).as(p.name() + " value").containsExactly(p.value().data());
            double[] g = named.get(p.name()).grad().data();
            double[] want = p.grad().data();
            for (int i = 0; i < want.length; i++) {
                assertThat(Math.abs(g[i] - want[i])).as("d%s[%d]", p.name(), i).isLessThanOrEqualTo(SAME);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void twoLayerNetFromTheSameSeed(Activation a) {
        Random rng = new Random(11);
        Tensor x = Tensor.randn(rng, 7, 6);
        int[] t = {0, 1, 2, 0, 1, 2, 2};
        assertSameLossAndGradients(new TwoLayerNet(6, 5, 3, 0.5, a, new Random(3)),
                BookNetworks.twoLayerNet(6, 5, 3, 0.5, a, new Random(3)), x, t);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void multiLayerNetFromTheSameSeed(Activation a) {
        Random rng = new Random(12);
        Tensor x = Tensor.randn(rng, 6, 12);
        int[] t = {0, 1, 2, 3, 1, 2};
        Init init = a == Activation.RELU ? Init.HE : Init.XAVIER;
        assertSameLossAndGradients(new MultiLayerNet(12, new int[] {9, 7}, 4, a, init, new Random(21)),
                BookNetworks.multiLayerNet(12, new int[] {9, 7}, 4, a, init, new Random(21)), x, t);
    }

    @Test
    void simpleNetAndCopiesOfExistingNetworks() {
        Tensor x = Tensor.of(new double[][] {{0.6, 0.9}});
        int[] t = {2};
        assertSameLossAndGradients(new SimpleNet(new Random(5)), BookNetworks.simpleNet(new Random(5)), x, t);
        SimpleNet simple = new SimpleNet(new Random(6));
        assertSameLossAndGradients(simple, BookNetworks.of(simple, Activation.SIGMOID), x, t);
        TwoLayerNet two = new TwoLayerNet(2, 4, 3, new Random(7));
        assertSameLossAndGradients(two, BookNetworks.of(two, Activation.SIGMOID), x, t);
    }

    /**
     * The 50 SGD steps of TrainerTest (init.npz and sgd50.npz made by bench/compare/make_sgd_reference.py
     * with PyTorch 1.13 float64: TwoLayerNet 784-50-10 sigmoid, lr 0.1, batch k = training rows
     * [100k, 100k + 100) of mnist-sample), through modules, CrossEntropyLoss and ModuleOptimizer.
     */
    @Test
    void fiftySgdStepsThroughModulesEqualPyTorch() throws IOException {
        Dataset ds = Datasets.sample();
        Map<String, NdArray> init = npz("init.npz");
        FeedForwardNet net = org.grad4j.io.ModelFile.fromArrays("init", init, Activation.SIGMOID);
        Sequential model = BookNetworks.of(net, Activation.SIGMOID);
        ModuleOptimizer opt = new ModuleOptimizer(new Sgd(0.1), model);
        assertThat(opt.names()).containsExactly("W1", "b1", "W2", "b2");
        CrossEntropyLoss ce = new CrossEntropyLoss();
        int[] rows = new int[100];
        double[] xb = new double[100 * 784];
        int[] tb = new int[100];
        double first = 0;
        for (int k = 0; k < 50; k++) {
            for (int i = 0; i < 100; i++) {
                rows[i] = 100 * k + i;
            }
            ds.train().gatherRows(rows, 0, 100, xb);
            ds.train().gatherLabels(rows, 0, 100, tb);
            opt.zeroGrad();
            Tensor loss = ce.forward(model.forward(Tensor.wrap(xb.clone(), 100, 784)), tb);
            first = k == 0 ? loss.item() : first;
            loss.backward();
            opt.step();
        }
        assertThat(first).isCloseTo(2.304074490719623, org.assertj.core.data.Offset.offset(1e-12));
        Map<String, NdArray> expected = npz("sgd50.npz");
        model.namedParameters().forEach((name, p) -> {
            double[] want = expected.get(name).data();
            for (int i = 0; i < want.length; i++) {
                if (Math.abs(p.data()[i] - want[i]) > TORCH_TOLERANCE) {
                    throw new AssertionError(name + "[" + i + "]: grad4j " + p.data()[i] + ", PyTorch " + want[i]);
                }
            }
        });
    }

    private static Map<String, NdArray> npz(String name) throws IOException {
        try (InputStream in = BookNetworksTest.class.getResourceAsStream("/org/grad4j/train/" + name)) {
            java.nio.file.Path tmp = java.nio.file.Files.createTempFile("grad4j", ".npz");
            try {
                java.nio.file.Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return Npz.read(tmp);
            } finally {
                java.nio.file.Files.delete(tmp);
            }
        }
    }
}
