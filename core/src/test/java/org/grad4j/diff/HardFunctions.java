package org.grad4j.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.grad4j.expr.Expression;

/**
 * Hard cases for numerical derivatives, each with its exact derivative: poles near x, large x,
 * steep and oscillating functions, domain edges, flat regions, huge and tiny magnitudes, and
 * points where f has no derivative at all. Exact derivatives are closed forms by hand, or the
 * expression's reverse-mode gradient ({@link Expression#gradient}) for the cases written as text.
 * A case with {@code exact} NaN has no derivative: only {@code reliable = false} is acceptable.
 */
final class HardFunctions {
    /** One function at one point. */
    record Case(String name, DoubleUnaryOperator f, double x, double exact) {
        @Override
        public String toString() {
            return name + " at " + x;
        }
    }

    private HardFunctions() {
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // the examples
        add(c, "x^-3", x -> Math.pow(x, -3), x -> -3 * Math.pow(x, -4), 1e-3, -1e-3, 1e-50);
        add(c, "sin(x)", Math::sin, Math::cos, 1e6, 1e10, 1e15, -3e7);
        add(c, "atan(1000x)", x -> Math.atan(1000 * x), x -> 1000 / (1 + 1e6 * x * x), 0.001, 0, -0.0005);
        add(c, "1/(x-1)", x -> 1 / (x - 1), x -> -1 / ((x - 1) * (x - 1)), 1.001, 0.999999, 1 + 1e-9);
        add(c, "1/x", x -> 1 / x, x -> -1 / (x * x), 1e-150, -1e-150, 1e-300, 1e150, 1e-8);
        add(c, "log(x)", Math::log, x -> 1 / x, 1e-8, 1e-300, 1e300, 1e-3);
        add(c, "sqrt(x)", Math::sqrt, x -> 0.5 / Math.sqrt(x), 1e-10, 1e-200, 1e200);
        // no derivative: pole at the point, past the resolution of double, kinks, edges
        add(c, "tan(x)", Math::tan, x -> 1 / (Math.cos(x) * Math.cos(x)), Math.PI / 2);
        none(c, "1/x^2", x -> 1 / (x * x), 0);
        none(c, "|x|", Math::abs, 0);
        none(c, "sqrt(x)", Math::sqrt, 0);
        none(c, "log(x)", Math::log, 0);
        none(c, "sqrt(|x|)", x -> Math.sqrt(Math.abs(x)), 0);
        none(c, "floor(x)", Math::floor, 1);
        none(c, "log(x)", Math::log, -1);
        // steep, oscillating
        add(c, "tanh(1e4 x)", x -> Math.tanh(1e4 * x), x -> 1e4 * (1 - Math.tanh(1e4 * x) * Math.tanh(1e4 * x)),
                0, 1e-4, 3e-4);
        add(c, "sin(1/x)", x -> Math.sin(1 / x), x -> -Math.cos(1 / x) / (x * x), 0.01, 0.001);
        add(c, "sin(1e4 x)", x -> Math.sin(1e4 * x), x -> 1e4 * Math.cos(1e4 * x), 1, 0.3);
        add(c, "exp(100x)", x -> Math.exp(100 * x), x -> 100 * Math.exp(100 * x), 1, -3, 7);
        add(c, "x sin(1/x)", x -> x * Math.sin(1 / x), x -> Math.sin(1 / x) - Math.cos(1 / x) / x, 0.05);
        add(c, "cos(x^2)", x -> Math.cos(x * x), x -> -2 * x * Math.sin(x * x), 100, 1e3);
        // poles and edges near x
        add(c, "1/(1+x^2)", x -> 1 / (1 + x * x), x -> -2 * x / ((1 + x * x) * (1 + x * x)), 1e-200, 1e8);
        add(c, "tan(x)", Math::tan, x -> 1 / (Math.cos(x) * Math.cos(x)), 1.57, 1.5707963, -1.5707);
        add(c, "1/sin(x)", x -> 1 / Math.sin(x), x -> -Math.cos(x) / (Math.sin(x) * Math.sin(x)), 1e-5, 3.1415);
        add(c, "log(1-x)", x -> Math.log(1 - x), x -> -1 / (1 - x), 0.999999, 1 - 1e-12);
        add(c, "sqrt(1-x^2)", x -> Math.sqrt(1 - x * x), x -> -x / Math.sqrt(1 - x * x), 0.9999, 0.999999999);
        add(c, "acos(x)", Math::acos, x -> -1 / Math.sqrt(1 - x * x), 0.99999, -0.999999);
        add(c, "x log(x)", x -> x * Math.log(x), x -> Math.log(x) + 1, 1e-12, 1e-100);
        // large x
        add(c, "x^2", x -> x * x, x -> 2 * x, 1e13, 1e150, -1e100);
        add(c, "0.01x^2+0.1x", x -> 0.01 * (x * x) + 0.1 * x, x -> 0.02 * x + 0.1, 1e7, 1e13);
        add(c, "exp(x)", Math::exp, Math::exp, 700, -700, 1e-300);
        add(c, "log(log(x))", x -> Math.log(Math.log(x)), x -> 1 / (x * Math.log(x)), 1e100, 1 + 1e-6);
        add(c, "atan(x)", Math::atan, x -> 1 / (1 + x * x), 1e10, 1e-10);
        // flat regions, huge and tiny magnitudes
        add(c, "1e-300 x^2", x -> 1e-300 * x * x, x -> 2e-300 * x, 3, -0.5);
        add(c, "1e300 sin(x)", x -> 1e300 * Math.sin(x), x -> 1e300 * Math.cos(x), 1, 2);
        add(c, "exp(-x^2)", x -> Math.exp(-x * x), x -> -2 * x * Math.exp(-x * x), 5, 20);
        add(c, "x^10", x -> Math.pow(x, 10), x -> 10 * Math.pow(x, 9), 1e-3, 1e25);
        add(c, "cos(x)", Math::cos, x -> -Math.sin(x), 0, 1e-8);
        add(c, "1+1e-12 x", x -> 1 + 1e-12 * x, x -> 1e-12, 0.5);
        add(c, "x^3", x -> x * x * x, x -> 3 * x * x, 0, 1e-100);
        add(c, "exp(-1/x^2)", x -> Math.exp(-1 / (x * x)), x -> 2 * Math.exp(-1 / (x * x)) / (x * x * x), 0.1, 0.5);
        // written as text, exact derivative by reverse mode over the expression
        text(c, "x^-3 + 1/(x-2)", 1.999, 0.01);
        text(c, "sin(x)*exp(-x^2/1e6)", 1e3, 5e3);
        text(c, "log(x)^2", 1e-9, 1e9);
        text(c, "sqrt(x)*log(x)", 1e-6, 1e12);
        text(c, "1/(x^2 - 1e-20)", 1.0001e-10, 1e-9);
        text(c, "tanh(x/1e-6)", 1e-7, 2e-6);
        return c;
    }

    private static void add(List<Case> cases, String name, DoubleUnaryOperator f, DoubleUnaryOperator exact,
                            double... points) {
        for (double x : points) {
            cases.add(new Case(name, f, x, exact.applyAsDouble(x)));
        }
    }

    private static void none(List<Case> cases, String name, DoubleUnaryOperator f, double x) {
        cases.add(new Case(name, f, x, Double.NaN));
    }

    private static void text(List<Case> cases, String text, double... points) {
        Expression e = Expression.parse(text);
        for (double x : points) {
            cases.add(new Case(text, v -> e.value(v), x, e.gradient(x)[0]));
        }
    }
}
