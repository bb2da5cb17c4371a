package org.grad4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MultiLayerNetTest {

    private static final double GRADIENT_CHECK = 1e-9;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void backpropMatchesNumericalGradient(Activation activation) {
        Random rng = new Random(21);
        MultiLayerNet net = new MultiLayerNet(12, new int[] {9, 7}, 4, activation,
                activation == Activation.RELU ? Init.HE : Init.XAVIER, rng);
        assertThat(net.parameters()).extracting(Parameter::name)
                .containsExactly("W1", "b1", "W2", "b2", "W3", "b3");
        Tensor x = Tensor.randn(6, 12, 1.0, rng);
        int[] t = {0, 1, 2, 3, 1, 2};
        Map<String, Double> diff = GradientCheck.meanAbsoluteDifference(net, x, t, 1);
        diff.forEach((name, d) -> assertThat(d).as(name).isLessThan(GRADIENT_CHECK));
    }

    @Test
    void initScalesFollowTheBook() {
        assertThat(Init.XAVIER.stdFor(100)).isEqualTo(0.1);
        assertThat(Init.HE.stdFor(50)).isEqualTo(0.2);
        assertThat(Init.std(0.01).stdFor(784)).isEqualTo(0.01);
        assertThatThrownBy(() -> Init.std(-1.0)).hasMessage("Invalid weight init std: -1.0");
        assertThatThrownBy(() -> Init.std(Double.NaN)).hasMessage("Invalid weight init std: NaN");
        MultiLayerNet net = new MultiLayerNet(400, new int[] {300}, 10, Activation.RELU, Init.HE, new Random(8));
        double[] w1 = net.paramArrays()[0];
        double sq = 0;
        for (double v : w1) {
            sq += v * v;
        }
        // 120 000 draws: the sample std is within 1% of sqrt(2/400)
        assertThat(Math.sqrt(sq / w1.length)).isCloseTo(Math.sqrt(2.0 / 400), within(0.01 * Math.sqrt(2.0 / 400)));
    }

    @Test
    void givenWeightsAreShapeChecked() {
        List<Tensor> ws = List.of(Tensor.zeros(5, 4), Tensor.zeros(3, 2));
        List<Tensor> bs = List.of(Tensor.zeros(4), Tensor.zeros(2));
        assertThatThrownBy(() -> new MultiLayerNet(ws, bs, Activation.RELU))
                .hasMessage("W2: shape [3, 2], expected [4, 2]");
        assertThatThrownBy(() -> new MultiLayerNet(5, new int[] {0}, 2, Activation.RELU, Init.HE, new Random(1)))
                .hasMessage("MultiLayerNet: layer sizes must be positive: [5, 0, 2]");
    }
}
