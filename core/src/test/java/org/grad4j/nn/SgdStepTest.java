package org.grad4j.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.grad4j.optim.Sgd;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link FeedForwardNet#sgdStep}: the fused step against backprop followed by {@link Sgd#step}. */
class SgdStepTest {

    /** The fused product rounds {@code W - lr * x^T dout} once per block instead of after the gradient. */
    private static final double ROUNDING = 1e-15;

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
            assertThat(lossFused).as("loss at step %d", step).isEqualTo(lossPlain);
            double[][] a = fused.paramArrays();
            double[][] b = plain.paramArrays();
            for (int p = 0; p < a.length; p++) {
                for (int j = 0; j < a[p].length; j++) {
                    assertThat(Math.abs(a[p][j] - b[p][j])).as("step %d, parameter %d, element %d: %s vs %s",
                            step, p, j, a[p][j], b[p][j]).isLessThanOrEqualTo(ROUNDING);
                }
            }
            // the bias gradients are still computed
            assertThat(fused.gradArrays()[1]).containsExactly(plain.gradArrays()[1]);
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

    private static FeedForwardNet copy(FeedForwardNet net, Activation activation) {
        java.util.List<Tensor> ws = new java.util.ArrayList<>();
        java.util.List<Tensor> bs = new java.util.ArrayList<>();
        for (Parameter p : net.parameters()) {
            (p.name().startsWith("W") ? ws : bs).add(Tensor.copy(p.value()));
        }
        return new MultiLayerNet(ws, bs, activation);
    }
}
