package org.grad4j.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rounding warnings, the book's h = 1e-50 lesson, method names and bad input. */
class DiagnosticsTest {
    private static final DoubleUnaryOperator FUNCTION_1 = x -> 0.01 * (x * x) + 0.1 * x;

    @Test
    void bookStepIsLostAtOneETwelveAndTheErrorSaysSo() {
        Derivative d = Numerical.derivative(FUNCTION_1, 1e13, Method.BOOK);
        assertThat(d.warnings()).contains("step h=1.0E-4 is lost at x=1.0E13: x + h == x");
        assertThat(d.derivative()).isZero();
        assertThat(d.error()).isInfinite();
    }

    @Test
    void bookGradientNamesTheCoordinateWhoseStepIsLost() {
        Gradient g = Numerical.gradient(v -> v[0] * v[0] + v[1] * v[1], new double[] {3, 1e13}, Method.BOOK);
        // x[0] too: next to 1e26, the change of x[0]^2 over the step is below one ulp of f
        assertThat(g.warnings()).containsExactly(
                "x[0]: f(x[0]+h) - f(x[0]-h) = 0 at x[0]=3.0, h=1.0E-4:"
                        + " f does not change over the step, the derivative is lost",
                "x[1]: step h=1.0E-4 is lost at x[1]=1.0E13: x[1] + h == x[1]",
                "x[1]: f(x[1]+h) - f(x[1]-h) = 0 at x[1]=1.0E13, h=1.0E-4:"
                        + " f does not change over the step, the derivative is lost");
        assertThat(g.error()[1]).isInfinite();
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"FORWARD", "CENTRAL", "RICHARDSON"})
    void scaledStepsAreNotLostAtOneETwelve(Method m) {
        Derivative d = Numerical.derivative(FUNCTION_1, 1e13, m);
        assertThat(d.warnings()).isEmpty();
        assertThat(Math.abs(d.derivative() - (0.02 * 1e13 + 0.1)) / 2e11).isLessThan(1e-6);
    }

    @Test
    void stepOfOneEMinusFiftyGivesZeroWithWarnings() {
        Derivative d = Numerical.derivative(FUNCTION_1, 5, 1e-50);
        assertThat(d.derivative()).isZero();
        assertThat(d.method()).isEqualTo(Method.CENTRAL);
        assertThat(d.error()).isInfinite();
        assertThat(d.warnings()).containsExactly(
                "step h=1.0E-50 is lost at x=5.0: x + h == x",
                "f(x+h) - f(x-h) = 0 at x=5.0, h=1.0E-50: f does not change over the step, the derivative is lost");
    }

    @Test
    void explicitStepOfOneEMinusFourIsTheBooksMethod() {
        assertThat(Numerical.derivative(FUNCTION_1, 5, 1e-4).derivative()).isEqualTo(0.1999999999990898);
    }

    @Test
    void oneEMinusFiftyVanishesInSinglePrecision() {
        // the book: np.float32(1e-50) -> 0.0
        assertThat(Numerical.float32(1e-50)).isEqualTo(0.0f);
        assertThat(Numerical.vanishesInFloat32(1e-50)).isTrue();
        assertThat(Numerical.vanishesInFloat32(1e-4)).isFalse();
        assertThat(Numerical.vanishesInFloat32(0)).isFalse();
    }

    @Test
    void cancellationIsReportedWhenFewBitsAreLeft() {
        // f ~ 1e12 at x = 1e7, f(x+h) - f(x-h) ~ 40 = 2^18.4 ulps of f: 19 significant bits
        Derivative d = Numerical.derivative(FUNCTION_1, 1e7, Method.BOOK);
        assertThat(d.warnings()).singleElement().asString()
                .startsWith("cancellation at x=1.0E7, h=1.0E-4: f(x+h) - f(x-h) = ")
                .contains("keeps about 19 of 53 significant bits of |f| = 1.00000100002E12");
    }

    @Test
    void symmetricZeroDifferenceAtAStationaryPointIsNotAWarning() {
        Gradient g = Numerical.gradient(v -> v[0] * v[0] + v[1] * v[1], new double[] {0, 2}, Method.BOOK);
        assertThat(g.gradient()[0]).isZero();
        assertThat(g.warnings()).isEmpty();
    }

    @Test
    void nonFiniteValuesAreReported() {
        Derivative d = Numerical.derivative(Math::log, 0, Method.BOOK);
        assertThat(d.warnings()).containsExactly(
                "f returned -Infinity at x: the derivative cannot be trusted",
                "f returned NaN at x - h = -1.0E-4");
        assertThat(d.derivative()).isNaN();
    }

    @Test
    void richardsonScansDownInsideADomainBoundary() {
        Derivative d = Numerical.derivative(Math::log, 0.01, Method.RICHARDSON);
        assertThat(d.warnings()).isEmpty();
        assertThat(d.reliable()).isTrue();
        assertThat(Math.abs(d.derivative() - 100)).isLessThan(1e-8).isLessThanOrEqualTo(d.error());
    }

    @Test
    void richardsonUsesOneSidedDifferencesWhereFIsNotFiniteOnOneSide() {
        // f = log(x) for x > 0, NaN below: at x = 0 only the forward side exists, f'(0+) = 1
        Derivative d = Numerical.derivative(x -> x > 0 ? Math.log1p(x) : x == 0 ? 0 : Double.NaN, 0, Method.RICHARDSON);
        assertThat(d.reliable()).isTrue();
        assertThat(d.warnings()).singleElement().asString()
                .startsWith("f: central differences do not converge (f is not finite at -")
                .endsWith("); forward differences used");
        assertThat(Math.abs(d.derivative() - 1)).isLessThan(1e-8).isLessThanOrEqualTo(d.error());
    }

    @Test
    void richardsonSaysWhenTheSidesDisagree() {
        Derivative d = Numerical.derivative(Math::abs, 0, Method.RICHARDSON);
        assertThat(d.reliable()).isFalse();
        assertThat(d.error()).isInfinite();
        assertThat(d.warnings()).singleElement().asString()
                .contains("disagree: f is not differentiable at x (kink or edge)")
                .endsWith("the derivative cannot be trusted");
    }

    @Test
    void jacobianNamesTheComponentThatIsNotFinite() {
        Jacobian j = Numerical.jacobian(v -> new double[] {v[0], Math.sqrt(v[0])}, new double[] {0}, Method.CENTRAL);
        assertThat(j.warnings()).containsExactly("x[0]: f[1] returned NaN at x[0] - h = -6.0554544523933395E-6");
    }

    @Test
    void methodIdsRoundTrip() {
        assertThat(Method.values()).extracting(Method::id).containsExactly("book", "forward", "central", "richardson");
        for (Method m : Method.values()) {
            assertThat(Method.parse(m.id())).isEqualTo(m);
        }
        assertThat(Method.parse(" Richardson ")).isEqualTo(Method.RICHARDSON);
    }

    @Test
    void unknownMethodNamesTheOffendingValue() {
        assertThatThrownBy(() -> Method.parse("foo")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown method 'foo' (expected book, forward, central, richardson)");
        assertThatThrownBy(() -> Method.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown method 'null' (expected book, forward, central, richardson)");
    }

    @Test
    void badInputIsRejectedWithTheOffendingValue() {
        MultivariateFunction sum = v -> v[0] + v[1];
        assertThatThrownBy(() -> Numerical.derivative(Math::exp, Double.NaN, Method.CENTRAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid point: x = NaN");
        assertThatThrownBy(() -> Numerical.gradient(sum, new double[] {1, Double.POSITIVE_INFINITY}, Method.BOOK))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid point: x[1] = Infinity");
        assertThatThrownBy(() -> Numerical.gradient(sum, new double[] {1, 2}, Method.BOOK, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid thread count: 0");
        assertThatThrownBy(() -> Numerical.derivative(Math::exp, 1, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid step: h = 0.0 (expected a finite h > 0)");
        assertThatThrownBy(() -> Numerical.derivative(Math::exp, 1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid step: h = NaN (expected a finite h > 0)");
        assertThatThrownBy(() -> Numerical.hessian(sum, new double[] {Double.NaN, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Invalid point: x[0] = NaN");
    }

    @Test
    void jacobianRejectsAFunctionWhoseOutputLengthChanges() {
        VectorFunction changing = v -> v[0] == 1 ? new double[] {1, 2} : new double[] {1, 2, 3};
        assertThatThrownBy(() -> Numerical.jacobian(changing, new double[] {1}, Method.CENTRAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("f returned 3 values at x[0] = 1.0000060554544523, expected 2 (as at x)");
    }

    @Test
    void exceptionsFromFOnWorkerThreadsReachTheCaller() {
        MultivariateFunction failing = v -> {
            if (v[2] != 0) {
                throw new IllegalStateException("boom at " + v[2]);
            }
            return v[0];
        };
        assertThatThrownBy(() -> Numerical.gradient(failing, new double[] {1, 1, 0, 1}, Method.CENTRAL, 2))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("boom at ");
    }
}
