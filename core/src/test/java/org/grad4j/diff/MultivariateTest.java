package org.grad4j.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Gradients, Jacobians and Hessians against analytic values; no mutation; thread-count invariance. */
class MultivariateTest {
    private static final double[] POINT = {0.5, 1.2, -0.7};
    private static final double HESSIAN_RTOL = 1e-7;

    /** f(x, y, z) = exp(x) sin(y) + x z^2 + log(1 + y^2). */
    private static final MultivariateFunction F =
            v -> Math.exp(v[0]) * Math.sin(v[1]) + v[0] * v[2] * v[2] + Math.log(1 + v[1] * v[1]);

    private static double[] exactGradient(double[] v) {
        double x = v[0], y = v[1], z = v[2];
        return new double[] {
            Math.exp(x) * Math.sin(y) + z * z,
            Math.exp(x) * Math.cos(y) + 2 * y / (1 + y * y),
            2 * x * z};
    }

    private static double[][] exactHessian(double[] v) {
        double x = v[0], y = v[1], z = v[2];
        double ex = Math.exp(x);
        double fyy = -ex * Math.sin(y) + (2 - 2 * y * y) / ((1 + y * y) * (1 + y * y));
        return new double[][] {
            {ex * Math.sin(y), ex * Math.cos(y), 2 * z},
            {ex * Math.cos(y), fyy, 0},
            {2 * z, 0, 2 * x}};
    }

    /** F(x, y) = (x^2 y, 5x + sin(y), exp(x) y): R^2 -> R^3. */
    private static final VectorFunction G =
            v -> new double[] {v[0] * v[0] * v[1], 5 * v[0] + Math.sin(v[1]), Math.exp(v[0]) * v[1]};

    private static double[][] exactJacobian(double[] v) {
        double x = v[0], y = v[1];
        return new double[][] {{2 * x * y, x * x}, {5, Math.cos(y)}, {Math.exp(x) * y, Math.exp(x)}};
    }

    static double tolerance(Method m) {
        return switch (m) {
            case RICHARDSON -> 1e-11;
            case CENTRAL -> 1e-8;
            case BOOK, FORWARD -> 1e-6;
        };
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void gradientMatchesAnalyticValues(Method m) {
        Gradient g = Numerical.gradient(F, POINT, m);
        double[] exact = exactGradient(POINT);
        for (int i = 0; i < exact.length; i++) {
            assertThat(Math.abs(g.gradient()[i] - exact[i]))
                    .as("%s: gradient[%d] = %s, exact %s", m.id(), i, g.gradient()[i], exact[i])
                    .isLessThanOrEqualTo(tolerance(m) * (1 + Math.abs(exact[i])));
        }
        if (m == Method.RICHARDSON) {
            for (int i = 0; i < exact.length; i++) {
                assertThat(Math.abs(g.gradient()[i] - exact[i])).as("bound at %d", i).isLessThanOrEqualTo(g.error()[i]);
            }
        }
        assertThat(g.x()).containsExactly(POINT).isNotSameAs(POINT);
        assertThat(g.method()).isEqualTo(m);
        assertThat(g.warnings()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void jacobianMatchesAnalyticValues(Method m) {
        double[] x = {1.5, -0.8};
        Jacobian j = Numerical.jacobian(G, x, m);
        double[][] exact = exactJacobian(x);
        assertThat(j.jacobian()).hasDimensions(3, 2);
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 2; i++) {
                double actual = Math.abs(j.jacobian()[k][i] - exact[k][i]);
                assertThat(actual).as("%s: J[%d][%d] = %s, exact %s", m.id(), k, i, j.jacobian()[k][i], exact[k][i])
                        .isLessThanOrEqualTo(tolerance(m) * (1 + Math.abs(exact[k][i])));
                if (m == Method.RICHARDSON) {
                    assertThat(actual).as("bound at [%d][%d]", k, i).isLessThanOrEqualTo(j.error()[k][i]);
                }
            }
        }
    }

    @Test
    void hessianMatchesAnalyticValuesWithinItsErrorBound() {
        Hessian h = Numerical.hessian(F, POINT);
        double[][] exact = exactHessian(POINT);
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                double actual = Math.abs(h.hessian()[i][k] - exact[i][k]);
                assertThat(actual).as("H[%d][%d] = %s, exact %s", i, k, h.hessian()[i][k], exact[i][k])
                        .isLessThanOrEqualTo(HESSIAN_RTOL * (1 + Math.abs(exact[i][k])))
                        .isLessThanOrEqualTo(h.error()[i][k]);
                assertThat(h.hessian()[i][k]).as("symmetric").isEqualTo(h.hessian()[k][i]);
            }
        }
        assertThat(h.warnings()).isEmpty();
    }

    @Test
    void hessianOfAQuadraticFormIsItsMatrix() {
        // f = x^T A x / 2 with symmetric A: H = A exactly up to rounding
        double[][] a = {{4, 1, -2}, {1, 3, 0.5}, {-2, 0.5, 5}};
        MultivariateFunction quadratic = v -> {
            double s = 0;
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 3; k++) {
                    s += v[i] * a[i][k] * v[k];
                }
            }
            return s / 2;
        };
        Hessian h = Numerical.hessian(quadratic, new double[] {1, -2, 3});
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                assertThat(Math.abs(h.hessian()[i][k] - a[i][k])).as("H[%d][%d]", i, k)
                        .isLessThanOrEqualTo(1e-8).isLessThanOrEqualTo(h.error()[i][k]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void noInputIsModified(Method m) {
        double[] x = POINT.clone();
        Numerical.gradient(F, x, m);
        assertThat(x).containsExactly(POINT);
        Numerical.gradient(F, x, m, 3);
        assertThat(x).containsExactly(POINT);
        double[] y = {1.5, -0.8};
        Numerical.jacobian(G, y, m);
        assertThat(y).containsExactly(1.5, -0.8);
        Numerical.hessian(F, x);
        assertThat(x).containsExactly(POINT);
    }

    @Test
    void aFunctionThatScribblesOnItsArgumentDoesNotReachTheCaller() {
        double[] x = {1, 2};
        MultivariateFunction rude = v -> {
            double s = v[0] * v[0] + v[1];
            v[0] = 99; // violates the contract; our private copy absorbs it
            return s;
        };
        Numerical.gradient(rude, x, Method.CENTRAL);
        assertThat(x).containsExactly(1, 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8, 64})
    void gradientIsIdenticalForEveryThreadCount(int threads) {
        Random random = new Random(7);
        double[] x = new double[37];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian() * 3;
        }
        // a thread-safe, moderately expensive function of 37 variables
        MultivariateFunction f = v -> {
            double s = 0;
            for (int i = 0; i < v.length; i++) {
                s += Math.sin(v[i] * (i + 1)) * Math.exp(0.1 * v[(i + 1) % v.length]);
            }
            return s;
        };
        for (Method m : Method.values()) {
            Gradient single = Numerical.gradient(f, x, m, 1);
            Gradient parallel = Numerical.gradient(f, x, m, threads);
            assertThat(parallel).as(m.id()).isEqualTo(single);
            assertThat(parallel.gradient()).isEqualTo(single.gradient());
        }
    }
}
