package org.grad4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.grad4j.optim.Sgd;
import org.grad4j.tensor.Tensor;
import org.grad4j.tensor.TwoCores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link FeedForwardNet#sgdStep}: the fused step against backprop followed by {@link Sgd#step}. */
class SgdStepTest {

    /** The second core of the tests that compare one and two cores. */
    private static final TwoCores CORES = TwoCores.start("test-sgd-step");

    @AfterAll
    static void closeWorker() {
        CORES.close();
    }


    /**
     * The fused step rounds {@code W1 - lr * x^T dout} once per block instead of after the gradient,
     * and sums the other gradients and the loss over the two halves of the batch.
     */
    private static final double ROUNDING = 1e-15;

    /** The loss, about 2.3, is a sum of 120 terms before the mean: summed in two halves it differs by a few ulps. */
    private static final double LOSS_ROUNDING = 1e-14;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void fusedStepEqualsGradientThenSgd(Activation activation) {
        Random rng = new Random(5);
        // the hidden layers are wide and the batch long enough for the products to take the BLAS
        // path (and the split over two cores) as in training
        FeedForwardNet fused = new MultiLayerNet(300, new int[] {60, 20}, 10, activation, Init.XAVIER, rng);
        FeedForwardNet plain = copy(fused, activation);
        Sgd sgd = new Sgd(0.3);
        for (int step = 0; step < 5; step++) {
            Tensor x = Tensor.randn(120, 300, 1.0, rng);
            int[] t = new int[120];
            for (int i = 0; i < t.length; i++) {
                t[i] = rng.nextInt(10);
            }
            double lossPlain = plain.gradient(x, t);
            sgd.step(plain.paramArrays(), plain.gradArrays());
            double lossFused = fused.sgdStep(x, t, 0.3);
            assertThat(lossFused).as("loss at step %d", step).isCloseTo(lossPlain, within(LOSS_ROUNDING));
            double[][] a = fused.paramArrays();
            double[][] b = plain.paramArrays();
            for (int p = 0; p < a.length; p++) {
                for (int j = 0; j < a[p].length; j++) {
                    assertThat(Math.abs(a[p][j] - b[p][j])).as("step %d, parameter %d, element %d: %s vs %s",
                            step, p, j, a[p][j], b[p][j]).isLessThanOrEqualTo(ROUNDING);
                }
            }
            // the bias gradients are still computed
            double[] dbFused = fused.gradArrays()[1];
            double[] dbPlain = plain.gradArrays()[1];
            for (int j = 0; j < dbPlain.length; j++) {
                assertThat(dbFused[j]).as("step %d, db1[%d]", step, j).isCloseTo(dbPlain[j], within(ROUNDING));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aLossThatIsNotFiniteUpdatesNothing() {
        FeedForwardNet net = new TwoLayerNet(4, 3, 2, new Random(2));
        double[][] before = new double[net.paramArrays().length][];
        for (int p = 0; p < before.length; p++) {
            before[p] = net.paramArrays()[p].clone();
        }
        Tensor x = Tensor.of(new double[][] {{1, Double.NaN, 0, 2}});
        assertThat(net.sgdStep(x, new int[] {1}, 0.1)).isNaN();
        for (int p = 0; p < before.length; p++) {
            assertThat(net.paramArrays()[p]).as("parameter %d", p).containsExactly(before[p]);
        }
    }

    /**
     * Odd and tiny batches, one and three layers, no biases: the step on two cores equals the step
     * with both halves on the calling thread bit for bit, and the step that gathers its batch itself
     * ({@link BatchColumns}) equals the one given the gathered batch.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "batch {0}, hidden {1}, {2}, biases {3}")
    @org.junit.jupiter.params.provider.CsvSource({"1,60;20,SIGMOID,true", "3,60;20,RELU,true", "7,,SIGMOID,true",
        "2,5,SIGMOID,false", "101,50,SIGMOID,true"})
    void halvesOnOneOrTwoThreadsAndSelfGatheredBatchesGiveTheSameBits(int batch, String hidden, Activation activation,
            boolean biases) {
        Random rng = new Random(batch);
        int[] h = hidden == null ? new int[0] : java.util.Arrays.stream(hidden.split(";")).mapToInt(Integer::parseInt)
                .toArray();
        FeedForwardNet two = new MultiLayerNet(37, h, 10, activation, Init.XAVIER, rng);
        if (!biases) {
            java.util.List<Tensor> ws = new java.util.ArrayList<>();
            for (Parameter p : two.parameters()) {
                if (p.name().startsWith("W")) {
                    ws.add(Tensor.copy(p.value()));
                }
            }
            two = new FeedForwardNet(ws, null, activation);
        }
        FeedForwardNet one = two.copy();
        FeedForwardNet self = two.copy();
        Tensor source = Tensor.randn(batch, 37, 1.0, rng);
        int[] t = new int[batch];
        for (int i = 0; i < batch; i++) {
            t[i] = rng.nextInt(10);
        }
        Tensor filled = Tensor.zeros(batch, 37);
        BatchColumns columns = (xd, c0, c1) -> {
            for (int r = 0; r < batch; r++) {
                System.arraycopy(source.data(), r * 37 + c0, xd, r * 37 + c0, c1 - c0);
            }
        };
        for (int step = 0; step < 3; step++) {
            double lossTwo = two.sgdStep(CORES, null, null, source, t, 0.2);
            double lossOne = one.sgdStep(source, t, 0.2); // no worker bound to this thread: one core
            double lossSelf;
            try (TwoCores.Scope bound = CORES.bind()) {
                lossSelf = self.sgdStep(columns, filled, t, 0.2);
            }
            assertThat(lossOne).isEqualTo(lossTwo);
            assertThat(lossSelf).isEqualTo(lossTwo);
            assertThat(filled.data()).containsExactly(source.data());
            for (int p = 0; p < two.paramArrays().length; p++) {
                assertThat(one.paramArrays()[p]).as("step %d, parameter %d, one thread", step, p)
                        .containsExactly(two.paramArrays()[p]);
                assertThat(self.paramArrays()[p]).as("step %d, parameter %d, self-gathered", step, p)
                        .containsExactly(two.paramArrays()[p]);
            }
        }
    }

    /**
     * Sparse input (only the nonzero pixels multiplied): the step equals the sparse gradient followed
     * by {@link Sgd#step}, and the dense step on the same rows, to rounding.
     */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void sparseStepEqualsSparseGradientThenSgdAndTheDenseStep(Activation activation) {
        Random rng = new Random(9);
        int rows = 300;
        int cols = 100;
        double[] levels = new double[256];
        for (int k = 0; k < 256; k++) {
            levels[k] = k / 255.0;
        }
        byte[] codes = new byte[rows * cols];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = rng.nextDouble() < 0.2 ? (byte) (1 + rng.nextInt(255)) : 0;
        }
        org.grad4j.tensor.SparseRows sparse = org.grad4j.tensor.SparseRows.ofCodes(codes, rows, cols, levels);
        FeedForwardNet fused = new MultiLayerNet(cols, new int[] {50}, 10, activation, Init.XAVIER, rng);
        FeedForwardNet plain = fused.copy();
        FeedForwardNet dense = fused.copy();
        Sgd sgd = new Sgd(0.3);
        int batch = 64;
        for (int step = 0; step < 5; step++) {
            int[] idx = new int[batch];
            int[] t = new int[batch];
            Tensor x = Tensor.zeros(batch, cols);
            for (int i = 0; i < batch; i++) {
                idx[i] = rng.nextInt(rows);
                t[i] = rng.nextInt(10);
                for (int j = 0; j < cols; j++) {
                    x.data()[i * cols + j] = levels[codes[idx[i] * cols + j] & 0xFF];
                }
            }
            double lossPlain = plain.gradient(sparse, idx, 0, batch, t);
            sgd.step(plain.paramArrays(), plain.gradArrays());
            double lossFused = fused.sgdStep(sparse, idx, 0, batch, t, 0.3);
            double lossDense = dense.sgdStep(x, t, 0.3);
            assertThat(lossFused).as("loss at step %d", step).isCloseTo(lossPlain, within(LOSS_ROUNDING))
                    .isCloseTo(lossDense, within(LOSS_ROUNDING));
            for (int p = 0; p < fused.paramArrays().length; p++) {
                double[] a = fused.paramArrays()[p];
                for (int j = 0; j < a.length; j++) {
                    assertThat(a[j]).as("step %d, parameter %d, element %d", step, p, j)
                            .isCloseTo(plain.paramArrays()[p][j], within(ROUNDING))
                            .isCloseTo(dense.paramArrays()[p][j], within(ROUNDING));
                }
            }
        }
    }

    /**
     * A step that goes on to the next batch's first product, and a step that starts from it: bit for
     * bit the weights and losses of separate steps, also when an evaluation comes in between and when
     * a call comes with another batch than the one prepared.
     */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void stepsThatStartTheNextBatchGiveTheNumbersOfSeparateSteps(Activation activation) {
        Random rng = new Random(21);
        int batch = 40;
        int inputs = 90;
        Tensor[] data = new Tensor[7];
        int[][] labels = new int[data.length][batch];
        for (int k = 0; k < data.length; k++) {
            data[k] = Tensor.randn(batch, inputs, 1.0, rng);
            for (int i = 0; i < batch; i++) {
                labels[k][i] = rng.nextInt(10);
            }
        }
        FeedForwardNet separate = new MultiLayerNet(inputs, new int[] {50}, 10, activation, Init.XAVIER, rng);
        FeedForwardNet piped = separate.copy();
        BatchColumns[] cols = new BatchColumns[data.length];
        for (int k = 0; k < data.length; k++) {
            Tensor src = data[k];
            cols[k] = (xd, c0, c1) -> {
                for (int r = 0; r < batch; r++) {
                    System.arraycopy(src.data(), r * inputs + c0, xd, r * inputs + c0, c1 - c0);
                }
            };
        }
        Tensor x = Tensor.zeros(batch, inputs);
        for (int k = 0; k < data.length; k++) {
            double expected = separate.sgdStep(data[k], labels[k], 0.2);
            BatchColumns next = k + 1 < data.length && k != 3 ? cols[k + 1] : null;
            // step 4 comes with a batch that was not prepared (step 3 prepared none); step 5 after an evaluation
            double got = piped.sgdStep(cols[k], next, x, labels[k], 0.2);
            if (k == 4) {
                piped.predict(data[0]);
            }
            assertThat(got).as("loss of step %d", k).isEqualTo(expected);
            for (int p = 0; p < separate.paramArrays().length; p++) {
                assertThat(piped.paramArrays()[p]).as("step %d, parameter %d", k, p)
                        .containsExactly(separate.paramArrays()[p]);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aBadLabelIsRefusedBeforeAnythingChanges() {
        FeedForwardNet net = new TwoLayerNet(4, 3, 2, new Random(2));
        double[] w1 = net.paramArrays()[0].clone();
        Tensor x = Tensor.zeros(2, 4);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> net.sgdStep(x, new int[] {1, 2}, 0.1))
                .hasMessage("SoftmaxWithLoss: label 2 at 1 outside [0, 2)");
        assertThat(net.paramArrays()[0]).containsExactly(w1);
    }

    private static FeedForwardNet copy(FeedForwardNet net, Activation activation) {
        java.util.List<Tensor> ws = new java.util.ArrayList<>();
        java.util.List<Tensor> bs = new java.util.ArrayList<>();
        for (Parameter p : net.parameters()) {
            (p.name().startsWith("W") ? ws : bs).add(Tensor.copy(p.value()));
        }
        return new MultiLayerNet(ws, bs, activation);
    }
}
