package org.grad4j.diff;

/**
 * Forward difference, one evaluation of f per coordinate beyond f(x):
 * <pre>{@code
 * D(h) = (f(x + h) - f(x)) / ((x + h) - x)     h = sqrt(eps) * max(|x|, 1) ~ 1.5e-8 * max(|x|, 1)
 * }</pre>
 * Truncation is O(h) and rounding O(eps/h); together about 1e-8 relative.
 *
 * <p>Error estimate (costs one more evaluation of f):
 * <pre>{@code
 * error = |D(h) - D(2h)| + eps * max(|f(x+h)|, |f(x)|) / h      D(h) - D(2h) ~ -c h
 * }</pre>
 */
final class ForwardDifference implements DifferenceScheme {
    /** sqrt(eps): the step that minimises c h + eps/h up to a constant. */
    static final double STEP_SCALE = Math.sqrt(EPS);

    @Override
    public void differentiate(Line line, double t, double[] f0, double[] derivative, double[] error,
                              Diagnostics diagnostics) {
        double h = STEP_SCALE * Math.max(Math.abs(t), 1);
        double xPlus = t + h;
        double[] fPlus = line.at(xPlus);
        double[] fPlusWide = line.at(t + 2 * h);
        if (!diagnostics.nonFinite(fPlus, " + h", xPlus)) {
            diagnostics.difference("f(x+h) - f(x)", fPlus, f0, f0, t, h);
        }
        double step = xPlus - t;
        double wideStep = (t + 2 * h) - t;
        for (int k = 0; k < f0.length; k++) {
            double d = (fPlus[k] - f0[k]) / step;
            double wide = (fPlusWide[k] - f0[k]) / wideStep;
            derivative[k] = d;
            error[k] = Math.abs(d - wide) + EPS * DifferenceScheme.maxAbs(k, fPlus, f0) / h;
        }
    }
}
