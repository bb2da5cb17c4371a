package org.grad4j.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The default method on {@link HardFunctions}: its error bounds the true error, or it says it cannot be trusted. */
class HardFunctionsTest {
    static List<HardFunctions.Case> cases() {
        return HardFunctions.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void errorBoundsTheTrueErrorOrTheResultIsUnreliable(HardFunctions.Case c) {
        Derivative d = Numerical.derivative(c.f(), c.x(), Method.RICHARDSON);
        if (Double.isNaN(c.exact())) {
            assertThat(d.reliable()).as("%s has no derivative, got %s", c, d).isFalse();
            return;
        }
        if (d.reliable()) {
            assertThat(Math.abs(d.derivative() - c.exact())).as("%s: %s vs exact %s", c, d, c.exact())
                    .isLessThanOrEqualTo(d.error());
        } else {
            assertThat(d.warnings()).as("%s: an unreliable result says why", c).isNotEmpty();
        }
    }

    @Test
    void overTheWholeTableEveryAnswerIsBoundedOrFlagged() {
        HardFunctionsTable.Summary s = HardFunctionsTable.summary();
        assertThat(s.cases()).isGreaterThanOrEqualTo(60);
        assertThat(s.bounded()).isEqualTo(s.reliable());
        assertThat(s.withoutFlagged()).isEqualTo(s.withoutDerivative());
        // the answers given are accurate, not merely bounded: most are within a few ulps
        assertThat(s.median()).isLessThan(1e-12);
        assertThat(s.reliable()).isGreaterThanOrEqualTo(85);
    }

    @Test
    void theIssuesExamplesAreAnsweredAccurately() {
        assertAccurate(x -> Math.pow(x, -3), 1e-3, -3e12);
        assertAccurate(Math::sin, 1e6, Math.cos(1e6));
        assertAccurate(x -> Math.atan(1000 * x), 0.001, 500);
        assertAccurate(x -> 1 / (x - 1), 1.001, -1 / (0.001 * 0.001));
        assertAccurate(x -> 1 / x, 1e-150, -1e300);
        assertAccurate(Math::log, 1e-8, 1e8);
        assertAccurate(Math::sqrt, 1e-10, 0.5 / Math.sqrt(1e-10));
    }

    private static void assertAccurate(java.util.function.DoubleUnaryOperator f, double x, double exact) {
        Derivative d = Numerical.derivative(f, x, Method.RICHARDSON);
        assertThat(d.reliable()).as("%s", d).isTrue();
        assertThat(Math.abs(d.derivative() - exact) / Math.abs(exact)).as("%s vs %s", d, exact).isLessThan(1e-6);
    }

    @Test
    void noDerivativeAtAPoleOrAPointWhereFIsNotFinite() {
        Derivative tan = Numerical.derivative(Math::tan, Math.PI / 2, Method.RICHARDSON);
        assertThat(tan.reliable()).isFalse();
        assertThat(tan.error()).isInfinite();
        assertThat(tan.warnings()).anyMatch(w -> w.contains("cannot be trusted"));
        Derivative pole = Numerical.derivative(x -> 1 / (x * x), 0, Method.RICHARDSON);
        assertThat(pole.reliable()).isFalse();
        assertThat(pole.warnings()).contains("f returned Infinity at x: the derivative cannot be trusted");
    }

    @Test
    void gradientJacobianAndHessianCarryTheVerdict() {
        Gradient far = Numerical.gradient(v -> Math.sin(v[0]) + v[1] * v[1], new double[] {1e6, 3}, Method.RICHARDSON);
        assertThat(far.reliable()).isTrue();
        assertThat(Math.abs(far.gradient()[0] - Math.cos(1e6))).isLessThanOrEqualTo(far.error()[0]).isLessThan(1e-9);
        Gradient kink = Numerical.gradient(v -> Math.abs(v[0]) + v[1], new double[] {0, 1}, Method.RICHARDSON);
        assertThat(kink.reliable()).isFalse();
        assertThat(kink.warnings()).anyMatch(w -> w.startsWith("x[0]: f: ") && w.endsWith("cannot be trusted"));
        Jacobian j = Numerical.jacobian(v -> new double[] {v[0], Math.sqrt(v[0])}, new double[] {0}, Method.RICHARDSON);
        assertThat(j.reliable()).isFalse();
        assertThat(j.jacobian()[0][0]).isEqualTo(1.0);

        Hessian smooth = Numerical.hessian(v -> Math.sin(v[0]) * v[1], new double[] {1e6, 2});
        assertThat(smooth.reliable()).isTrue();
        assertThat(Math.abs(smooth.hessian()[0][0] + 2 * Math.sin(1e6))).isLessThanOrEqualTo(smooth.error()[0][0]);
        assertThat(Math.abs(smooth.hessian()[0][1] - Math.cos(1e6))).isLessThanOrEqualTo(smooth.error()[0][1]);
        Hessian pole = Numerical.hessian(v -> 1 / v[0] + v[1], new double[] {0, 1});
        assertThat(pole.reliable()).isFalse();
        Hessian near = Numerical.hessian(v -> 1 / v[0], new double[] {1e-3});
        assertThat(near.reliable()).isTrue();
        assertThat(Math.abs(near.hessian()[0][0] - 2e9) / 2e9).isLessThan(1e-6);
    }
}
