package org.grad4j.bench;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.grad4j.tensor.Blas;
import org.grad4j.tensor.Gemm;
import org.grad4j.tensor.SmallGemm;
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
 * The GEMM shapes of one TwoLayerNet train step (784-50-10, batch 100), row-major, as
 * {@code m x k times k x n} with the transposes of backward:
 * <ul>
 *   <li>{@code fwd1}: x (100x784) W1 (784x50); {@code fwd2}: h (100x50) W2 (50x10);</li>
 *   <li>{@code dW2}: h^T (50x100) dout (100x10); {@code dh}: dout (100x10) W2^T (10x50);</li>
 *   <li>{@code dW1}: x^T (784x100) da (100x50); {@code num}: 3 rows through W1 (numerical gradient).</li>
 * </ul>
 * Implementations: {@code gemm} (grad4j's dispatch), {@code blas} ({@link Blas#instance()} always),
 * {@code java} (netlib's Java kernel), {@code loop} (grad4j's small-product Java loop).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBench {

    @Param({"fwd1", "fwd2", "dW2", "dh", "dW1", "num"})
    public String shape;

    @Param({"gemm", "blas", "java", "loop"})
    public String impl;

    private boolean transA;
    private boolean transB;
    private Tensor a;
    private Tensor b;
    private Tensor c;
    private int m;
    private int n;
    private int k;
    private BLAS blas;
    /** The benchmark's second core, as a training run owns one. */
    private TwoCores cores;

    @Setup(Level.Trial)
    public void setUp() {
        Random rng = new Random(1);
        switch (shape) {
            case "fwd1" -> set(false, false, 100, 50, 784);
            case "fwd2" -> set(false, false, 100, 10, 50);
            case "dW2" -> set(true, false, 50, 10, 100);
            case "dh" -> set(false, true, 100, 50, 10);
            case "dW1" -> set(true, false, 784, 50, 100);
            case "num" -> set(false, false, 3, 50, 784);
            default -> throw new IllegalArgumentException("shape " + shape);
        }
        a = transA ? Tensor.randn(k, m, 1, rng) : Tensor.randn(m, k, 1, rng);
        b = transB ? Tensor.randn(n, k, 1, rng) : Tensor.randn(k, n, 1, rng);
        c = Tensor.zeros(m, n);
        blas = impl.equals("java") ? JavaBLAS.getInstance() : Blas.instance();
        cores = TwoCores.start("bench-gemm");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cores.close();
    }

    private void set(boolean ta, boolean tb, int m, int n, int k) {
        this.transA = ta;
        this.transB = tb;
        this.m = m;
        this.n = n;
        this.k = k;
    }

    @Benchmark
    public Tensor gemm() {
        switch (impl) {
            case "gemm" -> Gemm.gemm(cores, transA, transB, 1.0, a, b, 0.0, c);
            case "loop" -> SmallGemm.gemm(transA, transB, m, n, k, 1.0, a.data(), b.data(), 0.0, c.data());
            default -> blas.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, 1.0, b.data(), b.cols(),
                    a.data(), a.cols(), 0.0, c.data(), n);
        }
        return c;
    }
}
