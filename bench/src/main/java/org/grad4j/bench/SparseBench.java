package org.grad4j.bench;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.grad4j.data.Datasets;
import org.grad4j.data.Split;
import org.grad4j.tensor.Gemm;
import org.grad4j.tensor.Ops;
import org.grad4j.tensor.SparseProduct;
import org.grad4j.tensor.SparseRows;
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
 * The first layer of a training step on real images (default Fashion-MNIST, 50 % nonzero pixels):
 * forward {@code X W1 + b1} and backward {@code X^T dA} for a batch of 100 drawn with replacement,
 * as a dense product of the gathered batch ({@code dense}: gather + two OpenBLAS/Java GEMMs) or on
 * the nonzero pixels only ({@code sparse}: {@link SparseProduct}).
 * <pre>{@code OPENBLAS_NUM_THREADS=1 bench/run.sh SparseBench -p dataset=fashion-mnist,mnist-sample}</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SparseBench {

    private static final int BATCH = 100;
    private static final int HIDDEN = 50;

    @Param({"fashion-mnist"})
    public String dataset;

    @Param({"dense", "sparse"})
    public String impl;

    private Split train;
    private SparseRows sparse;
    private int[][] batches;
    private int next;
    private Tensor w;
    private Tensor b;
    private Tensor x;
    private Tensor out;
    private Tensor d;
    private Tensor dW;
    /** The benchmark's second core, as a training run owns one. */
    private final TwoCores cores = TwoCores.start("bench-sparse");
    private final SparseProduct product = new SparseProduct(cores);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        train = Datasets.load(dataset).train();
        sparse = train.sparse();
        Random rng = new Random(1);
        batches = new int[64][BATCH];
        for (int[] batch : batches) {
            for (int r = 0; r < BATCH; r++) {
                batch[r] = rng.nextInt(train.size());
            }
        }
        w = Tensor.randn(train.features(), HIDDEN, 0.01, rng);
        b = Tensor.randn(1, HIDDEN, 0.01, rng);
        x = Tensor.zeros(BATCH, train.features());
        out = Tensor.zeros(BATCH, HIDDEN);
        d = Tensor.randn(BATCH, HIDDEN, 0.01, rng);
        dW = Tensor.zeros(train.features(), HIDDEN);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cores.close();
    }

    @Benchmark
    public double firstLayer() {
        int[] idx = batches[next++ & 63];
        if (impl.equals("sparse")) {
            product.times(sparse, idx, 0, BATCH, w.data(), HIDDEN, b.data(), out.data());
            product.transposeTimes(d.data(), dW.data());
        } else {
            train.gatherRows(idx, 0, BATCH, x.data());
            Gemm.gemm(cores, false, false, 1.0, x, w, 0.0, out);
            Ops.addRowVector(out, Tensor.of(b.data()), out);
            Gemm.gemm(cores, true, false, 1.0, x, d, 0.0, dW);
        }
        return out.data()[0] + dW.data()[HIDDEN * 400];
    }
}
