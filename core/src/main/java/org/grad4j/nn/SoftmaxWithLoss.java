package org.grad4j.nn;

import org.grad4j.tensor.Ops;
import org.grad4j.tensor.Rows;
import org.grad4j.tensor.Tensor;

/**
 * Softmax followed by the cross-entropy loss, averaged over the batch (the book's
 * {@code SoftmaxWithLoss}). For scores {@code x} (one row per example) and labels {@code t}:
 * <pre>{@code y = softmax(x),   L = (1/N) sum_i [ logsumexp(x_i) - sum_j t_ij x_ij ]}</pre>
 * where {@code logsumexp(x_i) = m + log sum_j exp(x_ij - m)} with {@code m = max_j x_ij}: exact and
 * finite for large scores (no {@code log(y + 1e-7)} as in the book). Backward:
 * <pre>{@code dL/dx = (y - t) / N}</pre>
 * Labels are class indices ({@code int[]}) or one-hot rows (a {@link Tensor}). Outputs are buffers
 * owned by this object, reused across calls with the same batch size.
 */
public final class SoftmaxWithLoss {

    private Tensor y;
    private Tensor dx;
    private int[] labels;
    private Tensor oneHot;
    private double[] lse;

    /** The mean cross-entropy of {@code softmax(x)} against class indices {@code t}. */
    public double forward(Tensor x, int[] t) {
        int n = x.rows();
        int k = x.cols();
        if (t.length != n) {
            throw new IllegalArgumentException("SoftmaxWithLoss: " + t.length + " labels for " + n + " rows");
        }
        for (int i = 0; i < n; i++) {
            if (t[i] < 0 || t[i] >= k) {
                throw new IllegalArgumentException("SoftmaxWithLoss: label " + t[i] + " at " + i
                        + " outside [0, " + k + ")");
            }
        }
        labels = t;
        oneHot = null;
        double[] lse = softmax(x);
        return Rows.crossEntropy(x.data(), lse, t, k, 0, n) / n;
    }

    /** The mean cross-entropy of {@code softmax(x)} against one-hot (or any probability) rows {@code t}. */
    public double forward(Tensor x, Tensor t) {
        if (t.rows() != x.rows() || t.cols() != x.cols()) {
            throw new IllegalArgumentException("SoftmaxWithLoss: labels shape " + t.shapeString()
                    + " differs from scores shape " + x.shapeString());
        }
        int n = x.rows();
        int k = x.cols();
        labels = null;
        oneHot = t;
        double[] lse = softmax(x);
        double[] xd = x.data();
        double[] td = t.data();
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            int r = i * k;
            for (int j = 0; j < k; j++) {
                if (td[r + j] != 0.0) {
                    total += td[r + j] * (lse[i] - xd[r + j]);
                }
            }
        }
        return total / n;
    }

    /** The softmax probabilities of the last forward call (a buffer owned by this object). */
    public Tensor output() {
        return y;
    }

    /** {@code (y - t) / N} for the last forward call (a buffer owned by this object). */
    public Tensor backward() {
        if (y == null) {
            throw new IllegalStateException("SoftmaxWithLoss.backward: no forward call yet");
        }
        int n = y.rows();
        int k = y.cols();
        dx = Tensor.reuse(dx, n, k);
        double[] yd = y.data();
        double[] d = dx.data();
        double inv = 1.0 / n;
        if (labels != null) {
            Rows.crossEntropyBackward(yd, labels, inv, d, k, 0, n);
        } else {
            double[] td = oneHot.data();
            for (int i = 0; i < yd.length; i++) {
                d[i] = (yd[i] - td[i]) * inv;
            }
        }
        return dx;
    }

    /** Fills {@code y = softmax(x)} and returns each row's log-sum-exp, from the same exponentials. */
    private double[] softmax(Tensor x) {
        y = Tensor.reuse(y, x.rows(), x.cols());
        if (lse == null || lse.length != x.rows()) {
            lse = new double[x.rows()];
        }
        Ops.softmaxRows(x, y, lse);
        return lse;
    }
}
