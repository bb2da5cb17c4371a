package org.grad4j.optim;

/**
 * A gradient, exact or numerical, for a function given separately: the caller plugs in the book's
 * central differences, an error-controlled numerical gradient or an exact one.
 */
@FunctionalInterface
public interface GradientProvider {

    /** Writes the gradient at {@code x} into {@code out} (same length); {@code x} is not modified. */
    void gradient(double[] x, double[] out);
}
