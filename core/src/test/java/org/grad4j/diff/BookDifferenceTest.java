package org.grad4j.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The book's method reproduces the book's numbers bit for bit. Reference values: the book's
 * printed outputs (ch. 4.3.2, 4.4), recomputed with tools/reference/book_values.py
 * (Python 3.11.7, NumPy 2.4.6) to get every digit of the gradients, which NumPy prints rounded.
 */
class BookDifferenceTest {
    /** The book's function_1, {@code 0.01*x**2 + 0.1*x}: x**2 is x*x rounded once, then times 0.01. */
    private static final DoubleUnaryOperator FUNCTION_1 = x -> 0.01 * (x * x) + 0.1 * x;
    /** The book's function_2, {@code x[0]**2 + x[1]**2}. */
    private static final MultivariateFunction FUNCTION_2 = x -> x[0] * x[0] + x[1] * x[1];

    @Test
    void derivativeOfFunction1MatchesTheBookBitForBit() {
        assertThat(Numerical.derivative(FUNCTION_1, 5, Method.BOOK).derivative()).isEqualTo(0.1999999999990898);
        assertThat(Numerical.derivative(FUNCTION_1, 10, Method.BOOK).derivative()).isEqualTo(0.2999999999986347);
    }

    @Test
    void writingTheProductInAnotherOrderRoundsDifferently() {
        // Java's 0.01*x*x is (0.01*x)*x, not 0.01*(x*x): at 10 it differs from the book in the 12th digit.
        // Python gives the same 0.2999999999997449 for lambda x: 0.01*x*x + 0.1*x (book_values.py).
        DoubleUnaryOperator leftToRight = x -> 0.01 * x * x + 0.1 * x;
        assertThat(Numerical.derivative(leftToRight, 5, Method.BOOK).derivative()).isEqualTo(0.1999999999990898);
        assertThat(Numerical.derivative(leftToRight, 10, Method.BOOK).derivative()).isEqualTo(0.2999999999997449);
    }

    @Test
    void gradientOfFunction2MatchesTheBookBitForBit() {
        // The book prints [6. 8.], [0. 4.], [6. 0.]: NumPy rounds these full values for display.
        assertThat(Numerical.gradient(FUNCTION_2, new double[] {3.0, 4.0}, Method.BOOK).gradient())
                .containsExactly(6.00000000000378, 7.999999999999119);
        assertThat(Numerical.gradient(FUNCTION_2, new double[] {0.0, 2.0}, Method.BOOK).gradient())
                .containsExactly(0.0, 4.000000000004);
        assertThat(Numerical.gradient(FUNCTION_2, new double[] {3.0, 0.0}, Method.BOOK).gradient())
                .containsExactly(6.000000000012662, 0.0);
    }

    @Test
    void gradientPrintedWithNumpysEightDigitsIsTheBooksSixAndEight() {
        double[] g = Numerical.gradient(FUNCTION_2, new double[] {3.0, 4.0}, Method.BOOK).gradient();
        assertThat(String.format("[%.8g %.8g]", g[0], g[1])).isEqualTo("[6.0000000 8.0000000]");
    }

    @Test
    void errorEstimateCoversTheActualErrorAtTheBooksPoints() {
        Derivative d = Numerical.derivative(FUNCTION_1, 10, Method.BOOK);
        assertThat(Math.abs(d.derivative() - 0.3)).isLessThanOrEqualTo(d.error());
        assertThat(d.error()).isLessThan(1e-10);
        assertThat(d.warnings()).isEmpty();
    }
}
