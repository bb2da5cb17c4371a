package org.grad4j.optim;

import org.grad4j.tensor.TwoCores;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and weight decay, with the
 * semantics of {@code torch.optim.SGD} (PyTorch 1.13).
 *
 * <pre>{@code
 * d = g + weightDecay * p                       (if weightDecay != 0)
 * b = d                                         (first step with momentum != 0)
 * b = momentum * b + (1 - dampening) * d        (later steps)
 * d = nesterov ? d + momentum * b : b           (if momentum != 0)
 * p = p - lr * d
 * }</pre>
 *
 * <p>Without momentum and weight decay the update is {@code p[j] -= lr * g[j]}, bit for bit the
 * book's {@code x -= lr * grad} ({@code gradient_descent} in ch. 4 and class {@code SGD} in
 * {@code common/optimizer.py}). Note that PyTorch's momentum differs from the book's
 * {@link Momentum}: torch accumulates gradients and multiplies by lr afterwards
 * ({@code b = m b + g; p -= lr b}), the book accumulates steps ({@code v = m v - lr g; p += v});
 * the two agree for a constant lr.
 */
public final class Sgd extends AbstractOptimizer {

    /** Hyperparameters, validated as {@code torch.optim.SGD} validates them. */
    public record Options(double lr, double momentum, double dampening, boolean nesterov, double weightDecay) {
        public Options {
            Hyper.lr(lr);
            Hyper.nonNegative("momentum", momentum);
            Hyper.nonNegative("dampening", dampening);
            Hyper.nonNegative("weight_decay", weightDecay);
            if (nesterov && (momentum <= 0 || dampening != 0)) {
                throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
            }
        }

        /** Plain SGD with learning rate {@code lr}. */
        public static Options of(double lr) {
            return new Options(lr, 0, 0, false, 0);
        }
    }

    /**
     * Plain SGD over at least this many weights is split over two cores, the worker bound to the
     * calling thread ({@link TwoCores#current()}; a {@code Trainer} binds its run's worker during each
     * step), each core updating half of every array: for the book's TwoLayerNet (39 760 weights) that
     * halves the update's ~45 us, which streams W1 and dW1 from outside the L2 cache. Without a bound
     * worker the update runs on the calling thread; the numbers are the same.
     */
    static final long PARALLEL_SIZE = 16_384;

    private final Options options;
    private final Plain plain = new Plain();
    private double[][] buf;

    public Sgd(double lr) {
        this(Options.of(lr));
    }

    public Sgd(Options options) {
        this.options = options;
        this.lr = options.lr();
    }

    public Options options() {
        return options;
    }

    @Override
    public boolean plainSgd() {
        return plain();
    }

    /** Whether the update is plain {@code p -= lr * g} (no momentum, no weight decay). */
    public boolean plain() {
        return options.momentum() == 0 && options.weightDecay() == 0;
    }

    @Override
    public void step(double[][] params, double[][] grads) {
        Slots.check(params, grads, buf);
        double momentum = options.momentum();
        double wd = options.weightDecay();
        if (momentum == 0 && wd == 0) {
            long total = 0;
            for (double[] p : params) {
                total += p.length;
            }
            TwoCores cores = total >= PARALLEL_SIZE ? TwoCores.current() : null;
            if (cores != null && cores.acquire()) {
                plain.set(params, grads, lr);
                cores.run(plain);
            } else {
                Plain.update(params, grads, lr, 0, 1);
            }
            return;
        }
        boolean first = buf == null && momentum != 0;
        if (first) {
            buf = Slots.like(params, 0);
        }
        double keep = 1 - options.dampening();
        for (int i = 0; i < params.length; i++) {
            double[] p = params[i];
            double[] g = grads[i];
            double[] b = momentum != 0 ? buf[i] : null;
            for (int j = 0; j < p.length; j++) {
                double d = wd != 0 ? g[j] + wd * p[j] : g[j];
                if (b != null) {
                    b[j] = first ? d : b[j] * momentum + keep * d;
                    d = options.nesterov() ? d + momentum * b[j] : b[j];
                }
                p[j] -= lr * d;
            }
        }
    }

    @Override
    public java.util.Map<String, double[][]> state() {
        java.util.Map<String, double[][]> out = new java.util.LinkedHashMap<>();
        Slots.put(out, "buf", buf);
        return out;
    }

    @Override
    public void loadState(java.util.Map<String, double[][]> state) {
        Slots.checkNames("Sgd", state, "buf");
        buf = Slots.get(state, "buf");
    }

    @Override
    public void reset() {
        buf = null;
    }

    /** {@code p -= lr * g}, each array cut in two halves by index (reused; one update at a time). */
    private static final class Plain implements TwoCores.Task {
        private double[][] params;
        private double[][] grads;
        private double lr;

        void set(double[][] params, double[][] grads, double lr) {
            this.params = params;
            this.grads = grads;
            this.lr = lr;
        }

        @Override
        public void run(int half) {
            update(params, grads, lr, half, 2);
        }

        /** Part {@code part} of {@code parts} of every array. */
        static void update(double[][] params, double[][] grads, double lr, int part, int parts) {
            for (int i = 0; i < params.length; i++) {
                double[] p = params[i];
                double[] g = grads[i];
                int from = (int) ((long) p.length * part / parts);
                int to = (int) ((long) p.length * (part + 1) / parts);
                for (int j = from; j < to; j++) {
                    p[j] -= lr * g[j];
                }
            }
        }
    }
}
