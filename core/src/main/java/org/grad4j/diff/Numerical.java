package org.grad4j.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Numerical derivatives, gradients, Jacobians and Hessians: the static facade over the
 * difference schemes of {@link Method}.
 *
 * <table>
 *   <caption>Methods, evaluations of f per coordinate (value, error estimate), accuracy on smooth f</caption>
 *   <tr><th>method</th><th>formula</th><th>step</th><th>evaluations</th><th>relative error</th></tr>
 *   <tr><td>book</td><td>(f(x+h) - f(x-h)) / (2h)</td><td>1e-4</td><td>2 + 2</td><td>~1e-9 near |x| ~ 1, worse far from it</td></tr>
 *   <tr><td>forward</td><td>(f(x+h) - f(x)) / h</td><td>sqrt(eps) max(|x|,1)</td><td>1 + 1</td><td>~1e-8</td></tr>
 *   <tr><td>central</td><td>(f(x+h) - f(x-h)) / (2h)</td><td>cbrt(eps) max(|x|,1)</td><td>2 + 2</td><td>~1e-10</td></tr>
 *   <tr><td>richardson</td><td>central and one-sided, extrapolated (Ridders) on windows</td><td>0.02 max(|x|, ln(e+|x|)) / 2^i</td><td>~30 to 80 (up to ~2000 when nothing converges)</td><td>~1e-13</td></tr>
 * </table>
 *
 * <p>Error estimates: book, central and forward compare the step h with 2h
 * ({@code |D(h) - D(2h)| / 3} for central differences, {@code |D(h) - D(2h)|} for forward) and add
 * the rounding term {@code eps * |f| / h}; richardson reports twice the Neville tableau's error of the best convergent window
 * (never below the rounding bound carried through the extrapolation), see {@code Richardson}.
 * Every result has {@code reliable()}: false, with a warning, when f is not finite at x or the
 * estimate or its error is not finite, and (richardson, Hessian) when no step converged. Plus f(x) once per call.
 *
 * <p>Warnings report rounding trouble: the step lost ({@code x + h == x}), a difference of f
 * values that is zero or keeps fewer than 20 significant bits (cancellation), f not finite.
 *
 * <p>No argument is modified; results hold fresh arrays. Bad input throws
 * {@link IllegalArgumentException}: {@code Invalid point: x[1] = NaN}, {@code Invalid step: h = 0.0},
 * {@code Invalid thread count: 0}.
 */
public final class Numerical {
    private Numerical() {
    }

    /** f'(x) by the given method. */
    public static Derivative derivative(DoubleUnaryOperator f, double x, Method m) {
        return derivative(f, x, scheme(m), m);
    }

    /**
     * f'(x) by the book's central difference with an explicit step, applied literally:
     * {@code (f(x+h) - f(x-h)) / (2*h)}. For showing rounding error: with h = 1e-50 the step is
     * lost ({@code 5 + 1e-50 == 5}), the result is 0 and the warnings say why.
     *
     * @param h the step, finite and > 0 (1e-50 is allowed on purpose)
     */
    public static Derivative derivative(DoubleUnaryOperator f, double x, double h) {
        if (!(h > 0) || h == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("Invalid step: h = " + h + " (expected a finite h > 0)");
        }
        return derivative(f, x, new BookDifference(h), Method.CENTRAL);
    }

