package org.grad4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SparseProductTest {

    private static final double[] LEVELS = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            LEVELS[v] = v / 255.0;
        }
    }

    /** Random byte images: each pixel nonzero with probability {@code density}. */
    private static byte[] codes(Random rng, int rows, int cols, double density) {
        byte[] c = new byte[rows * cols];
        for (int i = 0; i < c.length; i++) {
            if (rng.nextDouble() < density) {
                c[i] = (byte) (1 + rng.nextInt(255));
            }
        }
        return c;
    }

    private static double[] gaussian(Random rng, int size) {
        double[] a = new double[size];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextGaussian();
        }
        return a;
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(100, 784, 50, 0.5),
                Arguments.of(100, 784, 50, 0.19),
                Arguments.of(1, 784, 50, 0.5),
                Arguments.of(2, 30, 28, 0.5),
                Arguments.of(3, 70, 29, 0.3),
                Arguments.of(7, 130, 31, 0.9),
                Arguments.of(33, 200, 52, 0.4),
                Arguments.of(17, 129, 53, 0.4),
                Arguments.of(64, 300, 100, 0.2),
                Arguments.of(10, 65, 157, 0.6),
                Arguments.of(20, 100, 50, 0.0),
                Arguments.of(2 * 65_536, 30, 28, 0.05), // each half at the limit of a char row position
                Arguments.of(20, 100, 50, 1.0));
    }

    @ParameterizedTest(name = "batch {0}, cols {1}, n {2}, density {3}")
    @MethodSource("shapes")
    void productsEqualTheDenseOnes(int batch, int cols, int n, double density) {
        Random rng = new Random(batch * 31L + cols * 7L + n);
        int samples = 3 * batch + 5;
        byte[] c = codes(rng, samples, cols, density);
        SparseRows x = SparseRows.ofCodes(c, samples, cols, LEVELS);
        int[] idx = new int[batch + 3];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = rng.nextInt(samples); // repeats allowed, as in sampling with replacement
        }
        int from = 2;
        double[] w = gaussian(rng, cols * n);
        double[] b = gaussian(rng, n);
        double[] d = gaussian(rng, batch * n);

        // dense reference
        Tensor xd = Tensor.zeros(batch, cols);
        for (int r = 0; r < batch; r++) {
            for (int j = 0; j < cols; j++) {
                xd.data()[r * cols + j] = LEVELS[c[idx[from + r] * cols + j] & 0xFF];
            }
        }
        Tensor expectedOut = Tensor.zeros(batch, n);
        ReferenceGemm.gemm(false, false, 1.0, xd, Tensor.of(w, cols, n), 0.0, expectedOut);
        for (int r = 0; r < batch; r++) {
            for (int j = 0; j < n; j++) {
                expectedOut.data()[r * n + j] += b[j];
            }
        }
        double[] expectedDw = new double[cols * n];
        ReferenceGemm.gemm(true, false, 1.0, xd, Tensor.of(d, batch, n), 0.0, Tensor.of(expectedDw, cols, n));

        SparseProduct p = new SparseProduct();
        double[] out = new double[batch * n + 3];
        out[batch * n] = 42; // past the product: untouched
        double[] dW = new double[cols * n];
        java.util.Arrays.fill(dW, Double.NaN); // overwritten, never read
        for (int round = 0; round < 2; round++) { // the second round reuses every buffer
            p.times(x, idx, from, batch, w, n, b, out);
            p.transposeTimes(d, dW);
            for (int i = 0; i < batch * n; i++) {
                assertThat(out[i]).as("out[%d]", i).isCloseTo(expectedOut.data()[i], within(expectedOut.data()[i]));
            }
            assertThat(out[batch * n]).isEqualTo(42.0);
            for (int i = 0; i < cols * n; i++) {
                assertThat(dW[i]).as("dW[%d]", i).isCloseTo(expectedDw[i], within(expectedDw[i]));
            }
        }
    }

    private static org.assertj.core.data.Offset<Double> within(double v) {
        return org.assertj.core.data.Offset.offset(1e-12 * Math.max(1.0, Math.abs(v)));
    }

    @Test
    void withoutBiasTheProductStartsFromZero() {
        byte[] c = {0, 51, 0, 0, (byte) 255, 0};
        SparseRows x = SparseRows.ofCodes(c, 2, 3, LEVELS);
        int n = 28;
        double[] w = new double[3 * n];
        for (int i = 0; i < w.length; i++) {
            w[i] = i + 1;
        }
        double[] out = new double[2 * n];
        new SparseProduct().times(x, new int[] {1, 0}, 0, 2, w, n, null, out);
        // row 0 = sample 1 = [0, 1, 0] -> W[1, :] = 29..56; row 1 = sample 0 = [0, 0.2, 0] -> 0.2 * W[1, :]
        for (int j = 0; j < n; j++) {
            assertThat(out[j]).isEqualTo(n + j + 1.0);
            assertThat(out[n + j]).isEqualTo(0.2 * (n + j + 1));
        }
    }

    @Test
    void sparseRowsKeepOnlyNonzeros() {
        byte[] c = {0, 51, 0, 0, 0, 0, (byte) 255, 0, 3};
        SparseRows x = SparseRows.ofCodes(c, 3, 3, LEVELS);
        assertThat(x.nonZeros()).isEqualTo(3);
        assertThat(x.nonZeros(1)).isZero();
        assertThat(x.density()).isEqualTo(3 / 9.0);
        assertThat(x.get(0, 1)).isEqualTo(0.2);
        assertThat(x.get(2, 0)).isEqualTo(1.0);
        assertThat(x.get(2, 1)).isZero();
        assertThat(x.get(2, 2)).isEqualTo(3 / 255.0);
    }

    @Test
    void badArgumentsAreNamed() {
        SparseRows x = SparseRows.ofCodes(new byte[6], 2, 3, LEVELS);
        SparseProduct p = new SparseProduct();
        assertThatThrownBy(() -> p.transposeTimes(new double[56], new double[84]))
                .hasMessageContaining("call times(...) first");
        p.times(x, new int[] {0, 1}, 0, 2, new double[84], 28, null, new double[56], false); // forward only
        assertThatThrownBy(() -> p.transposeTimes(new double[56], new double[84]))
                .hasMessageContaining("call times(...) first");
        SparseRows big = SparseRows.ofCodes(new byte[3], 3, 1, LEVELS);
        assertThatThrownBy(() -> p.times(big, new int[2 * 65_536 + 1], 0, 2 * 65_536 + 1, new double[28], 28, null,
                new double[(2 * 65_536 + 1) * 28])).hasMessageContaining("at most 131072");
        assertThatThrownBy(() -> p.times(x, new int[] {0, 5}, 0, 2, new double[84], 28, null, new double[56]))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("index 5 at position 1");
        assertThatThrownBy(() -> p.times(x, new int[] {0}, 0, 1, new double[83], 28, null, new double[56]))
                .hasMessageContaining("W has 83 values, expected 3 x 28");
        assertThatThrownBy(() -> p.times(x, new int[] {0}, 0, 1, new double[9], 3, null, new double[8]))
                .hasMessageContaining("at least 28 output columns");
        assertThatThrownBy(() -> SparseRows.ofCodes(new byte[6], 2, 3, new double[256 + 1]))
                .hasMessageContaining("levels must be 256 values");
        assertThatThrownBy(() -> SparseRows.ofCodes(new byte[5], 2, 3, LEVELS))
                .hasMessageContaining("5 codes for 2 x 3");
    }
}
