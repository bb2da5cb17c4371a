package org.grad4j.regress;

/**
 * The exact least-squares line, in closed form:
 *
 * <pre>{@code
 * w = sum (x_i - mx)(y_i - my) / sum (x_i - mx)^2,   b = my - w mx
 * }</pre>
 *
 * (centred sums, which are better conditioned than the normal equations with raw sums).
 */
public final class LeastSquares {

    private LeastSquares() {
    }

    /** The line minimising the mean squared error; throws if all x are equal. */
    public static Line fit(LineData data) {
        double[] x = data.x();
        double[] y = data.y();
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            sxy += dx * (y[i] - my);
            sxx += dx * dx;
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("least squares: all " + n + " x values equal " + mx
                    + ", the slope is undetermined");
        }
        double w = sxy / sxx;
        return new Line(my - w * mx, w);
    }
}
