package org.grad4j.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * The Hessian of f: R^n -> R by second differences extrapolated to h = 0 (Ridders' method, see
 * {@link NevilleTableau}), entry by entry over the upper triangle, mirrored to the lower one.
 * <pre>{@code
 * off-diagonal, i != j (4-point formula):
 *   D_ij(h) = (f(x + h_i e_i + h_j e_j) - f(x + h_i e_i - h_j e_j)
 *            - f(x - h_i e_i + h_j e_j) + f(x - h_i e_i - h_j e_j)) / (4 h_i h_j)
 * diagonal (3-point formula):
 *   D_ii(h) = (f(x + h_i e_i) - 2 f(x) + f(x - h_i e_i)) / h_i^2
 * both = H_ij + c1 h^2 + c2 h^4 + ...,   h_i = STEP_SCALE * max(|x_i|, 1) / 2^s
 * }</pre>
 * The steps run down as in {@link Richardson}, every window of them extrapolated and kept only
 * where the differences converge ({@link StepScan}); an entry without a convergent window is
 * flagged unreliable with error +Infinity.
 * Steps are the ones actually taken in double ((x + h) - (x - h)), the diagonal uses the
 * 3-point formula for unequal sides. Each D carries the rounding bound
 * {@code eps * max|f| / (h_i h_j)} (twice that on the diagonal); the reported error is
 * {@link StepScan#SAFETY} times the tableau's error plus one ulp. Costs 4 evaluations of f per
 * step and entry, {@code n (n + 1) / 2} entries.
 *
 * <p>x is not modified: f is evaluated on a private copy.
 */
final class SecondDifference {
    static final double STEP_SCALE = 0.1;

    private final MultivariateFunction f;
    private final double[] x;
    private final double[] work;
    private final double[] h0;
    private final double f0;
    private final List<String> warnings = new ArrayList<>();
    private boolean reliable = true;

    private SecondDifference(MultivariateFunction f, double[] x) {
        this.f = f;
        this.x = x;
        this.work = x.clone();
        this.h0 = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            h0[i] = STEP_SCALE * Math.max(Math.abs(x[i]), 1);
        }
        this.f0 = f.value(work);
        if (!Double.isFinite(f0)) {
            warnings.add("f returned " + f0 + " at x: the Hessian cannot be trusted");
            reliable = false;
        }
    }

    /** The Hessian of f at x; x is not modified. */
    static Hessian compute(MultivariateFunction f, double[] x) {
        SecondDifference d = new SecondDifference(f, x);
        int n = x.length;
        double[][] hessian = new double[n][n];
        double[][] error = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                d.entry(i, j, hessian, error);
                hessian[j][i] = hessian[i][j];
                error[j][i] = error[i][j];
            }
        }
        return new Hessian(x.clone(), hessian, error, d.warnings,
                d.reliable && Finite.all(hessian) && Finite.all(error));
    }

    private void entry(int i, int j, double[][] hessian, double[][] error) {
        int steps = Math.min(steps(i), steps(j));
        StepScan scan = new StepScan(1, steps, 2);
        double[] estimate = new double[1];
        double[] rounding = new double[1];
        double shrink = 1;
        boolean nonFinite = false;
        for (int s = 0; s < steps; s++, shrink *= StepScan.CON) {
            boolean finite = i == j
                    ? diagonal(i, h0[i] / shrink, estimate, rounding)
                    : offDiagonal(i, j, h0[i] / shrink, h0[j] / shrink, estimate, rounding);
            if (!finite) {
                estimate[0] = Double.NaN;
                nonFinite = true;
            }
            scan.add(estimate, rounding);
            int end = scan.bestEnd(0);
            if (end >= 0 && s - end >= StepScan.WIDTH
                    && rounding[0] >= Richardson.ROUNDING_STOP * scan.error(0)) {
                break;
            }
        }
        if (!scan.found(0)) {
            hessian[i][j] = scan.anyValue(0);
            error[i][j] = Double.POSITIVE_INFINITY;
            reliable = false;
            warnings.add("H[" + i + "][" + j + "]: no step gives converging second differences"
                    + (nonFinite ? " (f is not finite near x)" : "")
                    + ": the entry cannot be trusted");
        } else {
            hessian[i][j] = scan.value(0);
            error[i][j] = scan.error(0);
        }
    }

    /** Steps from h0[i] down to {@link Richardson#minStep}, by {@link StepScan#CON}. */
    private int steps(int i) {
        double xi = x[i];
        double hMin = Richardson.minStep(xi);
        return Math.max(StepScan.WIDTH, (int) Math.ceil(Math.log(h0[i] / hMin) / Math.log(StepScan.CON)) + 1);
    }

    private boolean diagonal(int i, double h, double[] estimate, double[] rounding) {
        double xi = x[i];
        double plus = at(i, xi + h, i, xi + h);
        double minus = at(i, xi - h, i, xi - h);
        double hPlus = (xi + h) - xi;
        double hMinus = xi - (xi - h);
        // 3-point second difference on unequal sides; (fp - 2 f0 + fm) / h^2 when they are equal
        estimate[0] = 2 * (plus / (hPlus * (hPlus + hMinus)) - f0 / (hPlus * hMinus)
                + minus / (hMinus * (hPlus + hMinus)));
        double fMax = Math.max(Math.abs(f0), Math.max(Math.abs(plus), Math.abs(minus)));
        rounding[0] = 2 * DifferenceScheme.EPS * fMax / (h * h);
        return Double.isFinite(plus) && Double.isFinite(minus) && Double.isFinite(f0);
    }

    private boolean offDiagonal(int i, int j, double hi, double hj, double[] estimate, double[] rounding) {
        double xi = x[i];
        double xj = x[j];
        double pp = at(i, xi + hi, j, xj + hj);
        double pm = at(i, xi + hi, j, xj - hj);
        double mp = at(i, xi - hi, j, xj + hj);
        double mm = at(i, xi - hi, j, xj - hj);
        double stepI = (xi + hi) - (xi - hi);
        double stepJ = (xj + hj) - (xj - hj);
        estimate[0] = ((pp - pm) - (mp - mm)) / (stepI * stepJ);
        double fMax = Math.max(Math.max(Math.abs(pp), Math.abs(pm)), Math.max(Math.abs(mp), Math.abs(mm)));
        rounding[0] = DifferenceScheme.EPS * fMax / (hi * hj);
        return Double.isFinite(pp) && Double.isFinite(pm) && Double.isFinite(mp) && Double.isFinite(mm);
    }

    /** f with coordinates i and j set (i may equal j), evaluated on the private copy. */
    private double at(int i, double xi, int j, double xj) {
        work[i] = xi;
        work[j] = xj;
        double value = f.value(work);
        work[i] = x[i];
        work[j] = x[j];
        return value;
    }
}
