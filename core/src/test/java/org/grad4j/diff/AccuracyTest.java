package org.grad4j.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Accuracy of each method against exact derivatives (by hand) on {@link SmoothFunctions}. */
class AccuracyTest {
    /** The goal for richardson at well-scaled points. */
    private static final double RICHARDSON_RTOL = 1e-11;
    private static final double CENTRAL_RTOL = 1e-9;
    private static final double BOOK_RTOL = 1e-7;
    private static final double FORWARD_RTOL = 1e-6;
    /** The fixed-step error estimates are estimates, not bounds: within this factor of the actual error. */
    private static final double ESTIMATE_SLACK = 10;

    static List<SmoothFunctions.Case> cases() {
        return SmoothFunctions.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void richardsonIsAccurateAndItsErrorBoundHolds(SmoothFunctions.Case c) {
        Derivative d = Numerical.derivative(c.f(), c.x(), Method.RICHARDSON);
        double exact = c.exact().applyAsDouble(c.x());
        double actual = Math.abs(d.derivative() - exact);
        assertThat(actual).as("|%s - %s| at %s", d.derivative(), exact, c).isLessThanOrEqualTo(d.error());
        assertThat(actual / Math.abs(exact)).as("relative error of %s vs %s at %s", d.derivative(), exact, c)
                .isLessThan(RICHARDSON_RTOL);
        assertThat(d.warnings()).isEmpty();
        assertThat(d.method()).isEqualTo(Method.RICHARDSON);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fixedStepMethodsReachTheirExpectedAccuracy(SmoothFunctions.Case c) {
        double exact = c.exact().applyAsDouble(c.x());
        assertAccurate(c, exact, Method.CENTRAL, CENTRAL_RTOL);
        assertAccurate(c, exact, Method.BOOK, BOOK_RTOL);
        assertAccurate(c, exact, Method.FORWARD, FORWARD_RTOL);
    }

    private static void assertAccurate(SmoothFunctions.Case c, double exact, Method m, double rtol) {
        Derivative d = Numerical.derivative(c.f(), c.x(), m);
        double actual = Math.abs(d.derivative() - exact);
        assertThat(actual).as("%s: |%s - %s| at %s", m.id(), d.derivative(), exact, c)
                .isLessThanOrEqualTo(rtol * Math.abs(exact))
                .isLessThanOrEqualTo(ESTIMATE_SLACK * d.error());
    }

    /** Seeded random points over wide intervals: the error bound of richardson still holds. */
    static Stream<Arguments> randomPoints() {
        Object[][] table = {
            {"exp", (DoubleUnaryOperator) Math::exp, (DoubleUnaryOperator) Math::exp, -5.0, 10.0},
            {"sin", (DoubleUnaryOperator) Math::sin, (DoubleUnaryOperator) Math::cos, -10.0, 10.0},
            {"log", (DoubleUnaryOperator) Math::log, (DoubleUnaryOperator) x -> 1 / x, 0.3, 100.0},
            {"tanh", (DoubleUnaryOperator) Math::tanh,
                (DoubleUnaryOperator) x -> 1 - Math.tanh(x) * Math.tanh(x), -3.0, 3.0},
            {"1/(1+x^2)", (DoubleUnaryOperator) x -> 1 / (1 + x * x),
                (DoubleUnaryOperator) x -> -2 * x / ((1 + x * x) * (1 + x * x)), -5.0, 5.0},
            {"exp(sin(x))", (DoubleUnaryOperator) x -> Math.exp(Math.sin(x)),
                (DoubleUnaryOperator) x -> Math.cos(x) * Math.exp(Math.sin(x)), -6.0, 6.0},
            {"1e6 sin(x) + x", (DoubleUnaryOperator) x -> 1e6 * Math.sin(x) + x,
                (DoubleUnaryOperator) x -> 1e6 * Math.cos(x) + 1, -3.0, 3.0},
        };
        return Stream.of(table).map(row -> Arguments.of(row[0], row[1], row[2], row[3], row[4]));
    }

    @ParameterizedTest(name = "{0} on [{3}, {4}]")
    @MethodSource("randomPoints")
    void richardsonErrorBoundHoldsAtRandomPoints(String name, DoubleUnaryOperator f, DoubleUnaryOperator df,
                                                  double lo, double hi) {
        Random random = new Random(20240611L);
        for (int i = 0; i < 300; i++) {
            double x = lo + (hi - lo) * random.nextDouble();
            Derivative d = Numerical.derivative(f, x, Method.RICHARDSON);
            double exact = df.applyAsDouble(x);
            assertThat(Math.abs(d.derivative() - exact)).as("%s at x = %s: %s vs %s", name, x, d.derivative(), exact)
                    .isLessThanOrEqualTo(d.error());
        }
    }
}
