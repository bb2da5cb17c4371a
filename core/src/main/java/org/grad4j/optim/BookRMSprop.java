package org.grad4j.optim;

/**
 * The book's RMSprop (class {@code RMSprop} in {@code common/optimizer.py}), arithmetic in the book's order:
 *
 * <pre>{@code
 * h = decayRate * h
 * h = h + (1 - decayRate) * g * g          (h starts at 0)
 * p = p - lr * g / (sqrt(h) + 1e-7)
 * }</pre>
 *
 * <p>Differences from {@code torch.optim.RMSprop} ({@link RMSprop}): the constant 1e-7 instead of
 * eps = 1e-8; no momentum, centering or weight decay. Defaults as in the book: lr 0.01, decay rate 0.99.
 */
public final class BookRMSprop extends AbstractOptimizer {

    /** The book's constant added to {@code sqrt(h)}. */
    public static final double EPS = 1e-7;

    /** Hyperparameters; {@code decayRate} is validated with torch's wording for {@code alpha}. */
    public record Options(double lr, double decayRate) {
        public Options {
            Hyper.lr(lr);
            Hyper.nonNegative("alpha", decayRate);
        }
    }

    private final Options options;
    private double[][] h;

    public BookRMSprop() {
        this(new Options(0.01, 0.99));
    }

    public BookRMSprop(Options options) {
        this.options = options;
        this.lr = options.lr();
    }

    public Options options() {
        return options;
    }

    @Override
    public void step(double[][] params, double[][] grads) {
        Slots.check(params, grads, h);
        if (h == null) {
            h = Slots.like(params, 0);
        }
        double d = options.decayRate();
        for (int i = 0; i < params.length; i++) {
            double[] p = params[i];
            double[] g = grads[i];
            double[] hi = h[i];
            for (int j = 0; j < p.length; j++) {
                hi[j] *= d;
                hi[j] += (1 - d) * g[j] * g[j];
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
        Slots.checkNames("BookRMSprop", state, "h");
        h = Slots.get(state, "h");
    }

    @Override
    public void reset() {
        h = null;
    }
}
