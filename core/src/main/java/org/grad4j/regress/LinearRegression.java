package org.grad4j.regress;

import org.grad4j.diff.MultivariateFunction;
import org.grad4j.optim.DifferentiableFunction;
import org.grad4j.optim.Hyper;
import org.grad4j.optim.Optimizer;

/**
 * Fits y = w x + b by minimising the mean squared error {@code E(b, w) = (1/N) sum (y_i - (w x_i + b))^2}
 * from b = w = 0 with any {@link Optimizer}, using the exact gradient of {@link LineData#mseGradient}.
 *
 * <p>The parameters are the vector (b, w), so {@link #objective} and {@link #mse} plug into
 * {@link org.grad4j.optim.GradientDescent} too (with the exact gradient or a numerical one).
 */
public final class LinearRegression {

    /**
     * The result of a fit.
     *
     * @param b           fitted intercept
     * @param w           fitted slope
     * @param errorStart  E(0, 0)
     * @param error       E(b, w) after the last iteration
     * @param history     E before the first and after each iteration: {@code iterations + 1} values
     * @param exact       the exact least-squares line
     * @param exactError  its error, the smallest achievable
     */
    public record Fit(double b, double w, double errorStart, double error, double[] history, Line exact,
                      double exactError) {

        /** {@code error - exactError}, >= 0 up to rounding. */
        public double gap() {
            return error - exactError;
        }
    }

    private LinearRegression() {
    }

    /** Runs {@code iterations} steps of {@code optimizer} (reset first) on the MSE of {@code data}. */
    public static Fit fit(LineData data, Optimizer optimizer, int iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("Invalid iterations value: " + iterations);
        }
        optimizer.reset();
        double[] p = {0, 0};
        double[] g = new double[2];
        double[][] params = {p};
        double[][] grads = {g};
        double[] history = new double[iterations + 1];
        history[0] = data.mseGradient(p[0], p[1], g);
        for (int t = 0; t < iterations; t++) {
            optimizer.step(params, grads);
            history[t + 1] = data.mseGradient(p[0], p[1], g);
        }
        Line exact = LeastSquares.fit(data);
        return new Fit(p[0], p[1], history[0], history[iterations], history, exact, data.mse(exact.b(), exact.w()));
    }

    /** Plain gradient descent {@code (b, w) -= lr * grad} as in the tutorial. */
    public static Fit fit(LineData data, double lr, int iterations) {
        Hyper.lr(lr);
        return fit(data, new org.grad4j.optim.Sgd(lr), iterations);
    }

    /** E(b, w) as a function of the vector (b, w) with its exact gradient. */
    public static DifferentiableFunction objective(LineData data) {
        return (bw, grad) -> data.mseGradient(bw[0], bw[1], grad);
    }

    /** E(b, w) as a function of the vector (b, w), for numerical gradients. */
    public static MultivariateFunction mse(LineData data) {
        return bw -> data.mse(bw[0], bw[1]);
    }
}
