package org.grad4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.grad4j.diff.MultivariateFunction;
import org.grad4j.optim.schedule.ExponentialLr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradientDescentTest {

    /** The book prints 9 significant digits; this is half a unit in the 9th. */
    private static final double PRINTED_9_DIGITS_REL = 5e-9;
    private static final double EXACT = 0;

    private static final MultivariateFunction FUNCTION_2 = x -> x[0] * x[0] + x[1] * x[1];
    private static final double[] INIT = {-3.0, 4.0};

    /**
     * The book, ch. 4.4.1, gradient_descent(function_2, init_x=np.array([-3.0, 4.0]), lr, step_num=100)
     * with its numerical gradient; printed results.
     */
    @ParameterizedTest
    @CsvSource({
            "0.1,   -6.11110793e-10, 8.14814391e-10, max-steps",
            "10.0,  -2.58983747e+13, -1.29524862e+12, diverged",
            "1e-10, -2.99999994,     3.99999992,     max-steps"})
    void reproducesTheBooksPrintedResults(double lr, double x0, double x1, String status) {
        Trajectory t = GradientDescent.run(FUNCTION_2, new BookGradient(FUNCTION_2), INIT,
                GradientDescent.Options.of(lr, 100));

        assertThat(t.points()).hasNumberOfRows(101);
        assertThat(t.last()[0]).isCloseTo(x0, within(Math.abs(x0) * PRINTED_9_DIGITS_REL));
        assertThat(t.last()[1]).isCloseTo(x1, within(Math.abs(x1) * PRINTED_9_DIGITS_REL));
        assertThat(t.status().label()).isEqualTo(status);
        assertThat(INIT).containsExactly(-3.0, 4.0);
    }

    @Test
    void lrTenDivergesFromTheFirstStep() {
        Trajectory t = GradientDescent.run(FUNCTION_2, new BookGradient(FUNCTION_2), INIT,
                GradientDescent.Options.of(10, 100));
        assertThat(t.status()).isEqualTo(Status.DIVERGED);
        assertThat(t.statusStep()).isEqualTo(1);
        assertThat(t.warnings()).anyMatch(w -> w.startsWith("diverged: f grew from 25.0"));
    }

    @Test
    void stopOnDivergenceKeepsTheDivergedPointAndStops() {
        Trajectory t = GradientDescent.run(FUNCTION_2, new BookGradient(FUNCTION_2), INIT,
                GradientDescent.Options.of(10, 100).withStopOnDivergence(true));
        assertThat(t.status()).isEqualTo(Status.DIVERGED);
        // f_t = 25 * 361^t exceeds 25 + 1e8 * 25 first at t = 4
        assertThat(t.steps()).isEqualTo(4);
    }

    @Test
    void plainSgdIsBitIdenticalToTheBooksUpdate() {
        double lr = 0.1;
        double[] x = INIT.clone();
        double[] g = new double[2];
        BookGradient book = new BookGradient(FUNCTION_2);
        for (int i = 0; i < 100; i++) {
            book.gradient(x, g);
            for (int j = 0; j < 2; j++) {
                x[j] -= lr * g[j];
            }
        }
        Trajectory t = GradientDescent.run(FUNCTION_2, book, INIT, GradientDescent.Options.of(lr, 100));
        assertThat(t.last()).containsExactly(x[0], x[1]);
    }

    @Test
    void exactGradientConvergesToTolerance() {
        DifferentiableFunction f = (x, g) -> {
            g[0] = 2 * x[0];
            g[1] = 2 * x[1];
            return x[0] * x[0] + x[1] * x[1];
        };
        Trajectory t = GradientDescent.run(f, INIT, GradientDescent.Options.of(0.1, 1000).withTolerance(1e-6));
        assertThat(t.status()).isEqualTo(Status.CONVERGED);
        assertThat(t.gradNorms()[t.statusStep()]).isLessThanOrEqualTo(1e-6);
        assertThat(t.gradNorms()[t.statusStep() - 1]).isGreaterThan(1e-6);
        assertThat(t.steps()).isEqualTo(t.statusStep());
        // ||g_t|| = 10 * 0.8^t <= 1e-6  <=>  t >= ln(1e-7) / ln(0.8) = 72.2
        assertThat(t.statusStep()).isEqualTo(73);
        assertThat(t.values()).hasSize(74);
    }

    @Test
    void clippingLimitsTheStepAndLeavesTheFunctionsGradientAlone() {
        DifferentiableFunction f = (x, g) -> {
            g[0] = 2 * x[0];
            g[1] = 2 * x[1];
            return x[0] * x[0] + x[1] * x[1];
        };
        Trajectory t = GradientDescent.run(f, INIT, GradientDescent.Options.of(0.1, 1).withClipNorm(1.0));
        double stepLength = Math.hypot(t.last()[0] - INIT[0], t.last()[1] - INIT[1]);
        assertThat(stepLength).isCloseTo(0.1 * 1.0 * 10 / (10 + ClipNorm.EPS), within(1e-15));
        assertThat(t.gradNorms()[0]).isEqualTo(10.0);
    }

    @Test
    void scheduleSetsTheLrOfEachStep() {
        // f = x^2 / 2, g = x: x_{t+1} = x_t (1 - lr_t) with lr_t = 0.5 * 0.5^t
        DifferentiableFunction f = (x, g) -> {
            g[0] = x[0];
            return x[0] * x[0] / 2;
        };
        Trajectory t = GradientDescent.run(f, new double[] {1}, GradientDescent.Options.of(0.5, 3)
                .withSchedule(new ExponentialLr(0.5)));
        assertThat(t.points()[1][0]).isEqualTo(0.5, within(EXACT));
        assertThat(t.points()[2][0]).isEqualTo(0.5 * 0.75, within(EXACT));
        assertThat(t.points()[3][0]).isEqualTo(0.5 * 0.75 * 0.875, within(EXACT));
    }

    @Test
    void nonFiniteValuesAreDivergence() {
        DifferentiableFunction f = (x, g) -> {
            g[0] = -1;
            return x[0] > 2.5 ? Double.NaN : -x[0];
        };
        Trajectory t = GradientDescent.run(f, new double[] {0}, GradientDescent.Options.of(1, 5));
        assertThat(t.status()).isEqualTo(Status.DIVERGED);
        assertThat(t.statusStep()).isEqualTo(3);
        assertThat(t.steps()).isEqualTo(5);
    }

    @Test
    void anyOptimizerCanDriveTheDescent() {
        Trajectory t = GradientDescent.run(FUNCTION_2, new BookGradient(FUNCTION_2), INIT,
                GradientDescent.Options.of(0.1, 200), new Adam(0.1));
        assertThat(Math.hypot(t.last()[0], t.last()[1])).isLessThan(1e-2);
    }

    @Test
    void badOptionsAreRejectedWithTorchWording() {
        assertThatThrownBy(() -> GradientDescent.Options.of(-0.1, 10))
                .hasMessage("Invalid learning rate: -0.1");
        assertThatThrownBy(() -> GradientDescent.Options.of(Double.NaN, 10))
                .hasMessage("Invalid learning rate: nan");
        assertThatThrownBy(() -> GradientDescent.Options.of(0.1, -1))
                .hasMessage("Invalid steps value: -1");
        assertThatThrownBy(() -> GradientDescent.Options.of(0.1, 1).withClipNorm(0))
                .hasMessage("Invalid max_norm value: 0.0");
    }
}
