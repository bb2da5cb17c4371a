package org.grad4j.diff;

/**
 * A vector-valued function of several variables, f: R^n -> R^m.
 *
 * <p>Implementations must not modify {@code x} and return a fresh array.
 */
@FunctionalInterface
public interface VectorFunction {
    /** Returns f(x) as a new array of length m; {@code x} is not modified. */
    double[] value(double[] x);
}
