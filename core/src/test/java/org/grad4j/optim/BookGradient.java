package org.grad4j.optim;

import org.grad4j.diff.MultivariateFunction;

/**
 * The book's {@code _numerical_gradient_no_batch} (ch. 4, {@code common/gradient.py}) written out as a
 * {@link GradientProvider} for tests: central differences with h = 1e-4, on a copy of x.
 */
final class BookGradient implements GradientProvider {

    private static final double H = 1e-4;

    private final MultivariateFunction f;

    BookGradient(MultivariateFunction f) {
        this.f = f;
    }

    @Override
    public void gradient(double[] x0, double[] g) {
        double[] x = x0.clone();
        for (int i = 0; i < x.length; i++) {
            double tmp = x[i];
            x[i] = tmp + H;
            double f1 = f.value(x);
            x[i] = tmp - H;
            double f2 = f.value(x);
            g[i] = (f1 - f2) / (2 * H);
            x[i] = tmp;
        }
    }
}
