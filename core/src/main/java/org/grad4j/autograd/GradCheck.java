package org.grad4j.autograd;

import java.util.Random;
import java.util.function.Function;

/**
 * Checks autograd's gradient of a function against central differences in double, as
 * {@code torch.autograd.gradcheck}: for every element {@code x_j} of every input that requires grad,
 * <pre>{@code
 * n_j = (L(x_j + eps) - L(x_j - eps)) / (2 eps),      a_j = dL/dx_j from backward,
 * pass iff |a_j - n_j| <= atol + rtol * |n_j|   for all j
 * }</pre>
 * where {@code L = sum(w * f(inputs))} with fixed weights {@code w} drawn from {@code N(0, 1)} (seed
 * 42) when {@code f} is not scalar, so one backward checks a vector-Jacobian product. Inputs are
 * perturbed in place and restored exactly; their {@code grad} is left as it was.
 * <pre>{@code
 * GradCheck.Result r = GradCheck.check(in -> in[0].matmul(in[1]).tanh(), x, w);
 * assert r.passed() : r;   // "worst at input 1 index 4: autograd 0.123, numerical 0.124"
 * }</pre>
 */
public final class GradCheck {

    /** Defaults as {@code torch.autograd.gradcheck}: eps 1e-6, atol 1e-5, rtol 1e-3. */
    public static final Options DEFAULTS = new Options(1e-6, 1e-5, 1e-3);

    /** Step {@code eps} and tolerances {@code atol}, {@code rtol}. */
    public record Options(double eps, double atol, double rtol) {
        public Options {
            if (!(eps > 0) || !(atol >= 0) || !(rtol >= 0)) {
                throw new IllegalArgumentException("GradCheck: invalid eps " + eps + ", atol " + atol + ", rtol "
                        + rtol);
            }
        }
    }

    /**
     * The outcome: whether every element passed, and the element with the largest
     * {@code |a - n| - rtol |n|} (input index, flat index, both values).
     */
    public record Result(boolean passed, int input, int index, double analytic, double numerical) {
        @Override
        public String toString() {
            return (passed ? "passed" : "FAILED") + ", worst at input " + input + " index " + index + ": autograd "
                    + analytic + ", numerical " + numerical;
        }
    }

    private GradCheck() {
    }

    /** {@link #check(Options, Function, Tensor...)} with {@link #DEFAULTS}. */
    public static Result check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        return check(DEFAULTS, f, inputs);
    }

    /** Compares the gradients of {@code f} at {@code inputs}; only inputs that require grad are checked. */
    public static Result check(Options options, Function<Tensor[], Tensor> f, Tensor... inputs) {
        Tensor probe;
        try (NoGrad off = new NoGrad()) {
            probe = f.apply(inputs);
        }
        Tensor w = Tensor.randn(new Random(42), probe.shape);
        if (probe.data.length == 1) {
            w.data[0] = 1;
        }
        Tensor[] saved = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            saved[i] = inputs[i].grad;
            inputs[i].grad = null;
        }
        double[][] analytic = new double[inputs.length][];
        try {
            Tensor out = f.apply(inputs);
            if (out.requiresGrad()) {
                out.backward(w);
            }
            for (int i = 0; i < inputs.length; i++) {
                if (inputs[i].requiresGrad()) {
                    analytic[i] = inputs[i].grad == null ? new double[inputs[i].data.length] : inputs[i].grad.data;
                }
            }
        } finally {
            for (int i = 0; i < inputs.length; i++) {
                inputs[i].grad = saved[i];
            }
        }
        boolean passed = true;
        int worstInput = -1;
        int worstIndex = -1;
        double worstA = 0;
        double worstN = 0;
        double worst = Double.NEGATIVE_INFINITY;
        try (NoGrad off = new NoGrad()) {
            for (int i = 0; i < inputs.length; i++) {
                if (analytic[i] == null) {
                    continue;
                }
                double[] x = inputs[i].data;
                for (int j = 0; j < x.length; j++) {
                    double old = x[j];
                    x[j] = old + options.eps();
                    double plus = weighted(f.apply(inputs), w);
                    x[j] = old - options.eps();
                    double minus = weighted(f.apply(inputs), w);
                    x[j] = old;
                    double n = (plus - minus) / (2 * options.eps());
                    double a = analytic[i][j];
                    double excess = Math.abs(a - n) - options.rtol() * Math.abs(n);
                    boolean ok = excess <= options.atol();
                    if (!ok || Double.isNaN(excess)) {
                        passed = false;
                    }
                    if (excess > worst || Double.isNaN(excess) || worstInput < 0) {
                        worst = Double.isNaN(excess) ? Double.POSITIVE_INFINITY : excess;
                        worstInput = i;
                        worstIndex = j;
                        worstA = a;
                        worstN = n;
                    }
                }
            }
        }
        return new Result(passed, worstInput, worstIndex, worstA, worstN);
    }

    private static double weighted(Tensor out, Tensor w) {
        double s = 0;
        for (int i = 0; i < out.data.length; i++) {
            s += out.data[i] * w.data[i];
        }
        return s;
    }
}
