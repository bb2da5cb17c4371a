package org.grad4j.diff;

/**
 * Difference quotients over a long decreasing sequence of steps, extrapolated to h = 0 on every
 * window of steps (Ridders' method, see {@link NevilleTableau}) and kept only where they converge
 * (see {@link StepScan}):
 * <pre>{@code
 * central   C(h) = (f(x + h) - f(x - h)) / ((x + h) - (x - h))  = f'(x) + c1 h^2 + c2 h^4 + ...
 * forward   F(h) = (f(x + h) - f(x)) / ((x + h) - x)            = f'(x) + c1 h + c2 h^2 + ...
 * backward  B(h) = (f(x) - f(x - h)) / (x - (x - h))
 * h_i = h_0 / 2^i,   h_0 = STEP_SCALE * max(|x|, ln(e + |x|)),   h_i >= h_min
 * h_min = max(64 ulp(x), MIN_NORMAL)
 * }</pre>
 * The base step {@code STEP_SCALE * ln(e + |x|)} is numdifftools'; the sequence starts wider
 * when |x| is larger, because f may be a polynomial whose rounding needs a wide step (x^2 at
 * 1e13), and runs down over as many decades as it takes to find convergent windows: inside a
 * nearby pole (1/x at 1e-150, 1/(x - 1) at 1.001), under an oscillation's period (sin x at 1e6),
 * under the scale of a steep f (atan(1000 x) at 0.001). It stops once the rounding bound of the
 * differences exceeds ten times the best error found, or {@link #PLATEAU} steps after the best. One-sided quotients are scored beside the
 * central ones: where f is not finite on one side (log x at 1e-8 for h > 1e-8) they carry the
 * estimate; where both sides converge they must agree with the central one, otherwise f has a kink
 * or an edge at x.
 *
 * <p>Each D carries the rounding bound {@code eps * max|f| / h} (central) or
 * {@code 2 eps * max|f| / h} (one-sided). The result is the convergent window with the smallest
 * error estimate; when there is none, or the sides disagree, the estimate is the best available,
 * the error +Infinity, and a warning says that the derivative cannot be trusted
 * ({@link Diagnostics#unreliable}).
 */
final class Richardson implements DifferenceScheme {
    /** h_0 relative to max(|x|, ln(e + |x|)). */
    static final double STEP_SCALE = 0.02;
    /** Stop once the rounding of D exceeds this factor times the best error. */
    static final double ROUNDING_STOP = 10;
    /**
     * Or stop this many steps (a factor 2^24 in h) after the best window without finding a better
     * one: where f(x +- h) ~ h (f(0) = 0) the rounding bound stays level and never stops the scan.
     */
    static final int PLATEAU = 4 * StepScan.WIDTH;
    /** One-sided and central estimates agree when within this factor of their summed errors. */
    static final double AGREEMENT = 2;

