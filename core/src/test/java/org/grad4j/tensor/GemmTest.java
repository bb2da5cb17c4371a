package org.grad4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GemmTest {

    /** Summation order differs between BLAS and the triple loop: relative agreement to ~k ulps. */
    private static final double RTOL = 1e-12;

    static Stream<Arguments> shapes() {
        int[][] mnk = {{1, 1, 1}, {3, 5, 7}, {17, 33, 9}, {2, 1, 13}, {100, 10, 50}, {100, 50, 784},
            {37, 41, 43}, {64, 1, 128}, {21, 60, 1001}};
        Stream.Builder<Arguments> b = Stream.builder();
        for (int[] s : mnk) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    b.add(Arguments.of(s[0], s[1], s[2], ta, tb));
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4}")
    @MethodSource("shapes")
    void gemmMatchesReference(int m, int n, int k, boolean transA, boolean transB) {
        Random rng = new Random(31L * m + 7L * n + k + (transA ? 1000 : 0) + (transB ? 2000 : 0));
        Tensor a = transA ? Tensor.randn(k, m, 1.0, rng) : Tensor.randn(m, k, 1.0, rng);
        Tensor b = transB ? Tensor.randn(n, k, 1.0, rng) : Tensor.randn(k, n, 1.0, rng);
        Tensor c0 = Tensor.randn(m, n, 1.0, rng);
        double alpha = 0.75;
        double beta = -1.5;
        Tensor fast = Tensor.copy(c0);
        Tensor ref = Tensor.copy(c0);
        Gemm.gemm(transA, transB, alpha, a, b, beta, fast);
        ReferenceGemm.gemm(transA, transB, alpha, a, b, beta, ref);
        assertClose(fast, ref, k);
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4}")
    @MethodSource("shapes")
    void javaLoopMatchesReference(int m, int n, int k, boolean transA, boolean transB) {
        Random rng = new Random(17L * m + 3L * n + k + (transA ? 1000 : 0) + (transB ? 2000 : 0));
        Tensor a = transA ? Tensor.randn(k, m, 1.0, rng) : Tensor.randn(m, k, 1.0, rng);
        Tensor b = transB ? Tensor.randn(n, k, 1.0, rng) : Tensor.randn(k, n, 1.0, rng);
        Tensor c0 = Tensor.randn(m, n, 1.0, rng);
        Tensor loop = Tensor.copy(c0);
        Tensor ref = Tensor.copy(c0);
        SmallGemm.gemm(transA, transB, m, n, k, -0.5, a.data(), b.data(), 2.0, loop.data());
        ReferenceGemm.gemm(transA, transB, -0.5, a, b, 2.0, ref);
        assertClose(loop, ref, k);
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4}")
    @MethodSource("shapes")
    void betaZeroIgnoresOldContents(int m, int n, int k, boolean transA, boolean transB) {
        Random rng = new Random(5L * m + n + k);
        Tensor a = transA ? Tensor.randn(k, m, 1.0, rng) : Tensor.randn(m, k, 1.0, rng);
        Tensor b = transB ? Tensor.randn(n, k, 1.0, rng) : Tensor.randn(k, n, 1.0, rng);
        Tensor fast = Tensor.zeros(m, n);
        java.util.Arrays.fill(fast.data(), Double.NaN);
        Tensor ref = Tensor.zeros(m, n);
        Gemm.gemm(transA, transB, 1.0, a, b, 0.0, fast);
        ReferenceGemm.gemm(transA, transB, 1.0, a, b, 0.0, ref);
        assertClose(fast, ref, k);
    }

    private static void assertClose(Tensor fast, Tensor ref, int k) {
        double[] f = fast.data();
        double[] r = ref.data();
        for (int i = 0; i < f.length; i++) {
            double tol = RTOL * k * (1.0 + Math.abs(r[i]));
            if (!(Math.abs(f[i] - r[i]) <= tol)) {
                throw new AssertionError("entry " + i + ": fast " + f[i] + " vs reference " + r[i]);
            }
        }
    }

    @Test
    void matmulSmallExample() {
        Tensor a = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor b = Tensor.of(new double[][] {{7, 8}, {9, 10}, {11, 12}});
        Tensor c = Gemm.matmul(a, b, null);
        assertThat(c.shape()).containsExactly(2, 2);
        assertThat(c.data()).containsExactly(58, 64, 139, 154);
        Tensor out = Tensor.zeros(2, 2);
        assertThat(Gemm.matmul(a, b, out)).isSameAs(out);
        assertThat(Gemm.matmul(true, true, b, a, null).data()).containsExactly(58, 139, 64, 154);
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        assertThatThrownBy(() -> Gemm.matmul(Tensor.zeros(2, 3), Tensor.zeros(4, 5), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matmul: shape mismatch [2, 3] x [4, 5]");
        assertThatThrownBy(() -> Gemm.gemm(true, false, 1, Tensor.zeros(2, 3), Tensor.zeros(3, 5), 0,
                Tensor.zeros(3, 5)))
                .hasMessage("gemm: shape mismatch [2, 3]^T x [3, 5]");
        assertThatThrownBy(() -> Gemm.matmul(Tensor.zeros(2, 3), Tensor.zeros(3, 5), Tensor.zeros(2, 4)))
                .hasMessage("gemm: output shape [2, 4], expected [2, 5]");
    }

    @Test
    void blasIsDescribed() {
        assertThat(Blas.instance()).isNotNull();
        assertThat(Blas.description()).matches("(OpenBLAS|MKL|BLIS|unrecognized BLAS) \\(native, .*\\)|Java \\(netlib .*\\)");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}x{2} times {2}x{1}, transposes {3} {4}")
    @org.junit.jupiter.params.provider.CsvSource({"50, 100, 784, false, false", "100, 50, 784, true, false",
        "784, 50, 100, false, false", "784, 50, 100, false, true"})
    void theSumsDoNotDependOnWhetherTheSecondCoreIsFree(int m, int n, int k, boolean transA, boolean transB) {
        // split by k (k >= 2m) or by rows; a worker that is off is never taken, nor is any outside a bind scope
        java.util.Random rng = new java.util.Random(11);
        Tensor a = transA ? Tensor.randn(k, m, 1, rng) : Tensor.randn(m, k, 1, rng);
        Tensor b = transB ? Tensor.randn(n, k, 1, rng) : Tensor.randn(k, n, 1, rng);
        Tensor free = Tensor.randn(m, n, 1, new java.util.Random(3));
        Tensor busy = Tensor.copy(free);
        Tensor unbound = Tensor.copy(free);
        try (TwoCores cores = TwoCores.start("test-gemm")) {
            org.assertj.core.api.Assertions.assertThat(cores.enabled()).isTrue();
            Gemm.gemm(cores, transA, transB, 0.5, a, b, 0.25, free);
        }
        Gemm.gemm(TwoCores.off(), transA, transB, 0.5, a, b, 0.25, busy);
        Gemm.gemm(transA, transB, 0.5, a, b, 0.25, unbound);
        org.assertj.core.api.Assertions.assertThat(busy.data()).containsExactly(free.data());
        org.assertj.core.api.Assertions.assertThat(unbound.data()).containsExactly(free.data());
    }
}
