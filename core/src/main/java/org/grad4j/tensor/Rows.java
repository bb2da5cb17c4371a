package org.grad4j.tensor;

import java.util.Arrays;

/**
 * Kernels on a range of rows of row-major arrays, for work split over threads by rows (each thread
 * takes rows {@code [r0, r1)} and writes only those) and for the whole-tensor operations of
 * {@link Ops} and the layers, which call them on all rows: one formula in one place, so a split
 * computation gives bit for bit the numbers of the unsplit one. Element ranges {@code [from, to)}
 * index the flat array; {@code cols} is the row length. Arrays named {@code out} or {@code dx} are
 * written, the others only read.
 */
public final class Rows {

    private Rows() {
    }

    /** {@code out[i] = 1 / (1 + exp(-x[i]))} for {@code from <= i < to}. */
    public static void sigmoid(double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = 1.0 / (1.0 + Math.exp(-x[i]));
        }
    }

    /** {@code dx[i] = dout[i] * (1 - y[i]) * y[i]} for {@code from <= i < to}, {@code y} the sigmoid's output. */
    public static void sigmoidBackward(double[] dout, double[] y, double[] dx, int from, int to) {
        for (int i = from; i < to; i++) {
            dx[i] = dout[i] * (1.0 - y[i]) * y[i];
        }
    }

    /**
     * {@code out[offset + i - r0]} = the column of the largest entry of row {@code i} (the first on
     * ties) for rows {@code [r0, r1)}.
     */
    public static void argmax(double[] x, int cols, int r0, int r1, int[] out, int offset) {
        for (int i = r0; i < r1; i++) {
            int r = i * cols;
            int best = 0;
            for (int j = 1; j < cols; j++) {
                if (x[r + j] > x[r + best]) {
                    best = j;
                }
            }
            out[offset + i - r0] = best;
        }
    }

    /** {@code out[i] = max(0, x[i])} for {@code from <= i < to}. */
    public static void relu(double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = x[i] > 0.0 ? x[i] : 0.0;
        }
    }

    /** {@code dx[i] = y[i] > 0 ? dout[i] : 0} for {@code from <= i < to}, {@code y} the ReLU's output. */
    public static void reluBackward(double[] dout, double[] y, double[] dx, int from, int to) {
        for (int i = from; i < to; i++) {
            dx[i] = y[i] > 0.0 ? dout[i] : 0.0;
        }
    }

    /**
     * Softmax of rows {@code [r0, r1)}, the row maximum {@code m} subtracted first:
     * {@code out[r, j] = exp(x[r, j] - m) / sum_j exp(x[r, j] - m)}; with {@code lse} non-null also
     * {@code lse[r] = m + log(sum_j exp(x[r, j] - m))} from the same exponentials.
     */
    public static void softmax(double[] x, double[] out, double[] lse, int cols, int r0, int r1) {
        for (int i = r0; i < r1; i++) {
            int r = i * cols;
            double max = x[r];
            for (int j = 1; j < cols; j++) {
                max = Math.max(max, x[r + j]);
            }
            double sum = 0.0;
            for (int j = 0; j < cols; j++) {
                double e = Math.exp(x[r + j] - max);
                out[r + j] = e;
                sum += e;
            }
            double inv = 1.0 / sum;
            for (int j = 0; j < cols; j++) {
                out[r + j] *= inv;
            }
            if (lse != null) {
                lse[i] = max + Math.log(sum);
            }
        }
    }

    /**
     * The cross-entropy of rows {@code [r0, r1)} of the softmax of {@code scores} against class indices
     * {@code t}, summed: {@code sum_r (lse[r] - scores[r, t[r]])}, {@code lse} from {@link #softmax}.
     */
    public static double crossEntropy(double[] scores, double[] lse, int[] t, int cols, int r0, int r1) {
        double total = 0.0;
        for (int i = r0; i < r1; i++) {
            total += lse[i] - scores[i * cols + t[i]];
        }
        return total;
    }

    /**
     * The gradient of the mean softmax cross-entropy with respect to the scores, rows {@code [r0, r1)}:
     * {@code dx[r, j] = (y[r, j] - [j == t[r]]) * inv}, {@code inv = 1 / batch}.
     */
    public static void crossEntropyBackward(double[] y, int[] t, double inv, double[] dx, int cols, int r0,
            int r1) {
        for (int i = r0 * cols; i < r1 * cols; i++) {
            dx[i] = y[i] * inv;
        }
        for (int i = r0; i < r1; i++) {
            dx[i * cols + t[i]] -= inv;
        }
    }

    /** {@code y[i] += alpha * x[i]} for {@code from <= i < to} (with {@code alpha = -lr}: an SGD step). */
    public static void axpy(double alpha, double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] += alpha * x[i];
        }
    }

    /** {@code out[j] = sum over rows r in [r0, r1) of x[r, j]}, in increasing row order. */
    public static void sumColumns(double[] x, int cols, int r0, int r1, double[] out) {
        Arrays.fill(out, 0, cols, 0.0);
        for (int i = r0; i < r1; i++) {
            int r = i * cols;
            for (int j = 0; j < cols; j++) {
                out[j] += x[r + j];
            }
        }
    }

    /**
     * {@code c[r, j] = (c[r, j] + part[r, j]) + bias[j]} for rows {@code [r0, r1)}: the two partial sums of
     * a product split by its inner dimension, then the bias ({@code part} or {@code bias} may be null).
     */
    public static void addPartAndBias(double[] c, double[] part, double[] bias, int cols, int r0, int r1) {
        int from = r0 * cols;
        int to = r1 * cols;
        if (part != null) {
            for (int i = from; i < to; i++) {
                c[i] += part[i];
            }
        }
        if (bias != null) {
            for (int i = r0; i < r1; i++) {
                int r = i * cols;
                for (int j = 0; j < cols; j++) {
                    c[r + j] += bias[j];
                }
            }
        }
    }
}
