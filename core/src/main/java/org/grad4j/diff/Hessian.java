package org.grad4j.diff;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A numerical Hessian of f: R^n -> R, {@code hessian[i][j] = d^2 f / dx_i dx_j}, symmetric by
 * construction (the upper triangle is computed and mirrored).
 *
 * <p>The arrays are held as given (not copied); {@link Numerical} always passes fresh arrays.
 *
 * @param x        the point, length n
 * @param hessian  the estimate, n x n
 * @param error    estimates of {@code |hessian[i][j] - d^2 f / dx_i dx_j|}, n x n
 * @param warnings rounding diagnostics, each prefixed with its entry; empty when none
 * @param reliable false when some entry cannot be trusted (f not finite at x, an entry or its
 *                 error not finite, or no convergent step sequence); the warnings say which
 */
public record Hessian(double[] x, double[][] hessian, double[][] error, List<String> warnings, boolean reliable) {
    public Hessian {
        if (hessian.length != x.length || error.length != x.length) {
            throw new IllegalArgumentException("Hessian: expected " + x.length + " rows, got hessian "
                    + hessian.length + ", error " + error.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (hessian[i].length != x.length || error[i].length != x.length) {
                throw new IllegalArgumentException("Hessian: row " + i + " has " + hessian[i].length
                        + " entries and " + error[i].length + " errors, expected " + x.length);
            }
        }
        warnings = List.copyOf(warnings);
    }

    /** A Hessian that is reliable when all its entries and errors are finite. */
    public Hessian(double[] x, double[][] hessian, double[][] error, List<String> warnings) {
        this(x, hessian, error, warnings, Finite.all(hessian) && Finite.all(error));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hessian h && Arrays.equals(x, h.x) && Arrays.deepEquals(hessian, h.hessian)
                && Arrays.deepEquals(error, h.error) && warnings.equals(h.warnings) && reliable == h.reliable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(x), Arrays.deepHashCode(hessian), Arrays.deepHashCode(error), warnings);
    }

    @Override
    public String toString() {
        return "Hessian[x=" + Arrays.toString(x) + ", hessian=" + Arrays.deepToString(hessian)
                + ", error=" + Arrays.deepToString(error) + ", warnings=" + warnings + ", reliable=" + reliable + "]";
    }
}
