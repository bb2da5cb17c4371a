package org.grad4j.optim;

/**
 * The book's momentum SGD (class {@code Momentum} in {@code common/optimizer.py}, ch. 6.1.4).
 *
 * <pre>{@code
 * v = momentum * v - lr * g        (v starts at 0)
 * p = p + v
 * }</pre>
 *
 * <p>Differences from {@code torch.optim.SGD(momentum=m)} ({@link Sgd}): torch keeps a buffer of
 * gradients {@code b = m b + g} (the first one is {@code b = g}) and steps {@code p -= lr b}; the book
 * keeps a velocity that already contains lr. For a constant lr the two produce the same iterates up to
 * rounding; when a schedule changes lr, the book's velocity keeps the old lr in its memory.
 * Defaults as in the book: lr 0.01, momentum 0.9.
 */
public final class Momentum extends AbstractOptimizer {

    /** Hyperparameters; torch's wording for invalid values. */
    public record Options(double lr, double momentum) {
        public Options {
            Hyper.lr(lr);
            Hyper.nonNegative("momentum", momentum);
        }
    }

    private final Options options;
    private double[][] v;

    /** The book's defaults: lr 0.01, momentum 0.9. */
    public Momentum() {
        this(new Options(0.01, 0.9));
    }

    public Momentum(double lr) {
        this(new Options(lr, 0.9));
    }

    public Momentum(Options options) {
        this.options = options;
        this.lr = options.lr();
    }

    public Options options() {
        return options;
    }

    @Override
    public void step(double[][] params, double[][] grads) {
        Slots.check(params, grads, v);
        if (v == null) {
            v = Slots.like(params, 0);
        }
        double m = options.momentum();
        for (int i = 0; i < params.length; i++) {
            double[] p = params[i];
            double[] g = grads[i];
            double[] vi = v[i];
            for (int j = 0; j < p.length; j++) {
                vi[j] = m * vi[j] - lr * g[j];
                p[j] += vi[j];
            }
        }
    }

    @Override
    public java.util.Map<String, double[][]> state() {
        java.util.Map<String, double[][]> out = new java.util.LinkedHashMap<>();
        Slots.put(out, "v", v);
        return out;
    }

    @Override
    public void loadState(java.util.Map<String, double[][]> state) {
        Slots.checkNames("Momentum", state, "v");
        v = Slots.get(state, "v");
    }

    @Override
    public void reset() {
        v = null;
    }
}
