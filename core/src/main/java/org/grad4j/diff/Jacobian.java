package org.grad4j.diff;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A numerical Jacobian of f: R^n -> R^m, {@code jacobian[k][i] = df_k/dx_i} (m rows, n columns).
 *
 * <p>The arrays are held as given (not copied); {@link Numerical} always passes fresh arrays.
 * {@code equals}, {@code hashCode} and {@code toString} compare and show array contents.
 *
 * @param x        the point, length n
 * @param jacobian the estimate, m x n
 * @param error    estimates of {@code |jacobian[k][i] - df_k/dx_i|}, m x n
 * @param method   the method used
 * @param warnings rounding diagnostics, each prefixed with its coordinate; empty when none
 * @param reliable false when some entry cannot be trusted (f not finite at x, an entry or its
 *                 error not finite, or no convergent step sequence); the warnings say which
 */
public record Jacobian(double[] x, double[][] jacobian, double[][] error, Method method, List<String> warnings,
                       boolean reliable) {
    public Jacobian {
        Objects.requireNonNull(method, "method");
        if (error.length != jacobian.length) {
            throw new IllegalArgumentException("Jacobian: row counts differ: jacobian " + jacobian.length
                    + ", error " + error.length);
        }
        for (int k = 0; k < jacobian.length; k++) {
            if (jacobian[k].length != x.length || error[k].length != x.length) {
                throw new IllegalArgumentException("Jacobian: row " + k + " has " + jacobian[k].length
                        + " entries and " + error[k].length + " errors, expected " + x.length);
            }
        }
        warnings = List.copyOf(warnings);
    }

    /** A Jacobian that is reliable when all its entries and errors are finite. */
    public Jacobian(double[] x, double[][] jacobian, double[][] error, Method method, List<String> warnings) {
        this(x, jacobian, error, method, warnings, Finite.all(jacobian) && Finite.all(error));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Jacobian j && Arrays.equals(x, j.x) && Arrays.deepEquals(jacobian, j.jacobian)
                && Arrays.deepEquals(error, j.error) && method == j.method && warnings.equals(j.warnings) && reliable == j.reliable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(x), Arrays.deepHashCode(jacobian), Arrays.deepHashCode(error),
                method, warnings);
    }

    @Override
    public String toString() {
        return "Jacobian[x=" + Arrays.toString(x) + ", jacobian=" + Arrays.deepToString(jacobian)
                + ", error=" + Arrays.deepToString(error) + ", method=" + method.id() + ", warnings=" + warnings + ", reliable=" + reliable + "]";
    }
}
