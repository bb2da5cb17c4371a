package org.grad4j.regress;

import java.util.Random;

/**
 * Noisy points on a line: {@code x_i ~ U[xMin, xMax)}, {@code y_i = w x_i + b + eps_i},
 * {@code eps_i ~ N(noiseMean, noiseStd^2)}, drawn from a seeded {@link Random} (x_i then eps_i, point by point).
 *
 * <p>The linear-regression tutorial this follows draws a single {@code eps} and adds it to every point,
 * which only shifts the line; here a fresh {@code eps_i} is drawn for every point, as intended.
 */
public record SyntheticLine(double xMin, double xMax, double w, double b, double noiseMean, double noiseStd) {

    public SyntheticLine {
        if (!(xMin < xMax) || !Double.isFinite(xMin) || !Double.isFinite(xMax)) {
            throw new IllegalArgumentException("x range must be finite with xMin < xMax, got [" + xMin + ", " + xMax + "]");
        }
        if (!(noiseStd >= 0)) {
            throw new IllegalArgumentException("noise standard deviation must be >= 0, got " + noiseStd);
        }
    }

    /** The tutorial's line: x ~ U[0, 15], y = 1.477 x + 0.089 + eps, eps ~ N(0.01, 1). */
    public static SyntheticLine tutorial() {
        return new SyntheticLine(0, 15, 1.477, 0.089, 0.01, 1);
    }

    /** {@code n} points drawn with {@code seed}. */
    public LineData sample(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("number of points must be >= 1, got " + n);
        }
        Random rnd = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = xMin + (xMax - xMin) * rnd.nextDouble();
            double eps = noiseMean + noiseStd * rnd.nextGaussian();
            y[i] = w * x[i] + b + eps;
        }
        return new LineData(x, y);
    }
}
