package org.grad4j.diff;

/**
 * Central difference with the step that balances truncation against rounding:
 * <pre>{@code
 * D(h) = (f(x + h) - f(x - h)) / ((x + h) - (x - h))     h = cbrt(eps) * max(|x|, 1) ~ 6.1e-6 * max(|x|, 1)
 * }</pre>
 * The denominator is the step actually taken in double, so x +- h need not be exact.
 * Truncation is O(h^2) and rounding O(eps/h); together about 1e-10 relative.
 *
 * <p>Error estimate (costs two more evaluations of f):
 * <pre>{@code
 * error = |D(h) - D(2h)| / 3 + eps * max(|f(x+h)|, |f(x-h)|, |f(x)|) / h
 * }</pre>
 */
final class CentralDifference implements DifferenceScheme {
    /** cbrt(eps): the step that minimises c h^2 + eps/h up to a constant. */
    static final double STEP_SCALE = Math.cbrt(EPS);

    @Override
    public void differentiate(Line line, double t, double[] f0, double[] derivative, double[] error,
                              Diagnostics diagnostics) {
        double h = STEP_SCALE * Math.max(Math.abs(t), 1);
        double xPlus = t + h;
        double xMinus = t - h;
        double[] fPlus = line.at(xPlus);
        double[] fMinus = line.at(xMinus);
        double[] fPlusWide = line.at(t + 2 * h);
        double[] fMinusWide = line.at(t - 2 * h);
        boolean nonFinite = diagnostics.nonFinite(fPlus, " + h", xPlus) | diagnostics.nonFinite(fMinus, " - h", xMinus);
        if (!nonFinite) {
            diagnostics.difference("f(x+h) - f(x-h)", fPlus, fMinus, f0, t, h);
        }
        double step = xPlus - xMinus;
        double wideStep = (t + 2 * h) - (t - 2 * h);
        for (int k = 0; k < f0.length; k++) {
            double d = (fPlus[k] - fMinus[k]) / step;
            double wide = (fPlusWide[k] - fMinusWide[k]) / wideStep;
            derivative[k] = d;
            error[k] = Math.abs(d - wide) / 3 + EPS * DifferenceScheme.maxAbs(k, fPlus, fMinus, f0) / h;
        }
    }
}
