package org.grad4j.nn.functions;

import org.grad4j.autograd.Function;
import org.grad4j.autograd.Tensor;

/**
 * The book's {@code SoftmaxWithLoss} layer (ch. 5.6.3) as an autograd function of the scores
 * {@code x [N, C]}: against class indices given to the constructor ({@code apply(x)}), or against a
 * one-hot or probability target {@code t [N, C]} ({@code apply(x, t)}; {@code t} gets no gradient).
 * <pre>{@code
 * forward:   y = softmax(x),   L = (1/N) sum_n [ logsumexp(x_n) - sum_c t_nc x_nc ]
 * backward:  dx = dout * (y - t) / N
 * }</pre>
 * {@code logsumexp(x_n) = m + log sum_c exp(x_nc - m)} with {@code m} the row maximum: exact and
 * finite for large scores (no {@code log(y + 1e-7)} as in the book), equal to PyTorch's
 * {@code cross_entropy}.
 */
public final class SoftmaxWithLoss extends Function {

    private final int[] labels;

    /** Against a target tensor passed as the second input. */
    public SoftmaxWithLoss() {
        this.labels = null;
    }

    /** Against class indices {@code labels[n]} in {@code [0, C)} (not copied; not modified). */
    public SoftmaxWithLoss(int[] labels) {
        this.labels = labels;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0];
        if (x.rank() != 2) {
            throw new IllegalArgumentException("SoftmaxWithLoss: scores of shape " + x.shapeString()
                    + ", expected [N, C]");
        }
        int n = x.dim(0);
        int c = x.dim(1);
        double[] t = null;
        if (labels == null) {
            if (in.length < 2 || !java.util.Arrays.equals(in[1].shape(), x.shape())) {
                throw new IllegalArgumentException("SoftmaxWithLoss: target of shape " + (in.length < 2 ? "none"
                        : in[1].shapeString()) + ", expected " + x.shapeString());
            }
            t = in[1].data();
        } else if (labels.length != n) {
            throw new IllegalArgumentException("SoftmaxWithLoss: " + labels.length + " labels for " + n + " rows");
        }
        double[] xd = x.data();
        double[] y = new double[n * c];
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int r = i * c;
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                m = Math.max(m, xd[r + j]);
            }
            double s = 0;
            for (int j = 0; j < c; j++) {
                double e = Math.exp(xd[r + j] - m);
                y[r + j] = e;
                s += e;
            }
            for (int j = 0; j < c; j++) {
                y[r + j] /= s;
            }
            double lse = m + Math.log(s);
            if (t == null) {
                int k = labels[i];
                if (k < 0 || k >= c) {
                    throw new IllegalArgumentException("SoftmaxWithLoss: label " + k + " at row " + i
                            + " out of range for " + c + " classes");
                }
                loss += lse - xd[r + k];
            } else {
                double tx = 0;
                double ts = 0;
                for (int j = 0; j < c; j++) {
                    tx += t[r + j] * xd[r + j];
                    ts += t[r + j];
                }
                loss += ts * lse - tx;
            }
        }
        Tensor softmax = Tensor.wrap(y, n, c);
        if (t == null) {
            ctx.saveForBackward(softmax);
        } else {
            ctx.saveForBackward(softmax, in[1]);
        }
        return Tensor.scalar(loss / n);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor dout) {
        double[] y = ctx.saved(0).data();
        int n = ctx.saved(0).dim(0);
        int c = ctx.saved(0).dim(1);
        double scale = dout.item() / n;
        double[] dx = new double[y.length];
        if (labels != null) {
            for (int i = 0; i < y.length; i++) {
                dx[i] = y[i] * scale;
            }
            for (int i = 0; i < n; i++) {
                dx[i * c + labels[i]] -= scale;                      // (y - t) / N, t one-hot
            }
        } else {
            double[] t = ctx.saved(1).data();
            for (int i = 0; i < n; i++) {
                double ts = 0;
                for (int j = 0; j < c; j++) {
                    ts += t[i * c + j];
                }
                for (int j = 0; j < c; j++) {
                    dx[i * c + j] = (ts * y[i * c + j] - t[i * c + j]) * scale;   // (y sum t - t) / N
                }
            }
        }
        return new Tensor[] {Tensor.wrap(dx, n, c), null};
    }
}
