package org.grad4j.diff;

/**
 * A sequence of difference quotients {@code D(h_i)}, {@code h_i = h_0 / CON^i}, of m components,
 * extrapolated to h = 0 over every window of {@link #WIDTH} consecutive steps, keeping per
 * component the window with the smallest error estimate among the <em>convergent</em> ones.
 * <pre>{@code
 * D(h) = D + c_1 h^p + c_2 h^(2p) + ...       p = 2 (central), 1 (one-sided)
 * window s..e valid  <=>  every D(h_s..h_e) finite and
 *   |D_{j+1} - D_j| <= Q_p * |D_j - D_{j-1}| + NOISE * (r_{j-1} + r_j + r_{j+1})   for s < j < e
 * }</pre>
 * In the asymptotic range (h small against the distance to the nearest singularity or the
 * length over which f changes) the differences shrink by {@code CON^-p} (0.25 or 0.5) per step,
 * until rounding ({@code r_j}, an absolute bound on the rounding of {@code D_j}) takes over. A
 * step too large for the function's scale does not behave so: across a pole {@code D(h) ~ 1/h^2}
 * grows, steps of many periods of an oscillation jump at random, a kink or a domain edge gives a
 * non-integer power. Such windows are rejected, whatever their tableau claims; that is what lets
 * the sequence start wide and scan down over many decades.
 *
 * <p>Each window is extrapolated by {@link NevilleTableau} (Ridders); its error is
 * {@code SAFETY * tableau error + ulp}, raised to the distance to the values of the adjacent
 * valid windows (a second opinion from a shifted set of steps).
 */
final class StepScan {
    /** Steps per window. */
    static final int WIDTH = 6;
    /** Shrink factor between steps, as numdifftools' step_ratio. */
    static final double CON = 2.0;
    /** Factor on the tableau's error estimate. */
    static final double SAFETY = 2.0;
    /** Rounding slack in the convergence test, on the sum of three adjacent rounding bounds. */
    static final double NOISE = 4.0;

    private final int m;
    private final int power;
    private final double q;
    private final double[][] d;     // [k][i]
    private final double[][] r;     // [k][i]
    private final double[][] value; // [k][e] result of the window ending at e
    private final double[][] error;
    private final boolean[][] valid;
    private final int[] best;       // [k] end of the best valid window, -1 if none
    private final int[] bestAny;    // [k] end of the finite window with the smallest error, valid or not
    private int n;

    /**
     * @param m        components
     * @param maxSteps most steps that will be added
     * @param power    p: 2 for central differences (series in h^2), 1 for one-sided ones
     */
    StepScan(int m, int maxSteps, int power) {
        this.m = m;
        this.power = power;
        this.q = power == 2 ? 0.5 : 0.7;
        d = new double[m][maxSteps];
        r = new double[m][maxSteps];
        value = new double[m][maxSteps];
        error = new double[m][maxSteps];
        valid = new boolean[m][maxSteps];
        best = new int[m];
        bestAny = new int[m];
        java.util.Arrays.fill(best, -1);
        java.util.Arrays.fill(bestAny, -1);
    }

    /** Adds {@code D(h_n)} with its rounding bounds (NaN where f was not finite) and scores the window ending here. */
    void add(double[] estimate, double[] rounding) {
        int e = n++;
        for (int k = 0; k < m; k++) {
            d[k][e] = estimate[k];
            r[k][e] = rounding[k];
            value[k][e] = Double.NaN;
            error[k][e] = Double.POSITIVE_INFINITY;
            if (e + 1 >= WIDTH) {
                window(k, e - WIDTH + 1, e);
            }
        }
    }

    private void window(int k, int s, int e) {
        double[] dk = d[k];
        double[] rk = r[k];
        for (int j = s; j <= e; j++) {
            if (!Double.isFinite(dk[j])) {
                return;
            }
        }
        boolean convergent = true;
        for (int j = s + 1; j < e && convergent; j++) {
            double before = Math.abs(dk[j] - dk[j - 1]);
            double after = Math.abs(dk[j + 1] - dk[j]);
            convergent = after <= q * before + NOISE * (rk[j - 1] + rk[j] + rk[j + 1]);
        }
        NevilleTableau tableau = new NevilleTableau(1, WIDTH, power == 2 ? CON : Math.sqrt(CON));
        double[] one = new double[1];
        double[] oneR = new double[1];
        for (int j = s; j <= e; j++) {
            one[0] = dk[j];
            oneR[0] = rk[j];
            if (!tableau.add(one, oneR)) {
                break;
            }
        }
        double v = tableau.value(0);
        double err = SAFETY * tableau.error(0) + Math.ulp(v);
        if (!Double.isFinite(v) || Double.isNaN(err)) {
            return;
        }
        value[k][e] = v;
        error[k][e] = err;
        valid[k][e] = convergent;
        if (bestAny[k] < 0 || err < error[k][bestAny[k]]) {
            bestAny[k] = e;
        }
        if (convergent && (best[k] < 0 || err < error[k][best[k]])) {
            best[k] = e;
        }
    }

    int steps() {
        return n;
    }

    /** True when component k has a convergent window. */
    boolean found(int k) {
        return best[k] >= 0;
    }

    /** Index of the last step of the best convergent window of k, -1 if none. */
    int bestEnd(int k) {
        return best[k];
    }

    /** True when the last {@link #WIDTH} values of component k are finite (the sequence could have converged). */
    boolean finiteTail(int k) {
        if (n < WIDTH) {
            return false;
        }
        for (int j = n - WIDTH; j < n; j++) {
            if (!Double.isFinite(d[k][j])) {
                return false;
            }
        }
        return true;
    }

    /** The rounding bound of D at step i. */
    double rounding(int k, int i) {
        return r[k][i];
    }

    /** The best convergent value of k (NaN if none). */
    double value(int k) {
        return best[k] < 0 ? Double.NaN : value[k][best[k]];
    }

    /**
     * The error of {@link #value(int)}: its window's, raised to the distance to the values of the
     * adjacent convergent windows. +Infinity if none.
     */
    double error(int k) {
        int e = best[k];
        if (e < 0) {
            return Double.POSITIVE_INFINITY;
        }
        double v = value[k][e];
        double err = error[k][e];
        if (e - 1 >= 0 && valid[k][e - 1]) {
            err = Math.max(err, Math.abs(v - value[k][e - 1]));
        }
        if (e + 1 < n && valid[k][e + 1]) {
            err = Math.max(err, Math.abs(v - value[k][e + 1]));
        }
        return err;
    }

    /** The value of the finite window with the smallest error, convergent or not (NaN if none): a last resort. */
    double anyValue(int k) {
        return bestAny[k] < 0 ? Double.NaN : value[k][bestAny[k]];
    }
}
