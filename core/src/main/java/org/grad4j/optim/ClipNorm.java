package org.grad4j.optim;

/**
 * Gradient clipping by global norm with the semantics of {@code torch.nn.utils.clip_grad_norm_}
 * (PyTorch 1.13, norm type 2):
 *
 * <pre>{@code
 * total = sqrt(sum_i ||g_i||^2)
 * coef  = maxNorm / (total + 1e-6)
 * g_i   = coef * g_i              (only if coef < 1)
 * }</pre>
 */
public final class ClipNorm {

    /** torch's constant added to the total norm. */
    public static final double EPS = 1e-6;

    private ClipNorm() {
    }

    /**
     * Scales {@code grads} <b>in place</b> (like torch) so that their global 2-norm is at most about
     * {@code maxNorm}; returns the total norm before clipping.
     */
    public static double clip(double[][] grads, double maxNorm) {
        return clip(grads, maxNorm, grads);
    }

    /**
     * Writes the clipped gradients into {@code out} (same shapes, may be {@code grads} itself);
     * {@code grads} is not modified unless it is {@code out}. Returns the total norm before clipping.
     */
    public static double clip(double[][] grads, double maxNorm, double[][] out) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("Invalid max_norm value: " + Hyper.repr(maxNorm));
        }
        double total = totalNorm(grads);
        double coef = maxNorm / (total + EPS);
        for (int i = 0; i < grads.length; i++) {
            double[] g = grads[i];
            double[] o = out[i];
            if (o.length != g.length) {
                throw new IllegalArgumentException("clip: out[" + i + "] has length " + o.length
                        + " but grads[" + i + "] has length " + g.length);
            }
            for (int j = 0; j < g.length; j++) {
                o[j] = coef < 1 ? g[j] * coef : g[j];
            }
        }
        return total;
    }

    /** The global 2-norm: the norm of the per-array norms, as torch computes it. */
    public static double totalNorm(double[][] grads) {
        double sumSq = 0;
        for (double[] g : grads) {
            double s = 0;
            for (double v : g) {
                s += v * v;
            }
            double n = Math.sqrt(s);
            sumSq += n * n;
        }
        return Math.sqrt(sumSq);
    }
}
