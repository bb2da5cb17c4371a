package org.grad4j.optim;

/**
 * The book's Adam (class {@code Adam} in {@code common/optimizer.py}), arithmetic in the book's order:
 *
 * <pre>{@code
 * t    = t + 1
 * lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
 * m    = m + (1 - beta1) * (g - m)
 * v    = v + (1 - beta2) * (g * g - v)
 * p    = p - lr_t * m / (sqrt(v) + 1e-7)
 * }</pre>
 *
 * <p>Differences from {@code torch.optim.Adam} ({@link Adam}): the bias correction of v is folded into
 * lr, so the constant 1e-7 is effectively scaled by {@code sqrt(1 - beta2^t)} compared with torch's eps;
 * m and v are updated in the "add a fraction of the difference" form; no weight decay or AMSGrad.
 * Defaults as in the book: lr 0.001, beta1 0.9, beta2 0.999.
 */
public final class BookAdam extends AbstractOptimizer {

    /** The book's constant added to {@code sqrt(v)}. */
    public static final double EPS = 1e-7;

    /** Hyperparameters; torch's wording for invalid values. */
    public record Options(double lr, double beta1, double beta2) {
        public Options {
            Hyper.lr(lr);
            Hyper.beta(0, beta1);
            Hyper.beta(1, beta2);
        }
    }

    private final Options options;
    private double[][] m;
    private double[][] v;
    private long t;

    public BookAdam() {
        this(new Options(0.001, 0.9, 0.999));
    }

    public BookAdam(Options options) {
        this.options = options;
        this.lr = options.lr();
    }

    public Options options() {
        return options;
    }

    @Override
    public void step(double[][] params, double[][] grads) {
        Slots.check(params, grads, m);
        if (m == null) {
            m = Slots.like(params, 0);
            v = Slots.like(params, 0);
        }
        t++;
        double beta1 = options.beta1();
        double beta2 = options.beta2();
        double lrT = lr * Math.sqrt(1.0 - Math.pow(beta2, t)) / (1.0 - Math.pow(beta1, t));
        for (int i = 0; i < params.length; i++) {
            double[] p = params[i];
            double[] g = grads[i];
            double[] mi = m[i];
            double[] vi = v[i];
            for (int j = 0; j < p.length; j++) {
                mi[j] += (1 - beta1) * (g[j] - mi[j]);
                vi[j] += (1 - beta2) * (g[j] * g[j] - vi[j]);
                p[j] -= lrT * mi[j] / (Math.sqrt(vi[j]) + EPS);
            }
        }
    }

    @Override
    public java.util.Map<String, double[][]> state() {
        java.util.Map<String, double[][]> out = new java.util.LinkedHashMap<>();
        Slots.put(out, "m", m);
        Slots.put(out, "v", v);
        if (t != 0) {
            out.put("t", new double[][] {{t}});
        }
        return out;
    }

    @Override
    public void loadState(java.util.Map<String, double[][]> state) {
        Slots.checkNames("BookAdam", state, "m", "v", "t");
        m = Slots.get(state, "m");
        v = Slots.get(state, "v");
        t = Slots.counter(state, "t");
    }

    @Override
    public void reset() {
        m = null;
        v = null;
        t = 0;
    }
}
