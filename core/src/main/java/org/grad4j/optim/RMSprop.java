package org.grad4j.optim;

/**
 * RMSprop with the semantics of {@code torch.optim.RMSprop} (PyTorch 1.13); Hinton's lecture 6e,
 * centered variant from Graves (2013).
 *
 * <pre>{@code
 * g  = g + weightDecay * p                       (if weightDecay != 0)
 * s  = alpha * s + (1 - alpha) * g * g
 * a  = centered ? sqrt(s - ga * ga) + eps : sqrt(s) + eps,  with ga = alpha * ga + (1 - alpha) * g
 * b  = momentum * b + g / a;  p = p - lr * b    (if momentum > 0)
 * p  = p - lr * g / a                            (otherwise)
 * }</pre>
 *
 * <p>Differences from the book's RMSprop ({@link BookRMSprop}): the book's eps is 1e-7 (here 1e-8)
 * and it has no momentum, centering or weight decay; the book's {@code decay_rate} is torch's
 * {@code alpha} (both 0.99 by default). Defaults as torch: lr 0.01, alpha 0.99, eps 1e-8.
 */
public final class RMSprop extends AbstractOptimizer {

    /** Hyperparameters, validated as {@code torch.optim.RMSprop} validates them. */
    public record Options(double lr, double alpha, double eps, double weightDecay, double momentum,
                          boolean centered) {
        public Options {
            Hyper.lr(lr);
            Hyper.nonNegative("epsilon", eps);
            Hyper.nonNegative("momentum", momentum);
            Hyper.nonNegative("weight_decay", weightDecay);
            Hyper.nonNegative("alpha", alpha);
        }

        /** torch's defaults with the given lr. */
        public static Options of(double lr) {
            return new Options(lr, 0.99, 1e-8, 0, 0, false);
        }
    }

    private final Options options;
    private double[][] squareAvg;
    private double[][] gradAvg;
    private double[][] buf;

    public RMSprop(double lr) {
        this(Options.of(lr));
    }

    public RMSprop(Options options) {
        this.options = options;
        this.lr = options.lr();
    }

    public Options options() {
        return options;
    }

    @Override
    public void step(double[][] params, double[][] grads) {
        Slots.check(params, grads, squareAvg);
        if (squareAvg == null) {
            squareAvg = Slots.like(params, 0);
            gradAvg = options.centered() ? Slots.like(params, 0) : null;
            buf = options.momentum() > 0 ? Slots.like(params, 0) : null;
        }
        double alpha = options.alpha();
        double eps = options.eps();
        double wd = options.weightDecay();
        double momentum = options.momentum();
        for (int i = 0; i < params.length; i++) {
            double[] p = params[i];
            double[] gi = grads[i];
            double[] s = squareAvg[i];
            for (int j = 0; j < p.length; j++) {
                double g = wd != 0 ? gi[j] + wd * p[j] : gi[j];
                s[j] = s[j] * alpha + (1 - alpha) * g * g;
                double a;
                if (gradAvg != null) {
                    double ga = gradAvg[i][j] * alpha + (1 - alpha) * g;
                    gradAvg[i][j] = ga;
                    a = Math.sqrt(s[j] + -1.0 * ga * ga) + eps;
                } else {
                    a = Math.sqrt(s[j]) + eps;
                }
                if (buf != null) {
                    double b = buf[i][j] * momentum + 1.0 * g / a;
                    buf[i][j] = b;
                    p[j] += -lr * b;
                } else {
                    p[j] += -lr * g / a;
                }
            }
        }
    }

    @Override
    public java.util.Map<String, double[][]> state() {
        java.util.Map<String, double[][]> out = new java.util.LinkedHashMap<>();
        Slots.put(out, "squareAvg", squareAvg);
        Slots.put(out, "gradAvg", gradAvg);
        Slots.put(out, "buf", buf);
        return out;
    }

    @Override
    public void loadState(java.util.Map<String, double[][]> state) {
        Slots.checkNames("RMSprop", state, "squareAvg", "gradAvg", "buf");
        squareAvg = Slots.get(state, "squareAvg");
        gradAvg = Slots.get(state, "gradAvg");
        buf = Slots.get(state, "buf");
    }

    @Override
    public void reset() {
        squareAvg = null;
        gradAvg = null;
        buf = null;
    }
}
