package org.grad4j.nn;

import java.util.function.DoubleSupplier;

/** Test support: central-difference derivatives checked with {@code |a - n| <= atol + rtol * |n|}. */
final class CentralDifference {

    /** Step for central differences in double: error O(h^2) ~ 1e-10 against rounding ~ 1e-16 / h. */
    static final double H = 1e-5;
    static final double ATOL = 1e-8;
    static final double RTOL = 1e-6;

    private CentralDifference() {
    }

    /**
     * Checks {@code analytic[i]} against {@code (f(v + h e_i) - f(v - h e_i)) / 2h} for every entry of
     * {@code v}, which is perturbed in place and restored.
     */
    static void check(String what, double[] v, double[] analytic, DoubleSupplier f) {
        if (analytic.length != v.length) {
            throw new AssertionError(what + ": " + analytic.length + " gradient entries for " + v.length + " values");
        }
        for (int i = 0; i < v.length; i++) {
            double saved = v[i];
            v[i] = saved + H;
            double plus = f.getAsDouble();
            v[i] = saved - H;
            double minus = f.getAsDouble();
            v[i] = saved;
            double numerical = (plus - minus) / (2 * H);
            if (!(Math.abs(analytic[i] - numerical) <= ATOL + RTOL * Math.abs(numerical))) {
                throw new AssertionError(what + "[" + i + "]: analytic " + analytic[i] + " vs numerical " + numerical);
            }
        }
    }
}