    @Override
    public void differentiate(Line line, double t, double[] f0, double[] derivative, double[] error,
                              Diagnostics diagnostics) {
        int m = f0.length;
        double h0 = STEP_SCALE * Math.max(Math.abs(t), Math.log(Math.E + Math.abs(t)));
        double hMin = minStep(t);
        int maxSteps = (int) Math.ceil(Math.log(h0 / hMin) / Math.log(StepScan.CON)) + StepScan.WIDTH + 1;
        StepScan central = new StepScan(m, maxSteps, 2);
        StepScan forward = new StepScan(m, maxSteps, 1);
        StepScan backward = new StepScan(m, maxSteps, 1);
        double[] c = new double[m];
        double[] cr = new double[m];
        double[] fw = new double[m];
        double[] fr = new double[m];
        double[] bw = new double[m];
        double[] br = new double[m];
        double firstNonFiniteSide = Double.NaN;
        double h = h0;
        for (int i = 0; i < maxSteps; i++, h /= StepScan.CON) {
            double xPlus = t + h;
            double xMinus = t - h;
            double[] fPlus = line.at(xPlus);
            double[] fMinus = line.at(xMinus);
            double step = xPlus - xMinus;
            double up = xPlus - t;
            double down = t - xMinus;
            for (int k = 0; k < m; k++) {
                boolean plusOk = Double.isFinite(fPlus[k]);
                boolean minusOk = Double.isFinite(fMinus[k]);
                boolean zeroOk = Double.isFinite(f0[k]);
                if ((plusOk != minusOk) && Double.isNaN(firstNonFiniteSide)) {
                    firstNonFiniteSide = plusOk ? xMinus : xPlus;
                }
                c[k] = plusOk && minusOk ? (fPlus[k] - fMinus[k]) / step : Double.NaN;
                fw[k] = plusOk && zeroOk ? (fPlus[k] - f0[k]) / up : Double.NaN;
                bw[k] = minusOk && zeroOk ? (f0[k] - fMinus[k]) / down : Double.NaN;
                // f is evaluated at a point known to relative eps: its rounding is ~ eps (|f| + |x f'|)
                double slope = !Double.isNaN(c[k]) ? c[k] : !Double.isNaN(fw[k]) ? fw[k] : Double.isNaN(bw[k]) ? 0 : bw[k];
                double scale = Math.abs(t) * Math.abs(slope);
                cr[k] = EPS * (Math.max(Math.abs(fPlus[k]), Math.abs(fMinus[k])) + scale) / h;
                fr[k] = 2 * EPS * (Math.max(Math.abs(fPlus[k]), Math.abs(f0[k])) + scale) / h;
                br[k] = 2 * EPS * (Math.max(Math.abs(fMinus[k]), Math.abs(f0[k])) + scale) / h;
            }
            central.add(c, cr);
            forward.add(fw, fr);
            backward.add(bw, br);
            if (h / StepScan.CON < hMin || done(i, central, forward, backward, m)) {
                break;
            }
        }
        for (int k = 0; k < m; k++) {
            String name = m == 1 ? "f" : "f[" + k + "]";
            StepScan chosen = central;
            for (StepScan s : new StepScan[] {forward, backward}) {
                if (s.found(k) && (!chosen.found(k) || s.error(k) < chosen.error(k))) {
                    chosen = s;
                }
            }
            if (!chosen.found(k)) {
                double v = central.anyValue(k);
                derivative[k] = Double.isNaN(v) ? (Double.isNaN(forward.anyValue(k)) ? backward.anyValue(k)
                        : forward.anyValue(k)) : v;
                error[k] = Double.POSITIVE_INFINITY;
                diagnostics.unreliable(name + ": no step from h=" + h0 + " down to h=" + hMin
                        + " gives converging differences (a pole, kink, edge or oscillation near " + diagnostics.x()
                        + ", or f too noisy): the derivative cannot be trusted");
                continue;
            }
            derivative[k] = chosen.value(k);
            error[k] = Double.isFinite(f0[k]) ? chosen.error(k) : Double.POSITIVE_INFINITY;
            String disagreement = disagreement(k, central, forward, backward);
            if (disagreement == null) {
                for (StepScan s : new StepScan[] {forward, backward}) {
                    if (s.finiteTail(k) && !s.found(k)) {
                        disagreement = (s == forward ? "forward" : "backward") + " differences do not converge";
                    }
                }
            }
            if (disagreement != null) {
                error[k] = Double.POSITIVE_INFINITY;
                diagnostics.unreliable(name + ": " + disagreement + ": f is not differentiable at "
                        + diagnostics.x() + " (kink or edge), or it varies faster than the steps resolve;"
                        + " the derivative cannot be trusted");
            } else if (chosen != central && !central.found(k)) {
                diagnostics.add(name + ": central differences do not converge"
                        + (Double.isNaN(firstNonFiniteSide) ? "" : " (f is not finite at " + firstNonFiniteSide + ")")
                        + "; " + (chosen == forward ? "forward" : "backward") + " differences used");
            }
        }
    }

    /**
     * The smallest step tried at t: 64 ulps of t (the quotients use the steps actually taken); not
     * below the smallest normal double.
     */
    static double minStep(double t) {
        return Math.max(64 * Math.ulp(t), Double.MIN_NORMAL);
    }

    /** True when every component has a convergent window and the rounding now exceeds its error. */
    private static boolean done(int i, StepScan central, StepScan forward, StepScan backward, int m) {
        for (int k = 0; k < m; k++) {
            double best = Double.POSITIVE_INFINITY;
            int end = -1;
            double rounding = Double.POSITIVE_INFINITY;
            for (StepScan s : new StepScan[] {central, forward, backward}) {
                if (s.found(k) && s.error(k) < best) {
                    best = s.error(k);
                    end = s.bestEnd(k);
                }
                rounding = Math.min(rounding, s.rounding(k, i));
            }
            boolean past = i - end >= StepScan.WIDTH && rounding >= ROUNDING_STOP * best;
            if (end < 0 || !(past || i - end >= PLATEAU)) {
                return false;
            }
        }
        return true;
    }

    /** A message when two of the convergent estimates of component k disagree beyond their errors, else null. */
    private static String disagreement(int k, StepScan central, StepScan forward, StepScan backward) {
        StepScan[] all = {central, forward, backward};
        String[] names = {"central", "forward", "backward"};
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                if (all[a].found(k) && all[b].found(k)) {
                    double va = all[a].value(k);
                    double vb = all[b].value(k);
                    if (Math.abs(va - vb) > AGREEMENT * (all[a].error(k) + all[b].error(k))) {
                        return names[a] + " estimate " + va + " and " + names[b] + " estimate " + vb + " disagree";
                    }
                }
            }
        }
        return null;
    }
}
