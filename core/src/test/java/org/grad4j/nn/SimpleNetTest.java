package org.grad4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The book's simpleNet example, ch. 4.4.1 (gradient_simplenet.py). */
class SimpleNetTest {

    /** The book prints 8 significant digits. */
    private static final double PRINTED = 1e-8;

    private static final double[][] W = {{0.47355232, 0.9977393, 0.84668094}, {0.85557411, 0.03563661, 0.69422093}};
    private static final Tensor X = Tensor.of(new double[][] {{0.6, 0.9}});
    private static final int[] T = {2}; // one-hot [0, 0, 1]

    /** The book's printed dW. */
    private static final double[] DW = {0.21924763, 0.14356247, -0.36281009, 0.32887144, 0.2153437, -0.54421514};

    @Test
    void predictAndLossMatchTheBook() {
        SimpleNet net = new SimpleNet(Tensor.of(W));
        assertThat(net.predict(X).data()).containsExactly(new double[] {1.05414809, 0.63071653, 1.1328074},
                within(PRINTED));
        // The book prints 0.92806853663411326 with its log(y + 1e-7); the exact log-sum-exp value,
        // computed with NumPy 1.24 as logsumexp(x @ W) - (x @ W)[2], is 0.928068538748235.
        assertThat(net.loss(X, T)).isCloseTo(0.928068538748235, within(1e-13));
    }

    @Test
    void backpropAndNumericalGradientMatchTheBook() {
        SimpleNet net = new SimpleNet(Tensor.of(W));
        net.gradient(X, T);
        assertThat(net.parameters().get(0).name()).isEqualTo("W");
        assertThat(net.gradArrays()[0]).containsExactly(DW, within(PRINTED));
        net.numericalGradient(X, T, 1);
        assertThat(net.gradArrays()[0]).containsExactly(DW, within(PRINTED));
        assertThat(net.paramArrays()[0]).containsExactly(Tensor.of(W).data()); // restored bit for bit
    }

    @Test
    void weightsMustBeTwoByThree() {
        assertThatThrownBy(() -> new SimpleNet(Tensor.zeros(3, 3))).hasMessage("W: shape [3, 3], expected [2, 3]");
    }
}
