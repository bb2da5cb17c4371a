package org.grad4j.nn.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.grad4j.autograd.GradCheck;
import org.grad4j.autograd.Tensor;
import org.junit.jupiter.api.Test;

/** The book's layers as autograd functions: each backward rule against central differences. */
class FunctionsTest {

    private static final GradCheck.Options TIGHT = new GradCheck.Options(1e-6, 1e-8, 1e-6);

    private static Tensor leaf(Random rng, int... shape) {
        return Tensor.randn(rng, shape).requiresGrad(true);
    }

    private static void assertPasses(GradCheck.Result r) {
        assertThat(r.passed()).as(r.toString()).isTrue();
    }

    @Test
    void affine() {
        Random rng = new Random(1);
        Tensor x = leaf(rng, 4, 3);
        Tensor w = leaf(rng, 3, 2);
        Tensor b = leaf(rng, 2);
        Affine affine = new Affine();
        assertPasses(GradCheck.check(TIGHT, in -> affine.apply(in[0], in[1], in[2]), x, w, b));
        assertPasses(GradCheck.check(TIGHT, in -> affine.apply(in[0], in[1]), x, w));
        Tensor x3 = leaf(rng, 2, 2, 3);
        assertPasses(GradCheck.check(TIGHT, in -> affine.apply(in[0], in[1], in[2]), x3, w, b));
        Tensor y = affine.apply(x, w, b);
        Tensor expected = x.matmul(w).add(b);
        assertThat(y.data()).containsExactly(expected.data(), within(1e-15));
        assertThatThrownBy(() -> affine.apply(x, Tensor.zeros(2, 2), b))
                .hasMessage("Affine: shape mismatch x [4, 3], W [2, 2], b [2]");
    }

    @Test
    void sigmoidAndRelu() {
        Random rng = new Random(2);
        Tensor x = leaf(rng, 3, 4);
        assertPasses(GradCheck.check(TIGHT, in -> new Sigmoid().apply(in[0]), x));
        assertPasses(GradCheck.check(TIGHT, in -> new Relu().apply(in[0]), x));
        assertThat(new Sigmoid().apply(x).data()).containsExactly(x.sigmoid().data(), within(1e-16));
        assertThat(new Relu().apply(x).data()).containsExactly(x.relu().data());
    }

    @Test
    void softmaxWithLossOverIndicesAndProbabilities() {
        Random rng = new Random(3);
        Tensor x = leaf(rng, 5, 4);
        int[] t = {3, 0, 1, 1, 2};
        assertPasses(GradCheck.check(TIGHT, in -> new SoftmaxWithLoss(t).apply(in[0]), x));
        Tensor p = Tensor.randn(rng, 5, 4).softmax(1);
        assertPasses(GradCheck.check(TIGHT, in -> new SoftmaxWithLoss().apply(in[0], p), x));
        double[] oneHot = new double[20];
        for (int n = 0; n < 5; n++) {
            oneHot[n * 4 + t[n]] = 1;
        }
        double a = new SoftmaxWithLoss(t).apply(x).item();
        double b = new SoftmaxWithLoss().apply(x, Tensor.wrap(oneHot, 5, 4)).item();
        double c = x.logSoftmax(1).gather(t).mean().neg().item();
        assertThat(a).isCloseTo(b, within(1e-15)).isCloseTo(c, within(1e-15));
        assertThatThrownBy(() -> new SoftmaxWithLoss(new int[] {0, 1}).apply(x))
                .hasMessage("SoftmaxWithLoss: 2 labels for 5 rows");
        assertThatThrownBy(() -> new SoftmaxWithLoss(new int[] {0, 1, 4, 0, 0}).apply(x))
                .hasMessage("SoftmaxWithLoss: label 4 at row 2 out of range for 4 classes");
    }

    @Test
    void dropoutKeepsWithProbabilityOneMinusPAndScales() {
        Tensor x = Tensor.ones(200, 50).requiresGrad(true);
        Tensor y = new Dropout(0.3, new Random(4)).apply(x);
        double kept = 0;
        for (double v : y.data()) {
            assertThat(v == 0 || Math.abs(v - 1 / 0.7) < 1e-15).isTrue();
            kept += v == 0 ? 0 : 1;
        }
        // 10 000 Bernoulli(0.7) draws: 4 standard deviations is 0.018
        assertThat(kept / 10_000).isCloseTo(0.7, within(0.018));
        Tensor z = leaf(new Random(5), 3, 4);
        assertPasses(GradCheck.check(TIGHT, in -> new Dropout(0.5, new Random(6)).apply(in[0]), z));
        assertThatThrownBy(() -> new Dropout(1.5, new Random(1)))
                .hasMessage("dropout probability has to be between 0 and 1, but got 1.5");
    }

    @Test
    void batchNormInTrainingAndEvaluation() {
        Random rng = new Random(7);
        Tensor x = leaf(rng, 6, 3);
        Tensor gamma = leaf(rng, 3);
        Tensor beta = leaf(rng, 3);
        assertPasses(GradCheck.check(TIGHT,
                in -> new BatchNorm(new double[3], new double[] {1, 1, 1}, 0.1, 1e-5, true).apply(in[0], in[1], in[2])
                        .pow(2), x, gamma, beta));
        assertPasses(GradCheck.check(TIGHT,
                in -> new BatchNorm(new double[] {0.1, 0.2, 0.3}, new double[] {1, 2, 3}, 0.1, 1e-5, false)
                        .apply(in[0], in[1], in[2]).pow(2), x, gamma, beta));
        assertThatThrownBy(() -> new BatchNorm(new double[3], new double[3], 0.1, 1e-5, true)
                .apply(Tensor.zeros(1, 3), gamma, beta))
                .hasMessage("BatchNorm: expected more than 1 value per channel when training, got input of shape [1, 3]");
    }
}
