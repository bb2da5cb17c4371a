package org.grad4j.optim;

/**
 * Adam with the semantics of {@code torch.optim.Adam} (PyTorch 1.13, single-tensor path); Kingma and Ba
 * (2014), AMSGrad from Reddi et al. (2018).
 *
 * <pre>{@code
 * t  = t + 1
 * g  = g + weightDecay * p                        (if weightDecay != 0; L2 penalty, coupled)
 * m  = beta1 * m + (1 - beta1) * g
 * v  = beta2 * v + (1 - beta2) * g * g
 * vm = max(vm, v)                                  (if amsgrad; the denominator then uses vm)
 * p  = p - (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * }</pre>
 *
 * <p>Differences from the book's Adam ({@link BookAdam}): eps is added to the bias-corrected
 * {@code sqrt(v)} here, and 1e-7 is added to the uncorrected {@code sqrt(v)} there (after folding the
 * correction into lr); eps is 1e-8 here. Defaults as torch: lr 0.001, betas (0.9, 0.999), eps 1e-8.
 * {@link AdamW} is the decoupled-weight-decay variant.
 */
public final class Adam extends AbstractOptimizer {

    /** Hyperparameters, validated as {@code torch.optim.Adam} validates them. */
    public record Options(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        public Options {
            Hyper.lr(lr);
            Hyper.nonNegative("epsilon", eps);
            Hyper.beta(0, beta1);
            Hyper.beta(1, beta2);
            Hyper.nonNegative("weight_decay", weightDecay);
        }

        /** torch's defaults with the given lr. */
        public static Options of(double lr) {
            return new Options(lr, 0.9, 0.999, 1e-8, 0, false);
        }
    }

    private final Options options;
    private final boolean decoupled;
    private double[][] m;
    private double[][] v;
    private double[][] vmax;
    private long t;

    public Adam(double lr) {
        this(Options.of(lr));
    }

    public Adam(Options options) {
        this(options, false);
    }

    /** {@code decoupled}: AdamW's {@code p = p * (1 - lr * weightDecay)} instead of the L2 gradient term. */
    Adam(Options options, boolean decoupled) {
        this.options = options;
        this.decoupled = decoupled;
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
            vmax = options.amsgrad() ? Slots.like(params, 0) : null;
        }
        t++;
        double beta1 = options.beta1();
        double beta2 = options.beta2();
        double eps = options.eps();
        double wd = options.weightDecay();
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        double decay = 1 - lr * wd;
        for (int i = 0; i < params.length; i++) {
            double[] p = params[i];
            double[] gi = grads[i];
            double[] mi = m[i];
            double[] vi = v[i];
            for (int j = 0; j < p.length; j++) {
                double g = gi[j];
                if (wd != 0) {
                    if (decoupled) {
                        p[j] *= decay;
                    } else {
                        g = g + wd * p[j];
                    }
                }
                mi[j] = mi[j] * beta1 + (1 - beta1) * g;
                vi[j] = vi[j] * beta2 + (1 - beta2) * g * g;
                double second = vi[j];
                if (vmax != null) {
                    second = Math.max(vmax[i][j], vi[j]);
                    vmax[i][j] = second;
                }
                double denom = Math.sqrt(second) / bc2Sqrt + eps;
                p[j] += -stepSize * mi[j] / denom;
            }
        }
    }

    @Override
    public java.util.Map<String, double[][]> state() {
        java.util.Map<String, double[][]> out = new java.util.LinkedHashMap<>();
        Slots.put(out, "m", m);
        Slots.put(out, "v", v);
        Slots.put(out, "vmax", vmax);
        if (t != 0) {
            out.put("t", new double[][] {{t}});
        }
        return out;
    }

    @Override
    public void loadState(java.util.Map<String, double[][]> state) {
        Slots.checkNames("Adam", state, "m", "v", "vmax", "t");
        m = Slots.get(state, "m");
        v = Slots.get(state, "v");
        vmax = Slots.get(state, "vmax");
        t = Slots.counter(state, "t");
    }

    @Override
    public void reset() {
        m = null;
        v = null;
        vmax = null;
        t = 0;
    }
}
