package org.grad4j.optim;

/**
 * The book's AdaGrad (class {@code AdaGrad} in {@code common/optimizer.py}, ch. 6.1.5), arithmetic
 * in the book's order:
 *
 * <pre>{@code
 * h = h + g * g                    (h starts at 0)
 * p = p - lr * g / (sqrt(h) + 1e-7)
 * }</pre>
 *
 * <p>Differences from {@code torch.optim.Adagrad} ({@link AdaGrad}): the constant 1e-7 instead of
 * eps = 1e-10, no lr decay, no weight decay, no initial accumulator value. Default lr 0.01 as in the book.
 */
public final class BookAdaGrad extends AbstractOptimizer {

    /** The book's constant added to {@code sqrt(h)}. */
    public static final double EPS = 1e-7;

    private double[][] h;

    public BookAdaGrad() {
        this(0.01);
    }

    public BookAdaGrad(double lr) {
        Hyper.lr(lr);
        this.lr = lr;
    }

    @Override
    public void step(double[][] params, double[][] grads) {
        Slots.check(params, grads, h);
        if (h == null) {
            h = Slots.like(params, 0);
        }
        for (int i = 0; i < params.length; i++) {
            double[] p = params[i];
            double[] g = grads[i];
            double[] hi = h[i];
            for (int j = 0; j < p.length; j++) {
                hi[j] += g[j] * g[j];
                p[j] -= lr * g[j] / (Math.sqrt(hi[j]) + EPS);
            }
        }
    }

    @Override
    public java.util.Map<String, double[][]> state() {
        java.util.Map<String, double[][]> out = new java.util.LinkedHashMap<>();
        Slots.put(out, "h", h);
        return out;
    }

    @Override
    public void loadState(java.util.Map<String, double[][]> state) {
        Slots.checkNames("BookAdaGrad", state, "h");
        h = Slots.get(state, "h");
    }

    @Override
    public void reset() {
        h = null;
    }
}
