package org.grad4j.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Rounding diagnostics for one coordinate: the warnings the book's section on rounding error
 * teaches to look for. Collects messages in the order found; not thread-safe (one per coordinate).
 *
 * <ul>
 *   <li>the step is lost: {@code x + h == x} at the working magnitude
 *       ({@code step h=1.0E-4 is lost at x=1.0E13: x + h == x});</li>
 *   <li>the difference of f values is zero although f itself changes nowhere over the step, or it
 *       keeps fewer than {@link #MIN_SIGNIFICANT_BITS} significant bits of |f| (cancellation);</li>
 *   <li>f returned NaN or an infinity.</li>
 * </ul>
 */
final class Diagnostics {
    /** Fewer significant bits than this left in f(x+h) - f(x-h), relative to the ulp of |f|, is cancellation. */
    static final int MIN_SIGNIFICANT_BITS = 20;

    private final String prefix;
    private final String x;
    private final int m;
    private final List<String> warnings = new ArrayList<>();
    private boolean reliable = true;

    /**
     * @param prefix prepended to every message ("" for a single derivative, "x[2]: " in a gradient)
     * @param x      how the variable is named in messages ("x" or "x[2]")
     * @param m      number of outputs of f; components are named f[k] when m > 1
     */
    Diagnostics(String prefix, String x, int m) {
        this.prefix = prefix;
        this.x = x;
        this.m = m;
    }

    List<String> warnings() {
        return warnings;
    }

    void add(String message) {
        warnings.add(prefix + message);
    }

    /** Warns that no trustworthy estimate was found: the result is marked unreliable. */
    void unreliable(String message) {
        add(message);
        reliable = false;
    }

    /** False once {@link #unreliable} was called or f was not finite at the point. */
    boolean reliable() {
        return reliable;
    }

    /** How the variable is named in messages. */
    String x() {
        return x;
    }

    /** Warns and returns true when {@code t + h == t} or {@code t - h == t}. */
    boolean stepLost(double t, double h) {
        String lost = t + h == t ? " + h == " : t - h == t ? " - h == " : null;
        if (lost == null) {
            return false;
        }
        add("step h=" + h + " is lost at " + x + "=" + t + ": " + x + lost + x);
        return true;
    }

    /** Warns for every component of {@code values} (f at {@code where}) that is NaN or infinite. */
    boolean nonFinite(double[] values, String where, double at) {
        boolean found = false;
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                add(component(k) + " returned " + values[k] + " at " + x + where + " = " + at);
                found = true;
            }
        }
        return found;
    }

    /** Warns for every component of f(x) itself that is NaN or infinite. */
    void nonFiniteAtPoint(double[] values) {
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                reliable = false;
                add(component(k) + " returned " + values[k] + " at " + x + ": the derivative cannot be trusted");
            }
        }
    }

    /**
     * Checks the difference {@code a - b} of two f values ({@code formula} names it, e.g.
     * "f(x+h) - f(x-h)") for loss of all information or heavy cancellation.
     */
    void difference(String formula, double[] a, double[] b, double[] f0, double t, double h) {
        for (int k = 0; k < a.length; k++) {
            if (!Double.isFinite(a[k]) || !Double.isFinite(b[k])) {
                continue; // already reported
            }
            double diff = a[k] - b[k];
            String name = formula.replace("f(", component(k) + "(").replace("x", x);
            if (diff == 0) {
                if (a[k] == f0[k] && b[k] == f0[k]) {
                    add(name + " = 0 at " + x + "=" + t + ", h=" + h
                            + ": f does not change over the step, the derivative is lost");
                }
                continue;
            }
            double ulp = Math.ulp(Math.max(Math.abs(a[k]), Math.abs(b[k])));
            int bits = (int) Math.floor(Math.log(Math.abs(diff) / ulp) / Math.log(2)) + 1;
            if (bits < MIN_SIGNIFICANT_BITS) {
                add("cancellation at " + x + "=" + t + ", h=" + h + ": " + name + " = " + diff
                        + " keeps about " + Math.max(bits, 0) + " of 53 significant bits of |"
                        + component(k) + "| = " + Math.max(Math.abs(a[k]), Math.abs(b[k])));
            }
        }
    }

    private String component(int k) {
        return m == 1 ? "f" : "f[" + k + "]";
    }
}