    private static Derivative derivative(DoubleUnaryOperator f, double x, DifferenceScheme scheme, Method m) {
        Objects.requireNonNull(f, "f");
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("Invalid point: x = " + x);
        }
        Line line = t -> new double[] {f.applyAsDouble(t)};
        Diagnostics diagnostics = new Diagnostics("", "x", 1);
        double[] f0 = line.at(x);
        diagnostics.nonFiniteAtPoint(f0);
        double[] derivative = new double[1];
        double[] error = new double[1];
        scheme.differentiate(line, x, f0, derivative, error, diagnostics);
        boolean reliable = diagnostics.reliable() && Double.isFinite(derivative[0]) && Double.isFinite(error[0]);
        return new Derivative(x, derivative[0], error[0], m, diagnostics.warnings(), reliable);
    }

    /** The gradient of f at x on the calling thread; x is not modified. */
    public static Gradient gradient(MultivariateFunction f, double[] x, Method m) {
        return gradient(f, x, m, 1);
    }

    /**
     * The gradient of f at x, coordinates spread over {@code threads} threads (a fixed pool for
     * the call). f must be thread-safe when threads > 1; the result is identical for every
     * thread count. x is not modified.
     */
    public static Gradient gradient(MultivariateFunction f, double[] x, Method m, int threads) {
        Objects.requireNonNull(f, "f");
        checkPoint(x);
        if (threads < 1) {
            throw new IllegalArgumentException("Invalid thread count: " + threads);
        }
        double[] point = x.clone();
        double[] f0 = {f.value(point.clone())};
        Partials p = Partials.compute(v -> new double[] {f.value(v)}, point, f0, scheme(m), threads);
        int n = x.length;
        double[] gradient = new double[n];
        double[] error = new double[n];
        for (int i = 0; i < n; i++) {
            gradient[i] = p.derivative[i][0];
            error[i] = p.error[i][0];
        }
        return new Gradient(point, gradient, error, m, withValue(f0, p),
                p.reliable && Finite.all(f0) && Finite.all(gradient) && Finite.all(error));
    }

    /** The Jacobian {@code J[k][i] = df_k/dx_i} of f: R^n -> R^m at x; x is not modified. */
    public static Jacobian jacobian(VectorFunction f, double[] x, Method m) {
        Objects.requireNonNull(f, "f");
        checkPoint(x);
        double[] point = x.clone();
        double[] f0 = f.value(point.clone());
        if (f0 == null) {
            throw new IllegalArgumentException("jacobian: f returned null at x");
        }
        Partials p = Partials.compute(f::value, point, f0, scheme(m), 1);
        int n = x.length;
        double[][] jacobian = new double[f0.length][n];
        double[][] error = new double[f0.length][n];
        for (int k = 0; k < f0.length; k++) {
            for (int i = 0; i < n; i++) {
                jacobian[k][i] = p.derivative[i][k];
                error[k][i] = p.error[i][k];
            }
        }
        return new Jacobian(point, jacobian, error, m, withValue(f0, p),
                p.reliable && Finite.all(f0) && Finite.all(jacobian) && Finite.all(error));
    }

    /** The Hessian of f at x by extrapolated second differences; x is not modified. */
    public static Hessian hessian(MultivariateFunction f, double[] x) {
        Objects.requireNonNull(f, "f");
        checkPoint(x);
        return SecondDifference.compute(f, x.clone());
    }

    /**
     * {@code h} rounded to single precision, as {@code np.float32(h)} in the book: 1e-50 is below
     * the smallest float (1.4e-45) and becomes 0.0f.
     */
    public static float float32(double h) {
        return (float) h;
    }

    /** True when h is not zero but rounds to 0 in single precision (true for 1e-50). */
    public static boolean vanishesInFloat32(double h) {
        return h != 0 && float32(h) == 0.0f;
    }

    /** Warnings about f(x) itself, then the per-coordinate ones. */
    private static List<String> withValue(double[] f0, Partials p) {
        Diagnostics atX = new Diagnostics("", "x", f0.length);
        atX.nonFiniteAtPoint(f0);
        List<String> all = new ArrayList<>(atX.warnings());
        all.addAll(p.warnings);
        return all;
    }

    private static void checkPoint(double[] x) {
        Objects.requireNonNull(x, "x");
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("Invalid point: x[" + i + "] = " + x[i]);
            }
        }
    }

    private static DifferenceScheme scheme(Method m) {
        return switch (Objects.requireNonNull(m, "method")) {
            case BOOK -> new BookDifference(BookDifference.BOOK_STEP);
            case FORWARD -> new ForwardDifference();
            case CENTRAL -> new CentralDifference();
            case RICHARDSON -> new Richardson();
        };
    }
}
