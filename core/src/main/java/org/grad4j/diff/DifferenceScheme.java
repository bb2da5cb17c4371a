package org.grad4j.diff;

/**
 * One way of approximating the derivative of a {@link Line} at a point: the maths behind one
 * {@link Method}. Implementations are stateless and thread-safe.
 */
interface DifferenceScheme {
    /** Machine epsilon of double, 2^-52. */
    double EPS = Math.ulp(1.0);

    /**
     * Estimates the derivatives of the m outputs of {@code line} at {@code t}.
     *
     * @param line        f along one coordinate
     * @param t           the coordinate's value at the point
     * @param f0          {@code line.at(t)}, evaluated once by the caller (not modified)
     * @param derivative  output: the m estimates
     * @param error       output: the m error estimates
     * @param diagnostics collects warnings about rounding and non-finite values
     */
    void differentiate(Line line, double t, double[] f0, double[] derivative, double[] error,
                       Diagnostics diagnostics);

    /** The largest |value| over the components {@code k} of the given arrays. */
    static double maxAbs(int k, double[]... values) {
        double max = 0;
        for (double[] v : values) {
            max = Math.max(max, Math.abs(v[k]));
        }
        return max;
    }
}
