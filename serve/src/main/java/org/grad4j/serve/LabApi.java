package org.grad4j.serve;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grad4j.expr.Expression;
import org.grad4j.expr.ExpressionException;
import org.grad4j.optim.Behaviour;
import org.grad4j.optim.Status;
import org.grad4j.optim.Trajectory;

/**
 * The endpoints the playground and the derivative lab need besides the commands, calling the
 * library: {@code /api/parse} (errors at their column as one types), {@code /api/values} (f and
 * |grad f| along paths), {@code /api/behaviour} (lr-sweep's classification of paths),
 * {@code /api/curve} and {@code /api/rounding} (the lab's plots).
 */
final class LabApi {
    /** Most points of a curve. */
    private static final int MAX_CURVE_POINTS = 2000;

    private final Limits limits;

    LabApi(Limits limits) {
        this.limits = limits;
    }

    private Expression expression(Map<String, Object> body) {
        Object e = body.get("expr");
        if (!(e instanceof String s)) {
            throw ApiException.bad("expr: expected a string");
        }
        Map<String, Object> only = new LinkedHashMap<>();
        only.put("expr", s);
        CliArguments.of("parse", only, limits); // the length and nesting limits
        return Expression.parse(s);
    }

    void parse(Context ctx) {
        try {
            Expression e = expression(Exchange.body(ctx, limits));
            Exchange.json(ctx, 200, Map.of("text", e.text(), "variables", e.variables()));
        } catch (ExpressionException e) {
            Exchange.error(ctx, 400, e.getMessage(), e.column());
        }
    }

    void curve(Context ctx) {
        Map<String, Object> b = Exchange.body(ctx, limits);
        try {
            Expression e = expression(b);
            if (e.arity() > 1) {
                throw ApiException.bad("curve: '" + e.text() + "' has " + e.arity() + " variables " + e.variables() + ", expected at most 1");
            }
            double from = Exchange.number(b, "from", -3);
            double to = Exchange.number(b, "to", 3);
            int points = (int) Exchange.number(b, "points", 400);
            if (!(from < to) || points < 2 || points > MAX_CURVE_POINTS) {
                throw ApiException.bad("curve: expected from < to and 2..." + MAX_CURVE_POINTS + " points, got "
                        + from + ", " + to + ", " + points);
            }
            Exchange.json(ctx, 200, Lab.curve(e, from, to, points));
        } catch (ExpressionException e) {
            Exchange.error(ctx, 400, e.getMessage(), e.column());
        }
    }

    void rounding(Context ctx) {
        Map<String, Object> b = Exchange.body(ctx, limits);
        try {
            Expression e = expression(b);
            if (e.arity() > 1) {
                throw ApiException.bad("rounding: '" + e.text() + "' has " + e.arity() + " variables, expected at most 1");
            }
            Exchange.json(ctx, 200, Lab.rounding(e, Exchange.number(b, "at", 0)));
        } catch (ExpressionException e) {
            Exchange.error(ctx, 400, e.getMessage(), e.column());
        }
    }

    /** f and |grad f| (exact, reverse mode) at each of the points: the playground's per-step figures. */
    void values(Context ctx) {
        Map<String, Object> b = Exchange.body(ctx, limits);
        try {
            Expression e = expression(b);
            if (!(b.get("points") instanceof List<?> points)) {
                throw ApiException.bad("points: expected an array of points");
            }
            int max = limits.steps() * limits.runs() + limits.runs();
            if (points.size() > max) {
                throw ApiException.bad("points: " + points.size() + " asked, the limit is " + max);
            }
            double[] fs = new double[points.size()];
            double[] norms = new double[points.size()];
            double[] g = new double[e.arity()];
            for (int k = 0; k < fs.length; k++) {
                if (!(points.get(k) instanceof List<?> p) || p.size() != e.arity()) {
                    throw ApiException.bad("points[" + k + "]: expected " + e.arity() + " numbers " + e.variables());
                }
                double[] x = new double[e.arity()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = p.get(i) instanceof Double d ? d : Double.NaN;
                }
                fs[k] = e.gradient(x, g);
                double n = 0;
                for (double gi : g) {
                    n += gi * gi;
                }
                norms[k] = Math.sqrt(n);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("f", fs);
            out.put("gradient_norm", norms);
            Exchange.json(ctx, 200, out);
        } catch (ExpressionException e) {
            Exchange.error(ctx, 400, e.getMessage(), e.column());
        }
    }

    /**
     * How each raced path behaved (lr-sweep's classification, {@link Behaviour}: converged, too-slow,
     * oscillating, diverged) against {@code "minimum"}, or, without one, the point of lowest f over
     * all the paths, as lr-sweep does when it is not given one.
     */
    void behaviour(Context ctx) {
        Map<String, Object> b = Exchange.body(ctx, limits);
        try {
            Expression e = expression(b);
            if (!(b.get("paths") instanceof List<?> paths) || paths.size() > limits.runs()) {
                throw ApiException.bad("paths: expected an array of at most " + limits.runs() + " paths");
            }
            List<double[][]> points = new java.util.ArrayList<>();
            List<Status> statuses = new java.util.ArrayList<>();
            double[] best = null;
            double bestF = Double.POSITIVE_INFINITY;
            for (Object o : paths) {
                if (!(o instanceof Map<?, ?> p) || !(p.get("points") instanceof List<?> pts) || pts.isEmpty()
                        || pts.size() > limits.steps() + 1) {
                    throw ApiException.bad("paths: each is {\"points\": [[...], ...], \"status\": ...} with 1.."
                            + (limits.steps() + 1) + " points");
                }
                double[][] x = new double[pts.size()][];
                for (int k = 0; k < x.length; k++) {
                    x[k] = new double[e.arity()];
                    if (pts.get(k) instanceof List<?> c && c.size() == e.arity()) {
                        for (int i = 0; i < x[k].length; i++) {
                            x[k][i] = c.get(i) instanceof Double d ? d : Double.NaN;
                        }
                    } else {
                        java.util.Arrays.fill(x[k], Double.NaN);
                    }
                    double fx = e.value(x[k]);
                    if (fx < bestF) {
                        bestF = fx;
                        best = x[k];
                    }
                }
                points.add(x);
                String label = String.valueOf(p.get("status"));
                statuses.add(java.util.Arrays.stream(Status.values()).filter(st -> st.label().equals(label)).findFirst()
                        .orElseThrow(() -> ApiException.bad("status: unknown status '" + label + "'")));
            }
            double[] minimum = b.get("minimum") instanceof List<?> m ? numbers(m, e.arity()) : best;
            List<String> out = new java.util.ArrayList<>();
            for (int k = 0; k < points.size(); k++) {
                double[][] x = points.get(k);
                Trajectory t = new Trajectory(x, new double[x.length], new double[x.length], statuses.get(k), x.length - 1,
                        List.of());
                out.add(minimum == null ? null : Behaviour.classify(t, minimum).label());
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("minimum", minimum);
            r.put("minimum_source", b.get("minimum") != null ? "given" : "lowest f seen");
            r.put("behaviours", out);
            Exchange.json(ctx, 200, r);
        } catch (ExpressionException e) {
            Exchange.error(ctx, 400, e.getMessage(), e.column());
        }
    }

    private static double[] numbers(List<?> l, int n) {
        if (l.size() != n) {
            throw ApiException.bad("minimum: expected " + n + " numbers, got " + l.size());
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(l.get(i) instanceof Double d)) {
                throw ApiException.bad("minimum: expected numbers");
            }
            out[i] = d;
        }
        return out;
    }
}
