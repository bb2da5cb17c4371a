package org.grad4j.optim;

/** A real function of several variables that also gives its gradient, f: R^n -> R. */
@FunctionalInterface
public interface DifferentiableFunction {

    /**
     * Returns f(x) and writes the gradient at x into {@code grad} (length n). {@code x} is not modified.
     */
    double valueAndGradient(double[] x, double[] grad);
}
