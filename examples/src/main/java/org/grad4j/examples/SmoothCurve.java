package org.grad4j.examples;

/**
 * The book's {@code smooth_curve} ({@code common/util.py}), used to draw loss curves: a weighted moving
 * average with an 11-point Kaiser window (beta 2), the series extended by reflection at both ends:
 *
 * <pre>{@code
 * s = np.r_[x[window_len-1:0:-1], x, x[-1:-window_len:-1]]   # x[10..1], x, x[n-1..n-10]
 * w = np.kaiser(11, 2)
 * y = np.convolve(w / w.sum(), s, mode='valid')[5:-5]
 * }</pre>
 *
 * so {@code y[i] = sum_k w_k s[i + 5 + k] / sum w}, centred on {@code x[i]}. As in the book, the reflection
 * at the start leaves out {@code x[0]} and the one at the end repeats {@code x[n-1]}. Kaiser window:
 * {@code w_k = I0(beta sqrt(1 - (2k/(M-1) - 1)^2)) / I0(beta)}, NumPy's {@code np.kaiser}.
 */
public final class SmoothCurve {

    /** The book's window length. */
    public static final int WINDOW = 11;

    /** The book's Kaiser shape parameter. */
    public static final double BETA = 2;

    private SmoothCurve() {}

    /**
     * The smoothed series, as long as {@code x} (not modified). With fewer than {@link #WINDOW} values,
     * where the book's slicing breaks down, a copy of {@code x} is returned.
     */
    public static double[] of(double[] x) {
        int n = x.length;
        int m = WINDOW;
        if (n < m) {
            return x.clone();
        }
        double[] s = new double[n + 2 * (m - 1)];
        for (int j = 0; j < m - 1; j++) {
            s[j] = x[m - 1 - j];             // x[10], x[9], ..., x[1]
            s[n + m - 1 + j] = x[n - 1 - j]; // x[n-1], x[n-2], ..., x[n-10]
        }
        System.arraycopy(x, 0, s, m - 1, n);
        double[] w = kaiser(m, BETA);
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        for (int k = 0; k < m; k++) {
            w[k] /= sum;
        }
        double[] y = new double[n];
        int half = m / 2;
        for (int i = 0; i < n; i++) {
            double acc = 0;
            for (int k = 0; k < m; k++) {
                acc += w[k] * s[i + half + k];
            }
            y[i] = acc;
        }
        return y;
    }

    /** NumPy's {@code np.kaiser(m, beta)}. */
    public static double[] kaiser(int m, double beta) {
        if (m < 1) {
            throw new IllegalArgumentException("Invalid window length: " + m);
        }
        if (m == 1) {
            return new double[] {1};
        }
        double[] w = new double[m];
        double i0Beta = besselI0(beta);
        for (int k = 0; k < m; k++) {
            double r = 2.0 * k / (m - 1) - 1;
            w[k] = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
        }
        return w;
    }

    /** The modified Bessel function I0 by its power series {@code sum ((x/2)^k / k!)^2} (for moderate |x|). */
    static double besselI0(double x) {
        double q = x * x / 4;
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 500 && term > 1e-17 * sum; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }
}
