package org.grad4j.regress;

/**
 * Points (x_i, y_i) for fitting a line. The arrays are copied on construction and on access.
 */
public record LineData(double[] x, double[] y) {

    public LineData {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("no data points");
        }
        x = x.clone();
        y = y.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    /** The number of points. */
    public int size() {
        return x.length;
    }

    /** Mean squared error of the line y = w x + b: {@code (1/N) sum (y_i - (w x_i + b))^2}. */
    public double mse(double b, double w) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - (w * x[i] + b);
            s += r * r;
        }
        return s / x.length;
    }

    /**
     * Writes the gradient of {@link #mse} with respect to (b, w) into {@code grad[0..1]} in one pass and
     * returns the mse:
     * <pre>{@code
     * dE/db = -2/N sum (y_i - (w x_i + b))
     * dE/dw = -2/N sum x_i (y_i - (w x_i + b))
     * }</pre>
     */
    public double mseGradient(double b, double w, double[] grad) {
        double sr = 0;
        double sxr = 0;
        double s2 = 0;
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - (w * x[i] + b);
            sr += r;
            sxr += x[i] * r;
            s2 += r * r;
        }
        double n = x.length;
        grad[0] = -2 / n * sr;
        grad[1] = -2 / n * sxr;
        return s2 / n;
    }
}
