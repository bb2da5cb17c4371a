package org.grad4j.diff;

/**
 * The book's central difference with a fixed step, in the book's arithmetic:
 * <pre>{@code
 * D(h) = (f(x + h) - f(x - h)) / (2*h)        h = 1e-4 (numerical_diff, ch. 4.2)
 * }</pre>
 * Nothing is rescaled or corrected, so the value is bit for bit what the book's Python prints
 * (with f written in the same floating-point operations). With an explicit h this is the
 * literal formula the book uses to show rounding error (h = 1e-50 makes x + h == x).
 *
 * <p>Error estimate (costs two more evaluations of f, the value is not affected):
 * <pre>{@code
 * error = |D(h) - D(2h)| / 3                       truncation, D(h) - D(2h) ~ -3 c h^2
 *       + eps * max(|f(x+h)|, |f(x-h)|, |f(x)|) / h rounding of the f values
 *       + |D(h)| * |((x+h) - (x-h)) - 2h| / (2h)   the step x +- h is not exact in double
 * }</pre>
 * and {@code +Infinity} when the step is lost ({@code x + h == x} or {@code x - h == x}).
 */
final class BookDifference implements DifferenceScheme {
    /** The book's step, {@code h = 1e-4}. */
    static final double BOOK_STEP = 1e-4;

    private final double h;

    BookDifference(double h) {
        this.h = h;
    }

    @Override
    public void differentiate(Line line, double t, double[] f0, double[] derivative, double[] error,
                              Diagnostics diagnostics) {
        double[] fxh1 = line.at(t + h);
        double[] fxh2 = line.at(t - h);
        double[] fxh1Wide = line.at(t + 2 * h);
        double[] fxh2Wide = line.at(t - 2 * h);
        boolean lost = diagnostics.stepLost(t, h);
        boolean nonFinite = diagnostics.nonFinite(fxh1, " + h", t + h) | diagnostics.nonFinite(fxh2, " - h", t - h);
        if (!nonFinite) {
            diagnostics.difference("f(x+h) - f(x-h)", fxh1, fxh2, f0, t, h);
        }
        double actualStep = (t + h) - (t - h);
        for (int k = 0; k < f0.length; k++) {
            double d = (fxh1[k] - fxh2[k]) / (2 * h);
            double wide = (fxh1Wide[k] - fxh2Wide[k]) / (2 * (2 * h));
            derivative[k] = d;
            error[k] = lost ? Double.POSITIVE_INFINITY
                    : Math.abs(d - wide) / 3
                    + EPS * DifferenceScheme.maxAbs(k, fxh1, fxh2, f0) / h
                    + Math.abs(d) * Math.abs(actualStep - 2 * h) / (2 * h);
        }
    }
}
