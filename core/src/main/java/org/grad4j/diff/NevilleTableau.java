package org.grad4j.diff;

import java.util.Arrays;

/**
 * Ridders' extrapolation of an estimate {@code D(h) = D + c1 h^2 + c2 h^4 + ...} to h = 0 over the
 * steps {@code h_i = h_0 / con^i}, for m components at once (Ridders 1982; Press et al.,
 * <i>Numerical Recipes</i>, 3rd ed., {@code dfridr}, section 5.7).
 * <pre>{@code
 * a[0][i] = D(h_i)
 * a[j][i] = (a[j-1][i] * con^(2j) - a[j-1][i-1]) / (con^(2j) - 1)       Neville / Richardson
 * err[j][i] = max(|a[j][i] - a[j-1][i]|, |a[j][i] - a[j-1][i-1]|, r[j][i])
 * }</pre>
 * where {@code r[j][i]} carries the rounding bound of the inputs through the same combination
 * (|coefficients| summed), so that a tableau of smooth data cannot claim more accuracy than its
 * rounding allows. The entry with the smallest error wins; a component stops when the diagonal
 * grows by {@link #SAFE} times the best error (higher order no longer helps).
 *
 * <p>Arrays passed to {@link #add} are not modified or kept.
 */
final class NevilleTableau {
    /** Stop when the latest diagonal entry moves by this factor times the best error (dfridr's SAFE). */
    static final double SAFE = 2.0;

    private final int m;
    private final double ratio;
    private double[][] previous;
    private double[][] current;
    private double[][] previousRounding;
    private double[][] currentRounding;
    private final double[] best;
    private final double[] error;
    private final boolean[] done;
    private int steps;

    /**
     * @param m        number of components
     * @param maxSteps most steps that will be added
     * @param con      the step shrink factor h_{i-1}/h_i
     */
    NevilleTableau(int m, int maxSteps, double con) {
        this.m = m;
        this.ratio = con * con;
        previous = new double[m][maxSteps];
        current = new double[m][maxSteps];
        previousRounding = new double[m][maxSteps];
        currentRounding = new double[m][maxSteps];
        best = new double[m];
        error = new double[m];
        done = new boolean[m];
        Arrays.fill(error, Double.POSITIVE_INFINITY);
    }

    /**
     * Adds the estimates {@code D(h_i)} of the next step with absolute rounding bounds.
     *
     * @return true while some component may still improve
     */
    boolean add(double[] estimate, double[] rounding) {
        boolean open = false;
        for (int k = 0; k < m; k++) {
            if (done[k]) {
                continue;
            }
            double[] a = current[k];
            double[] r = currentRounding[k];
            double[] aOld = previous[k];
            double[] rOld = previousRounding[k];
            a[0] = estimate[k];
            r[0] = rounding[k];
            if (steps == 0) {
                best[k] = a[0];
            }
            double fac = ratio;
            for (int j = 1; j <= steps; j++) {
                a[j] = (a[j - 1] * fac - aOld[j - 1]) / (fac - 1);
                r[j] = (r[j - 1] * fac + rOld[j - 1]) / (fac - 1);
                fac *= ratio;
                double e = Math.max(Math.max(Math.abs(a[j] - a[j - 1]), Math.abs(a[j] - aOld[j - 1])), r[j]);
                if (e <= error[k]) {
                    error[k] = e;
                    best[k] = a[j];
                }
            }
            if (steps > 0 && Math.abs(a[steps] - aOld[steps - 1]) >= SAFE * error[k]) {
                done[k] = true;
            }
            open |= !done[k];
        }
        double[][] swap = previous;
        previous = current;
        current = swap;
        swap = previousRounding;
        previousRounding = currentRounding;
        currentRounding = swap;
        steps++;
        return open;
    }

    int steps() {
        return steps;
    }

    /** The best extrapolated value of component k so far. */
    double value(int k) {
        return best[k];
    }

    /** The error estimate of {@link #value(int)}; +Infinity before two steps. */
    double error(int k) {
        return error[k];
    }
}
