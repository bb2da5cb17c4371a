package org.grad4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.grad4j.diff.Gradient;
import org.grad4j.diff.Method;
import org.grad4j.diff.Numerical;
import org.grad4j.expr.Expression;
import org.grad4j.optim.GradientProvider;

/**
 * The gradient used by descent on a typed function: {@code exact} (reverse mode over the
 * expression), {@code book} (the book's central difference, h = 1e-4) or {@code richardson}.
 * Warnings from numerical gradients (a step lost to rounding, ...) are collected, the first of
 * each kind with the step at which it appeared.
 */
final class GradientChoice implements GradientProvider {
    static final String NAMES = "exact, book, central, richardson";

    private final Expression f;
    private final Method method; // null for exact
    private final Set<String> kinds = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private int calls;

    GradientChoice(Expression f, String name) {
        this.f = f;
        if (name.equals("exact")) {
            this.method = null;
        } else {
            try {
                this.method = Method.parse(name);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--gradient: unknown gradient '" + name + "' (expected " + NAMES + ")");
            }
            if (method == Method.FORWARD) {
                throw new BadInputException("--gradient: unknown gradient '" + name + "' (expected " + NAMES + ")");
            }
        }
    }

    String id() {
        return method == null ? "exact" : method.id();
    }

    @Override
    public void gradient(double[] x, double[] out) {
        int step = calls++;
        if (method == null) {
            f.gradient(x, out);
            return;
        }
        Gradient g = Numerical.gradient(f.function(), x, method);
        System.arraycopy(g.gradient(), 0, out, 0, out.length);
        for (String w : g.warnings()) {
            String kind = w.replaceAll("[-+]?\\d[\\d.eE+-]*", "#");
            if (kinds.add(kind)) {
                warnings.add("step " + step + ": " + w);
            }
        }
    }

    /** The warnings collected, at most one per kind. */
    List<String> warnings() {
        return warnings;
    }
}
