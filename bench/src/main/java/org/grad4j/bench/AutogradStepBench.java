package org.grad4j.bench;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.grad4j.autograd.Tensor;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;
import org.grad4j.nn.Activation;
import org.grad4j.nn.Init;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.nn.module.BookNetworks;
import org.grad4j.nn.module.Sequential;
import org.grad4j.optim.Adam;
import org.grad4j.optim.ModuleOptimizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One training step through the general path (autograd tensors, modules, a loss, an optimizer over the
 * module's named parameters) on the book's {@code optimizer_compare_mnist} network: 784-100-100-100-100-10,
 * ReLU, He init, softmax cross-entropy, Adam lr 0.001, batch 128 drawn with replacement from the
 * 60 000 Fashion-MNIST training images ({@code /usr/share/datasets/fashion-mnist}). A step: gather the
 * batch, {@code zeroGrad}, forward, loss, {@code backward}, {@code step}. Compared with PyTorch by
 * {@code bench/compare/autograd_step.py}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class AutogradStepBench {

    static final int BATCH = 128;

    private Dataset data;
    private Sequential model;
    private ModuleOptimizer optimizer;
    private final CrossEntropyLoss loss = new CrossEntropyLoss();
    private Random rng;
    private int[] rows;
    private int[] labels;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        org.grad4j.tensor.Preload.inBackground();          // as ./grad4j does: the pixel kernel compiled early
        data = Datasets.load("/usr/share/datasets/fashion-mnist");
        rng = new Random(7);
        model = BookNetworks.multiLayerNet(784, new int[] {100, 100, 100, 100}, 10, Activation.RELU, Init.HE, rng);
        optimizer = new ModuleOptimizer(new Adam(0.001), model);
        rows = new int[BATCH];
        labels = new int[BATCH];
    }

    /** The training loss of the step. */
    @Benchmark
    public double trainStep() {
        return step(data, model, optimizer, loss, rng, rows, labels);
    }

    static double step(Dataset data, Sequential model, ModuleOptimizer optimizer, CrossEntropyLoss loss, Random rng,
            int[] rows, int[] labels) {
        int n = data.train().size();
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rng.nextInt(n);
        }
        double[] x = new double[rows.length * 784];
        data.train().gatherRows(rows, 0, rows.length, x);
        data.train().gatherLabels(rows, 0, rows.length, labels);
        optimizer.zeroGrad();
        Tensor l = loss.forward(model.forward(Tensor.wrap(x, rows.length, 784)), labels);
        l.backward();
        optimizer.step();
        return l.item();
    }
}
