package org.grad4j.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A table of smooth functions with their exact derivatives (by hand, from the usual rules) and
 * well-scaled points: away from singularities and from zeros of f', where relative accuracy is
 * meaningful. Shared by the accuracy tests and {@link AccuracyTable}.
 */
final class SmoothFunctions {
    /** One function at one point. */
    record Case(String name, DoubleUnaryOperator f, DoubleUnaryOperator exact, double x) {
        @Override
        public String toString() {
            return name + " at " + x;
        }
    }

    private SmoothFunctions() {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        add(cases, "exp(x)", Math::exp, Math::exp, -3, -1, 0, 0.5, 1, 2, 5, 10);
        add(cases, "sin(x)", Math::sin, Math::cos, -2, 0.3, 1, 2, 3, 10);
        add(cases, "cos(x)", Math::cos, x -> -Math.sin(x), -1, 0.3, 1, 2, 4);
        add(cases, "log(x)", Math::log, x -> 1 / x, 0.5, 1, 2, 10, 100);
        add(cases, "tanh(x)", Math::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x), -2, -0.5, 0.5, 1, 2);
        add(cases, "sqrt(x)", Math::sqrt, x -> 0.5 / Math.sqrt(x), 0.5, 1, 4, 100);
        add(cases, "x^3", x -> x * x * x, x -> 3 * x * x, -2, 0.5, 1, 3, 10);
        add(cases, "1/(1+x^2)", x -> 1 / (1 + x * x), x -> -2 * x / ((1 + x * x) * (1 + x * x)), -1, 0.5, 1, 2, 5);
        add(cases, "x/(1+x)", x -> x / (1 + x), x -> 1 / ((1 + x) * (1 + x)), 0, 0.5, 1, 3, 10);
        add(cases, "exp(sin(x))", x -> Math.exp(Math.sin(x)), x -> Math.cos(x) * Math.exp(Math.sin(x)), 0, 0.5, 1, 2);
        add(cases, "atan(x)", Math::atan, x -> 1 / (1 + x * x), -1, 0.5, 2);
        add(cases, "x^2.5", x -> Math.pow(x, 2.5), x -> 2.5 * Math.pow(x, 1.5), 0.5, 2, 9);
        add(cases, "sigmoid(x)", x -> 1 / (1 + Math.exp(-x)),
                x -> Math.exp(-x) / ((1 + Math.exp(-x)) * (1 + Math.exp(-x))), -2, 0, 1, 3);
        add(cases, "1/x", x -> 1 / x, x -> -1 / (x * x), 0.5, 2, 7);
        add(cases, "0.01x^2+0.1x", x -> 0.01 * (x * x) + 0.1 * x, x -> 0.02 * x + 0.1, 5, 10);
        return cases;
    }

    private static void add(List<Case> cases, String name, DoubleUnaryOperator f, DoubleUnaryOperator exact,
                            double... points) {
        for (double x : points) {
            cases.add(new Case(name, f, exact, x));
        }
    }
}
