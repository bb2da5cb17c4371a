package org.grad4j.optim;

/**
 * The book's Nesterov accelerated gradient (class {@code Nesterov} in {@code common/optimizer.py}),
 * written in the "look-ahead free" form of Bengio et al. (2012), arXiv:1212.0901:
 *
 * <pre>{@code
 * v = momentum * v
 * v = v - lr * g
 * p = p + momentum * momentum * v
 * p = p - (1 + momentum) * lr * g
 * }</pre>
 *
 * <p>This is the book's arithmetic in the book's order ({@code (m * m) * v} and {@code ((1 + m) * lr) * g}).
 * It is equivalent up to rounding and lr changes to {@code torch.optim.SGD(momentum=m, nesterov=True)}
 * ({@link Sgd} with {@code nesterov}), which steps {@code p -= lr (g + m b)} with {@code b = m b + g}.
 * Defaults as in the book: lr 0.01, momentum 0.9.
 */
public final class Nesterov extends AbstractOptimizer {

    /** Hyperparameters; torch's wording for invalid values. */
    public record Options(double lr, double momentum) {
        public Options {
            Hyper.lr(lr);
            Hyper.nonNegative("momentum", momentum);
        }
    }

    private final Options options;
    private double[][] v;

    public Nesterov() {
        this(new Options(0.01, 0.9));
    }

    public Nesterov(Options options) {
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
        double mm = m * m;
        double c = (1 + m) * lr;
        for (int i = 0; i < params.length; i++) {
            double[] p = params[i];
            double[] g = grads[i];
            double[] vi = v[i];
            for (int j = 0; j < p.length; j++) {
                vi[j] *= m;
                vi[j] -= lr * g[j];
                p[j] += mm * vi[j];
                p[j] -= c * g[j];
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
        Slots.checkNames("Nesterov", state, "v");
        v = Slots.get(state, "v");
    }

    @Override
    public void reset() {
        v = null;
    }
}
