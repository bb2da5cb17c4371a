package org.grad4j.diff;

/**
 * A real function of several variables, f: R^n -> R.
 *
 * <p>Implementations must not modify {@code x}.
 */
@FunctionalInterface
public interface MultivariateFunction {
    /** Returns f(x); {@code x} is not modified. */
    double value(double[] x);
}
