package org.grad4j.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import org.grad4j.expr.Expression;

/** The derivative lab's data: a function's curve and the rounding lesson's error against h. */
final class Lab {
    /** Powers of ten of h in the error-against-h curve: 1e-16 .. 1e0 in steps of 10^(1/4). */
    static final int H_POINTS = 65;

    private Lab() {}

    /** f and its exact derivative at {@code points} evenly spaced x in [from, to]. */
    static Map<String, Object> curve(Expression f, double from, double to, int points) {
        double[] xs = new double[points];
        double[] fs = new double[points];
        double[] ds = new double[points];
        double[] g = new double[f.arity()];
        for (int k = 0; k < points; k++) {
            xs[k] = from + (to - from) * k / (points - 1);
            if (f.arity() == 0) {
                fs[k] = f.value();
            } else {
                fs[k] = f.gradient(new double[] {xs[k]}, g);
                ds[k] = g[0];
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("x", xs);
        out.put("f", fs);
        out.put("derivative", ds);
        return out;
    }

    /**
     * The errors against the exact derivative d of the forward difference {@code (f(x + h) - f(x)) / h}
     * and the central difference {@code (f(x + h) - f(x - h)) / 2h} for h from 1e-16 to 1: truncation
     * error falls with h (as h and h^2) until rounding error, about eps |f| / h, takes over (the book's
     * ch. 4 lesson on why h = 1e-4 and not 1e-50).
     */
    static Map<String, Object> rounding(Expression f, double x) {
        double[] hs = new double[H_POINTS];
        double[] forward = new double[H_POINTS];
        double[] central = new double[H_POINTS];
        double exact = f.arity() == 0 ? 0 : f.gradient(x)[0];
        for (int k = 0; k < H_POINTS; k++) {
            double h = Math.pow(10, -16 + k / 4.0);
            hs[k] = h;
            forward[k] = Math.abs((value(f, x + h) - value(f, x)) / h - exact);
            central[k] = Math.abs((value(f, x + h) - value(f, x - h)) / (2 * h) - exact);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("x", x);
        out.put("exact", exact);
        out.put("h", hs);
        out.put("forward_error", forward);
        out.put("central_error", central);
        return out;
    }

    private static double value(Expression f, double x) {
        return f.arity() == 0 ? f.value() : f.value(x);
    }
}
