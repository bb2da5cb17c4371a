package org.grad4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layer against central differences: for a fixed random {@code G}, the scalar
 * {@code f = sum(forward(x) * G)} has {@code df/dx = backward(G)}.
 */
class LayerGradientTest {

    /** The two label forms round differently: (y - t)/N vs y/N - 1/N. */
    private static final double ROUNDING = 1e-15;

    private static double dot(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += a.get(i) * b.get(i);
        }
        return s;
    }

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of("Sigmoid", (Supplier<Layer>) Sigmoid::new),
                Arguments.of("Relu", (Supplier<Layer>) Relu::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void activationInputGradient(String name, Supplier<Layer> make) {
        Random rng = new Random(11);
        Layer layer = make.get();
        Tensor x = Tensor.randn(4, 7, 2.0, rng);
        Tensor g = Tensor.randn(4, 7, 1.0, rng);
        layer.forward(x);
        Tensor dx = Tensor.copy(layer.backward(g));
        Tensor gCopy = Tensor.copy(g);
        CentralDifference.check(name + " dx", x.data(), dx.data(), () -> dot(layer.forward(x), g));
        assertThat(g.data()).containsExactly(gCopy.data()); // dout never written
    }

    @Test
    void affineGradients() {
        Random rng = new Random(12);
        Tensor w = Tensor.randn(5, 3, 1.0, rng);
        Tensor b = Tensor.randn(3, 1, 1.0, rng);
        Tensor bias = Tensor.of(b.data());
        Affine affine = new Affine(w, bias);
        Tensor x = Tensor.randn(4, 5, 1.0, rng);
        Tensor g = Tensor.randn(4, 3, 1.0, rng);
        Tensor gCopy = Tensor.copy(g);
        affine.forward(x);
        Tensor dx = Tensor.copy(affine.backward(g));
        Tensor dW = Tensor.copy(affine.dW());
        Tensor db = Tensor.copy(affine.db());
        assertThat(g.data()).containsExactly(gCopy.data());
        CentralDifference.check("Affine dx", x.data(), dx.data(), () -> dot(affine.forward(x), g));
        CentralDifference.check("Affine dW", w.data(), dW.data(), () -> dot(affine.forward(x), g));
        CentralDifference.check("Affine db", bias.data(), db.data(), () -> dot(affine.forward(x), g));
    }

    @Test
    void affineCanSkipDx() {
        Affine affine = new Affine(Tensor.zeros(3, 2), Tensor.zeros(2)).setComputeDx(false);
        affine.forward(Tensor.zeros(4, 3));
        assertThat(affine.backward(Tensor.zeros(4, 2))).isNull();
        assertThatThrownBy(() -> affine.forward(Tensor.zeros(4, 5)))
                .hasMessage("Affine: shape mismatch [4, 5] x [3, 2]");
    }

    @Test
    void softmaxWithLossGradientForClassIndices() {
        Random rng = new Random(13);
        SoftmaxWithLoss layer = new SoftmaxWithLoss();
        Tensor x = Tensor.randn(5, 4, 3.0, rng);
        int[] t = {0, 3, 1, 1, 2};
        layer.forward(x, t);
        Tensor dx = Tensor.copy(layer.backward());
        CentralDifference.check("SoftmaxWithLoss dx", x.data(), dx.data(), () -> layer.forward(x, t));
    }

    @Test
    void softmaxWithLossGradientForOneHot() {
        Random rng = new Random(14);
        SoftmaxWithLoss layer = new SoftmaxWithLoss();
        Tensor x = Tensor.randn(3, 4, 3.0, rng);
        Tensor t = Tensor.of(new double[][] {{0, 1, 0, 0}, {1, 0, 0, 0}, {0, 0, 0, 1}});
        double lossOneHot = layer.forward(x, t);
        Tensor dx = Tensor.copy(layer.backward());
        CentralDifference.check("SoftmaxWithLoss one-hot dx", x.data(), dx.data(), () -> layer.forward(x, t));
        double lossIndices = layer.forward(x, new int[] {1, 0, 3});
        assertThat(lossOneHot).isCloseTo(lossIndices, org.assertj.core.api.Assertions.within(ROUNDING));
        assertThat(layer.backward().data()).containsExactly(dx.data(), org.assertj.core.api.Assertions.within(ROUNDING));
    }

    @Test
    void softmaxWithLossIsExactForLargeScores() {
        SoftmaxWithLoss layer = new SoftmaxWithLoss();
        // loss = logsumexp(1000, 0) - 0 = 1000 + log(1 + e^-1000) = 1000 exactly in double
        assertThat(layer.forward(Tensor.of(new double[][] {{1000, 0}}), new int[] {1})).isEqualTo(1000.0);
        // correct class far ahead: loss = log(1 + e^-1000) = e^-1000 underflows to 0, no 1e-7 floor
        assertThat(layer.forward(Tensor.of(new double[][] {{1000, 0}}), new int[] {0})).isEqualTo(0.0);
        assertThatThrownBy(() -> layer.forward(Tensor.zeros(2, 3), new int[] {0, 3}))
                .hasMessage("SoftmaxWithLoss: label 3 at 1 outside [0, 3)");
        assertThatThrownBy(() -> layer.forward(Tensor.zeros(2, 3), new int[] {0}))
                .hasMessage("SoftmaxWithLoss: 1 labels for 2 rows");
    }
}
