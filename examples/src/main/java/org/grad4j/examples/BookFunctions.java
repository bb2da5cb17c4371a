package org.grad4j.examples;

import org.grad4j.diff.Method;
import org.grad4j.diff.Numerical;
import org.grad4j.diff.MultivariateFunction;
import org.grad4j.optim.GradientProvider;

/** The functions of the book's chapter 4, written with the same floating-point operations as its Python. */
public final class BookFunctions {
    private BookFunctions() {}

    /** {@code function_1(x) = 0.01*x**2 + 0.1*x}; {@code x**2} is {@code x*x}, evaluated first as in Python. */
    public static double function1(double x) {
        return 0.01 * (x * x) + 0.1 * x;
    }

    /** {@code function_2(x) = x[0]**2 + x[1]**2}. */
    public static double function2(double[] x) {
        return x[0] * x[0] + x[1] * x[1];
    }

    /** The book's {@code numerical_gradient} (central difference, h = 1e-4) as a gradient provider. */
    public static GradientProvider bookGradient(MultivariateFunction f) {
        return (x, out) -> System.arraycopy(Numerical.gradient(f, x, Method.BOOK).gradient(), 0, out, 0, out.length);
    }
}
