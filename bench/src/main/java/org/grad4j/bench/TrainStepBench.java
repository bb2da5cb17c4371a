package org.grad4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.grad4j.nn.Activation;
import org.grad4j.nn.TwoLayerNet;
import org.grad4j.tensor.Ops;
import org.grad4j.tensor.Tensor;
import org.grad4j.tensor.TwoCores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One training iteration of the book's ch. 5 network (TwoLayerNet 784-50-10, sigmoid, batch 100):
 * gather the batch, backprop, SGD update (fused into the products, or after them). Synthetic data of
 * MNIST's shape (10 000 rows).
 * Run with {@code -Dgrad4j.blas=java|native} (or GRAD4J_BLAS) and OPENBLAS_NUM_THREADS to compare.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrainStepBench {

    /**
     * {@code fused}: {@code TwoLayerNet.sgdStep}, the step in three two-core phases with the first
     * layer's update folded into its dW product, as {@code Trainer} runs plain SGD (which also lets
     * the step gather the batch); {@code separate}: the gradient, then {@code p -= lr * g}.
     */
    @Param({"fused", "separate"})
    public String step;

    private static final int N = 10_000;
    private static final int BATCH = 100;
    private static final double LR = 0.1;

    private Tensor xTrain;
    private int[] tTrain;
    private int[] order;
    private TwoLayerNet net;
    private Tensor xBatch;
    private int[] tBatch;
    private int iteration;
    /** The benchmark's second core, as a training run owns one. */
    private TwoCores cores;

    @Setup(Level.Trial)
    public void setUp() {
        cores = TwoCores.start("bench-train-step");
        Random rng = new Random(7);
        xTrain = Tensor.zeros(N, 784);
        for (int i = 0; i < xTrain.size(); i++) {
            xTrain.data()[i] = rng.nextDouble();
        }
        tTrain = new int[N];
        order = new int[N];
        for (int i = 0; i < N; i++) {
            tTrain[i] = rng.nextInt(10);
            order[i] = rng.nextInt(N);
        }
        net = new TwoLayerNet(784, 50, 10, 0.01, Activation.SIGMOID, rng);
        xBatch = Tensor.zeros(BATCH, 784);
        tBatch = new int[BATCH];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cores.close();
    }

    @Benchmark
    public double trainStep() {
        int from = (iteration++ % (N / BATCH)) * BATCH;
        Ops.gatherRows(xTrain, order, from, BATCH, xBatch);
        for (int r = 0; r < BATCH; r++) {
            tBatch[r] = tTrain[order[from + r]];
        }
        if (step.equals("fused")) {
            return net.sgdStep(cores, null, null, xBatch, tBatch, LR);
        }
        double loss;
        try (TwoCores.Scope bound = cores.bind()) {
            loss = net.gradient(xBatch, tBatch);
        }
        double[][] params = net.paramArrays();
        double[][] grads = net.gradArrays();
        for (int p = 0; p < params.length; p++) {
            double[] w = params[p];
            double[] g = grads[p];
            for (int i = 0; i < w.length; i++) {
                w[i] -= LR * g[i];
            }
        }
        return loss;
    }
}
