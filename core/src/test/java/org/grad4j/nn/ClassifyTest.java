package org.grad4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.grad4j.tensor.Blas;
import org.grad4j.tensor.Ops;
import org.grad4j.tensor.SparseRows;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FeedForwardNet#classify}: block by block on two cores, the scores of
 * {@link FeedForwardNet#predict} (dense input) or {@link FeedForwardNet#scores} (sparse input) to
 * rounding, bit for bit on the chunks an evaluation uses, and the classes of {@link Ops#argmaxRows}
 * of those.
 */
class ClassifyTest {

    /**
     * {@code predict} may split a product by its inner dimension over the two cores (for few rows
     * and many inputs) or take a small one through {@code SmallGemm}: the same sums, in another order.
     */
    private static final double ROUNDING = 1e-12;

    static Stream<Arguments> cases() {
        // row counts around the block size and the halves; both activations; one and two hidden layers
        return Stream.of(1, 2, 3, 99, 100, 101, 199, 250, 1000).flatMap(n -> Stream.of(
                Arguments.of(n, Activation.SIGMOID, new int[] {50}),
                Arguments.of(n, Activation.RELU, new int[] {60, 20})));
    }

    @ParameterizedTest(name = "{0} rows, {1}")
    @MethodSource("cases")
    void sameScoresAndClassesAsPredict(int rows, Activation activation, int[] hidden) {
        Random rng = new Random(rows * 31L + hidden.length);
        FeedForwardNet net = new MultiLayerNet(300, hidden, 10, activation, Init.XAVIER, rng);
        for (double[] p : net.paramArrays()) { // biases too, so that their addition is checked
            for (int i = 0; i < p.length; i++) {
                p[i] = rng.nextGaussian() * 0.3;
            }
        }
        Tensor x = Tensor.randn(rows, 300, 1.0, rng);
        Tensor want = net.predict(x);
        int[] wantClasses = Ops.argmaxRows(want, null);

        int[] classes = new int[rows];
        double[] scores = new double[rows * 10];
        int[] calls = new int[1];
        net.classify((r0, r1, out) -> {
            synchronized (calls) {
                calls[0]++;
            }
            System.arraycopy(x.data(), r0 * 300, out, 0, (r1 - r0) * 300);
        }, rows, classes, scores);

        double[] w = want.data();
        for (int i = 0; i < w.length; i++) {
            assertThat(Math.abs(scores[i] - w[i])).as("score %d: %s vs %s", i, scores[i], w[i])
                    .isLessThanOrEqualTo(ROUNDING * (1 + Math.abs(w[i])));
        }
        assertThat(classes).as("classes").containsExactly(wantClasses);
        int perHalf = Classify.BLOCK;
        int expectedCalls = (rows / 2 + perHalf - 1) / perHalf + (rows - rows / 2 + perHalf - 1) / perHalf;
        assertThat(calls[0]).as("blocks written").isEqualTo(expectedCalls);
    }

    @Test
    void bitForBitOnAnEvaluationChunkWithNativeBlas() {
        // the book's network on a chunk of 1 000 rows, as Evaluation gives it: predict splits the
        // products by rows, so each row's sums are OpenBLAS's sums in the same order (netlib's Java
        // kernel blocks the rows differently: there the scores agree to rounding)
        Random rng = new Random(11);
        FeedForwardNet net = new TwoLayerNet(784, 50, 10, 0.1, Activation.SIGMOID, rng);
        Tensor x = Tensor.randn(1000, 784, 1.0, rng);
        double[] scores = new double[1000 * 10];
        net.classify((r0, r1, out) -> System.arraycopy(x.data(), r0 * 784, out, 0, (r1 - r0) * 784), 1000,
                new int[1000], scores);
        double[] want = net.predict(x).data();
        if (Blas.isNative()) {
            assertThat(scores).containsExactly(want);
        } else {
            for (int i = 0; i < want.length; i++) {
                assertThat(Math.abs(scores[i] - want[i])).as("score %d", i)
                        .isLessThanOrEqualTo(ROUNDING * (1 + Math.abs(want[i])));
            }
        }
    }

    @ParameterizedTest(name = "{0} rows, {1}")
    @MethodSource("cases")
    void sparseInputGivesTheScoresOfTheSparsePath(int rows, Activation activation, int[] hidden) {
        Random rng = new Random(rows * 17L + hidden.length);
        FeedForwardNet net = new MultiLayerNet(300, hidden, 10, activation, Init.XAVIER, rng);
        for (double[] p : net.paramArrays()) {
            for (int i = 0; i < p.length; i++) {
                p[i] = rng.nextGaussian() * 0.3;
            }
        }
        SparseRows x = pixels(rows, 300, rng);
        int[] idx = new int[rows + 3];
        for (int i = 0; i < rows; i++) {
            idx[i + 3] = rows - 1 - i; // rows in another order, from an offset
        }
        double[] want = net.scores(x, idx, 3, rows).data().clone();

        int[] classes = new int[rows];
        double[] scores = new double[rows * 10];
        net.classify(x, idx, 3, rows, classes, scores);

        for (int i = 0; i < rows * 10; i++) {
            assertThat(Math.abs(scores[i] - want[i])).as("score %d: %s vs %s", i, scores[i], want[i])
                    .isLessThanOrEqualTo(ROUNDING * (1 + Math.abs(want[i])));
        }
        assertThat(classes).containsExactly(Ops.argmaxRows(Tensor.of(Arrays.copyOf(want, rows * 10), rows, 10), null));
    }

    @Test
    void sparseBitForBitOnAnEvaluationChunk() {
        Random rng = new Random(13);
        FeedForwardNet net = new TwoLayerNet(784, 50, 10, 0.1, Activation.SIGMOID, rng);
        SparseRows x = pixels(1000, 784, rng);
        int[] idx = new int[1000];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        double[] want = net.scores(x, idx, 0, 1000).data().clone();
        double[] scores = new double[1000 * 10];
        net.classify(x, idx, 0, 1000, new int[1000], scores);
        assertThat(scores).containsExactly(want);
    }

    /** Pixel-like input: three quarters zeros, the rest levels {@code k / 255}. */
    private static SparseRows pixels(int rows, int cols, Random rng) {
        byte[] codes = new byte[rows * cols];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = rng.nextInt(4) == 0 ? (byte) (1 + rng.nextInt(255)) : 0;
        }
        double[] levels = new double[256];
        for (int k = 0; k < 256; k++) {
            levels[k] = k / 255.0;
        }
        return SparseRows.ofCodes(codes, rows, cols, levels);
    }

    static Stream<Arguments> otherNetworks() {
        Random rng = new Random(21);
        Tensor w1 = Tensor.randn(300, 40, 0.2, rng);
        Tensor w2 = Tensor.randn(40, 10, 0.2, rng);
        Tensor w = Tensor.randn(300, 30, 0.2, rng);
        Tensor b = Tensor.randn(1, 30, 0.2, rng);
        return Stream.of(
                Arguments.of("two layers, no biases", new FeedForwardNet(List.of(w1, w2), null, Activation.RELU)),
                Arguments.of("one layer, no activation", new FeedForwardNet(List.of(w), null, null)),
                Arguments.of("one layer with a bias", new FeedForwardNet(List.of(w), List.of(Tensor.of(b.data())), null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherNetworks")
    void networksWithoutBiasesOrHiddenLayers(String name, FeedForwardNet net) {
        Random rng = new Random(4);
        int rows = 230;
        int classes = net.outputSize();
        SparseRows sparse = pixels(rows, 300, rng);
        int[] idx = new int[rows];
        for (int i = 0; i < rows; i++) {
            idx[i] = i;
        }
        Tensor x = Tensor.zeros(rows, 300);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 300; j++) {
                x.data()[i * 300 + j] = sparse.get(i, j);
            }
        }
        Tensor want = net.predict(x);
        int[] classesDense = new int[rows];
        double[] scores = new double[rows * classes];
        net.classify((r0, r1, out) -> System.arraycopy(x.data(), r0 * 300, out, 0, (r1 - r0) * 300), rows,
                classesDense, scores);
        for (int i = 0; i < scores.length; i++) {
            assertThat(Math.abs(scores[i] - want.data()[i])).as("dense score %d", i)
                    .isLessThanOrEqualTo(ROUNDING * (1 + Math.abs(want.data()[i])));
        }
        assertThat(classesDense).containsExactly(Ops.argmaxRows(want, null));

        double[] wantSparse = net.scores(sparse, idx, 0, rows).data().clone();
        int[] classesSparse = new int[rows];
        double[] sparseScores = new double[rows * classes];
        net.classify(sparse, idx, 0, rows, classesSparse, sparseScores);
        for (int i = 0; i < sparseScores.length; i++) {
            assertThat(Math.abs(sparseScores[i] - wantSparse[i])).as("sparse score %d", i)
                    .isLessThanOrEqualTo(ROUNDING * (1 + Math.abs(wantSparse[i])));
        }
        assertThat(classesSparse).containsExactly(Ops.argmaxRows(Tensor.of(wantSparse, rows, classes), null));
    }

    @Test
    void publicClassifyWritesOnlyTheRowsAsked() {
        Random rng = new Random(3);
        FeedForwardNet net = new TwoLayerNet(20, 8, 4, 0.5, Activation.SIGMOID, rng);
        Tensor x = Tensor.randn(7, 20, 1.0, rng);
        int[] out = new int[9];
        Arrays.fill(out, -1);
        net.classify((r0, r1, o) -> System.arraycopy(x.data(), r0 * 20, o, 0, (r1 - r0) * 20), 7, out);
        assertThat(Arrays.copyOf(out, 7)).containsExactly(Ops.argmaxRows(net.predict(x), null));
        assertThat(out[7]).isEqualTo(-1);
        assertThat(out[8]).isEqualTo(-1);
    }

    @Test
    void rejectsTooShortAnOutput() {
        FeedForwardNet net = new TwoLayerNet(20, 8, 4, 0.5, Activation.SIGMOID, new Random(1));
        assertThatThrownBy(() -> net.classify((r0, r1, o) -> { }, 5, new int[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classify: 5 rows, 4 outputs");
        assertThatThrownBy(() -> net.classify((r0, r1, o) -> { }, 5, new int[5], new double[19]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classify: 5 rows of 4 scores, 19 places");
    }

    @Test
    void aFailingSourceLeavesTheNetworkUsable() {
        Random rng = new Random(6);
        FeedForwardNet net = new TwoLayerNet(20, 8, 4, 0.5, Activation.SIGMOID, rng);
        Tensor x = Tensor.randn(400, 20, 1.0, rng);
        assertThatThrownBy(() -> net.classify((r0, r1, o) -> {
            if (r0 >= 200) {
                throw new IllegalStateException("source failed at row " + r0);
            }
        }, 400, new int[400])).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("source failed");
        int[] out = new int[400];
        net.classify((r0, r1, o) -> System.arraycopy(x.data(), r0 * 20, o, 0, (r1 - r0) * 20), 400, out);
        assertThat(out).containsExactly(Ops.argmaxRows(net.predict(x), null));
    }
}
