package org.grad4j.optim;

/**
 * AdaGrad with the semantics of {@code torch.optim.Adagrad} (PyTorch 1.13); Duchi, Hazan and Singer (2011).
 *
 * <pre>{@code
 * t   = t + 1
 * g   = g + weightDecay * p                     (if weightDecay != 0)
 * clr = lr / (1 + (t - 1) * lrDecay)
 * s   = s + g * g                               (s starts at initialAccumulatorValue)
 * p   = p - clr * g / (sqrt(s) + eps)
 * }</pre>
 *
 * <p>Differences from the book's AdaGrad ({@link BookAdaGrad}): eps is 1e-10 here and 1e-7 there,
 * and the book has no lr decay, weight decay or initial accumulator value. Defaults as torch: lr 0.01,
 * lrDecay 0, weightDecay 0, initialAccumulatorValue 0, eps 1e-10.
 */
public final class AdaGrad extends AbstractOptimizer {

    /** Hyperparameters, validated as {@code torch.optim.Adagrad} validates them. */
    public record Options(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue,
                          double eps) {
        public Options {
            Hyper.lr(lr);
            Hyper.nonNegative("lr_decay", lrDecay);
            Hyper.nonNegative("weight_decay", weightDecay);
            Hyper.nonNegative("initial_accumulator_value", initialAccumulatorValue);
            Hyper.nonNegative("epsilon", eps);
        }

        /** torch's defaults with the given lr. */
        public static Options of(double lr) {
            return new Options(lr, 0, 0, 0, 1e-10);
        }
    }

    private final Options options;
    private double[][] sum;
    private long t;

    public AdaGrad(double lr) {
        this(Options.of(lr));
    }

    public AdaGrad(Options options) {
        this.options = options;
        this.lr = options.lr();
    }

    public Options options() {
        return options;
    }

    @Override
    public void step(double[][] params, double[][] grads) {
        Slots.check(params, grads, sum);
        if (sum == null) {
            sum = Slots.like(params, options.initialAccumulatorValue());
        }
        t++;
        double wd = options.weightDecay();
        double eps = options.eps();
        double clr = lr / (1 + (t - 1) * options.lrDecay());
        for (int i = 0; i < params.length; i++) {
            double[] p = params[i];
            double[] gi = grads[i];
            double[] s = sum[i];
            for (int j = 0; j < p.length; j++) {
                double g = wd != 0 ? gi[j] + wd * p[j] : gi[j];
                s[j] += g * g;
                p[j] += -clr * g / (Math.sqrt(s[j]) + eps);
            }
        }
    }

    @Override
    public java.util.Map<String, double[][]> state() {
        java.util.Map<String, double[][]> out = new java.util.LinkedHashMap<>();
        Slots.put(out, "sum", sum);
        if (t != 0) {
            out.put("t", new double[][] {{t}});
        }
        return out;
    }

    @Override
    public void loadState(java.util.Map<String, double[][]> state) {
        Slots.checkNames("AdaGrad", state, "sum", "t");
        sum = Slots.get(state, "sum");
        t = Slots.counter(state, "t");
    }

    @Override
    public void reset() {
        sum = null;
        t = 0;
    }
}
