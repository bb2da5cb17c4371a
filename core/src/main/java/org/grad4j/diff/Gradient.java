package org.grad4j.diff;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A numerical gradient of f: R^n -> R, {@code gradient[i] = df/dx_i}.
 *
 * <p>The arrays are held as given (not copied); {@link Numerical} always passes fresh arrays.
 * {@code equals}, {@code hashCode} and {@code toString} compare and show array contents.
 *
 * @param x        the point, length n
 * @param gradient the estimate, length n
 * @param error    per-coordinate estimates of {@code |gradient[i] - df/dx_i|}, length n
 * @param method   the method used
 * @param warnings rounding diagnostics, each prefixed with its coordinate; empty when none
 * @param reliable false when some entry cannot be trusted (f not finite at x, an entry or its
 *                 error not finite, or no convergent step sequence); the warnings say which
 */
public record Gradient(double[] x, double[] gradient, double[] error, Method method, List<String> warnings,
                       boolean reliable) {
    public Gradient {
        Objects.requireNonNull(method, "method");
        if (gradient.length != x.length || error.length != x.length) {
            throw new IllegalArgumentException("Gradient: lengths differ: x " + x.length
                    + ", gradient " + gradient.length + ", error " + error.length);
        }
        warnings = List.copyOf(warnings);
    }

    /** A gradient that is reliable when all its entries and errors are finite. */
    public Gradient(double[] x, double[] gradient, double[] error, Method method, List<String> warnings) {
        this(x, gradient, error, method, warnings, Finite.all(gradient) && Finite.all(error));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gradient g && Arrays.equals(x, g.x) && Arrays.equals(gradient, g.gradient)
                && Arrays.equals(error, g.error) && method == g.method && warnings.equals(g.warnings)
                && reliable == g.reliable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(x), Arrays.hashCode(gradient), Arrays.hashCode(error), method, warnings);
    }

    @Override
    public String toString() {
        return "Gradient[x=" + Arrays.toString(x) + ", gradient=" + Arrays.toString(gradient)
                + ", error=" + Arrays.toString(error) + ", method=" + method.id() + ", warnings=" + warnings + ", reliable=" + reliable + "]";
    }
}
