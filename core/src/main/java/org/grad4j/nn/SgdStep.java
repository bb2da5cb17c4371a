package org.grad4j.nn;

import org.grad4j.tensor.Gemm;
import org.grad4j.tensor.Rows;
import org.grad4j.tensor.SparseProduct;
import org.grad4j.tensor.SparseRows;
import org.grad4j.tensor.Tensor;
import org.grad4j.tensor.TwoCores;

/**
 * One plain SGD step ({@code p -= lr * grad}) of a {@link FeedForwardNet} on a dense batch, in three
 * phases that each run on two cores, the calling thread and the {@link TwoCores} worker given to the
 * constructor (owned by the caller, typically a training run):
 * <ol>
 *   <li>by input columns: each core writes its half of the batch's columns ({@link BatchColumns}) and
 *       multiplies them with its half of the rows of {@code W1}: {@code P_h = X[:, C_h] W1[C_h, :]};</li>
 *   <li>by rows of the batch: each core takes half of the examples through the rest of the network
 *       and back, {@code A1 = P_0 + P_1 + b1}, the activations, the softmax and its cross-entropy,
 *       {@code dY = (Y - T) / N}, down to {@code dA1}; the weight and bias gradients of its rows
 *       ({@code Z^T dA} over its rows) go into partial sums of its own;</li>
 *   <li>by input columns again: {@code W1[C_h, :] -= lr X[:, C_h]^T dA1}, one product with
 *       {@code alpha = -lr}, each core on the rows of {@code W1} whose columns of {@code X} it wrote.</li>
 * </ol>
 * Between phases 2 and 3 the caller adds the two halves' partial sums and updates the other
 * weights and all biases. The caller's core would otherwise do phase 2 alone while the second
 * waits: the small layers took 50-80 us of a 450 us step.
 *
 * <p>For a sparse input ({@link SparseRows}) phase 1 is the sparse product {@code X W1 + b1} and
 * phase 3 the sparse {@code dW1 = X^T dA1} (both split over two cores by {@link SparseProduct}),
 * followed by {@code W1 -= lr dW1} on two cores by rows of {@code W1}, all with the same worker.
 *
 * <p>The split points are fixed (the middle column, the middle row), so results do not depend on
 * which thread ran a half, nor on whether a second core is available (the caller then runs both
 * halves itself, in order: so with {@link TwoCores#off()}, or while another thread holds the worker). The weight gradients are summed half by half, so they differ from those
 * of {@link FeedForwardNet#gradient} by rounding. Not thread-safe; allocates nothing once its
 * buffers exist for the batch size.
 */
final class SgdStep implements TwoCores.Task {

    private final Affine[] affines;
    private final TwoCores cores;
    private final boolean sigmoid;
    private final int layers;

    private int batch = -1;
    /** Per layer: pre-activations {@code A}, activations {@code Z} (softmax output for the last), {@code dA}. */
    private Tensor[] a;
    private Tensor[] z;
    private Tensor[] d;
    /** Per layer below the last: {@code dZ = dA_next W_next^T}. */
    private Tensor[] dz;
    private double[] part;
    private double[] lse;
    /** Per half and layer: the half's share of {@code dW} (layers from the second on) and of {@code db}. */
    private final double[][][] dW = new double[2][][];
    private final double[][][] db = new double[2][][];
    private final double[] loss = new double[2];

    private int phase;
    private BatchColumns columns;
    private BatchColumns next;
    private Tensor x;
    /** The batch whose phase 1 the last call computed (with {@link #preparedX}), or null. */
    private BatchColumns prepared;
    private Tensor preparedX;
    private SparseRows xs;
    private int[] idx;
    private int from;
    private SparseProduct sparse;
    private double[] dW1;
    private int[] t;
    private double lr;

    /** A step over {@code affines} whose halves go to {@code cores} (not closed here). */
    SgdStep(Affine[] affines, Activation activation, TwoCores cores) {
        this.affines = affines;
        this.cores = cores;
        this.sigmoid = activation != Activation.RELU;
        this.layers = affines.length;
        for (int h = 0; h < 2; h++) {
            dW[h] = new double[layers][];
            db[h] = new double[layers][];
            for (int l = 0; l < layers; l++) {
                Tensor w = affines[l].w();
                dW[h][l] = l == 0 ? null : new double[w.size()];
                db[h][l] = affines[l].b() == null ? null : new double[w.cols()];
            }
        }
    }

    /**
     * The step on {@code x} ({@code batch x inputs}, filled by {@code columns} when it is not null,
     * else already filled) with class labels {@code t}. Returns the mean cross-entropy before the
     * step; when it is not finite, nothing is updated.
     *
     * <p>With {@code next} not null, phase 3 goes on, on each core, to the next batch's phase 1: it
     * writes its columns into {@code x} and multiplies them with the rows of {@code W1} the same
     * core has just updated (no core needs the other's rows, so the two phases need no hand-off
     * between them: one of the three per step fewer). A following call with {@code next} as its
     * {@code columns} and the same {@code x} starts from that product; the weights must not change
     * in between (evaluating the network, which only reads them, is fine). The numbers are those of
     * two separate calls.
     */
    double run(BatchColumns columns, BatchColumns next, Tensor x, int[] t, double lr) {
        checkLabels(t, x.rows());
        if (x.rows() != batch) {
            prepared = null;
        }
        buffers(x.rows());
        boolean ready = columns != null && columns == prepared && x == preparedX;
        prepared = null;
        preparedX = null;
        this.columns = columns;
        this.next = next;
        this.x = x;
        try {
            double loss = step(t, lr, ready);
            if (next != null && Double.isFinite(loss)) {
                prepared = next;
                preparedX = x;
            }
            return loss;
        } finally {
            this.columns = null;
            this.next = null;
            this.x = null;
        }
    }

    /**
     * The step on the rows {@code idx[from .. from+count)} of a sparse input: phase 1 is the sparse
     * product {@code X W1 + b1} ({@link SparseProduct}, itself on two cores), phase 3 the sparse
     * {@code dW1 = X^T dA1} followed by {@code W1 -= lr dW1} on two cores.
     */
    double run(SparseRows xs, int[] idx, int from, int count, int[] t, double lr) {
        checkLabels(t, count);
        buffers(count);
        if (sparse == null) {
            sparse = new SparseProduct(cores);
            dW1 = new double[affines[0].w().size()];
        }
        prepared = null;
        preparedX = null;
        this.xs = xs;
        this.idx = idx;
        this.from = from;
        try {
            return step(t, lr, false);
        } finally {
            this.xs = null;
            this.idx = null;
        }
    }

    private void checkLabels(int[] t, int n) {
        int classes = affines[layers - 1].w().cols();
        for (int i = 0; i < n; i++) {
            if (t[i] < 0 || t[i] >= classes) {
                throw new IllegalArgumentException("SoftmaxWithLoss: label " + t[i] + " at " + i + " outside [0, "
                        + classes + ")");
            }
        }
    }

    /** Phases 1 (unless {@code ready}: a previous call computed it), 2 and 3. */
    private double step(int[] t, double lr, boolean ready) {
        this.t = t;
        this.lr = lr;
        try {
            Affine first = affines[0];
            if (xs != null) {
                sparse.times(xs, idx, from, batch, first.w().data(), first.w().cols(),
                        first.b() == null ? null : first.b().data(), a[0].data(), true);
            } else if (!ready) {
                phase(1);
            }
            phase(2);
            double mean = (loss[0] + loss[1]) / batch;
            if (!Double.isFinite(mean)) {
                return mean;
            }
            for (int l = 0; l < layers; l++) {
                if (l > 0) {
                    descend(affines[l].w().data(), dW[0][l], dW[1][l], null);
                }
                if (affines[l].b() != null) {
                    descend(affines[l].b().data(), db[0][l], db[1][l], affines[l].db().data());
                }
            }
            if (xs != null) {
                sparse.transposeTimes(d[0].data(), dW1);
            }
            phase(3);
            return mean;
        } finally {
            this.t = null;
        }
    }

    /** {@code p -= lr * (g0 + g1)}; the sum also into {@code sum} when it is not null. */
    private void descend(double[] p, double[] g0, double[] g1, double[] sum) {
        for (int i = 0; i < p.length; i++) {
            double g = g0[i] + g1[i];
            if (sum != null) {
                sum[i] = g;
            }
            p[i] -= lr * g;
        }
    }

    private void phase(int p) {
        phase = p;
        if (cores.acquire()) {
            cores.run(this);
        } else {
            run(0);
            run(1);
        }
    }

    @Override
    public void run(int half) {
        int inputs = affines[0].w().rows();
        int c0 = half == 0 ? 0 : inputs / 2;
        int c1 = half == 0 ? inputs / 2 : inputs;
        int n = batch;
        int r0 = half == 0 ? 0 : n / 2;
        int r1 = half == 0 ? n / 2 : n;
        switch (phase) {
            case 1 -> first(columns, half, c0, c1);
            case 2 -> {
                if (next != null) {
                    next.readAhead(c0, c1);
                }
                middle(half, r0, r1);
            }
            default -> {
                if (xs != null) {
                    int cols = affines[0].w().cols();
                    Rows.axpy(-lr, dW1, affines[0].w().data(), c0 * cols, c1 * cols);
                } else {
                    Gemm.gemmRows(true, false, -lr, x, d[0], 1.0, affines[0].w(), c0, c1);
                    if (next != null) {
                        first(next, half, c0, c1);
                    }
                }
            }
        }
    }

    /** Phase 1 on one core: columns {@code [c0, c1)} of the batch, and their share of {@code x W1}. */
    private void first(BatchColumns batchColumns, int half, int c0, int c1) {
        if (batchColumns != null) {
            batchColumns.fill(x.data(), c0, c1);
        }
        Gemm.gemmInner(false, false, 1.0, x, affines[0].w(), 0.0, half == 0 ? a[0].data() : part, c0, c1);
    }

    /** Rows {@code [r0, r1)} forward from the first product and back to {@code dA1}. */
    private void middle(int half, int r0, int r1) {
        Affine first = affines[0];
        int n1 = first.w().cols();
        if (xs == null) { // the sparse product has added the bias
            Rows.addPartAndBias(a[0].data(), part, first.b() == null ? null : first.b().data(), n1, r0, r1);
        }
        for (int l = 0; l < layers - 1; l++) {
            int cols = a[l].cols();
            activate(a[l].data(), z[l].data(), r0 * cols, r1 * cols);
            Affine next = affines[l + 1];
            Gemm.gemmRows(false, false, 1.0, z[l], next.w(), 0.0, a[l + 1], r0, r1);
            Rows.addPartAndBias(a[l + 1].data(), null, next.b() == null ? null : next.b().data(), a[l + 1].cols(),
                    r0, r1);
        }
        int last = layers - 1;
        int k = a[last].cols();
        double[] scores = a[last].data();
        double[] y = z[last].data();
        Rows.softmax(scores, y, lse, k, r0, r1);
        loss[half] = Rows.crossEntropy(scores, lse, t, k, r0, r1);
        Rows.crossEntropyBackward(y, t, 1.0 / batch, d[last].data(), k, r0, r1);
        for (int l = last; l >= 0; l--) {
            if (db[half][l] != null) {
                Rows.sumColumns(d[l].data(), d[l].cols(), r0, r1, db[half][l]);
            }
            if (l == 0) {
                break;
            }
            Gemm.gemmInner(true, false, 1.0, z[l - 1], d[l], 0.0, dW[half][l], r0, r1);
            Gemm.gemmRows(false, true, 1.0, d[l], affines[l].w(), 0.0, dz[l - 1], r0, r1);
            int cols = d[l - 1].cols();
            if (sigmoid) {
                Rows.sigmoidBackward(dz[l - 1].data(), z[l - 1].data(), d[l - 1].data(), r0 * cols, r1 * cols);
            } else {
                Rows.reluBackward(dz[l - 1].data(), z[l - 1].data(), d[l - 1].data(), r0 * cols, r1 * cols);
            }
        }
    }

    private void activate(double[] in, double[] out, int from, int to) {
        if (sigmoid) {
            Rows.sigmoid(in, out, from, to);
        } else {
            Rows.relu(in, out, from, to);
        }
    }

    private void buffers(int n) {
        if (n == batch) {
            return;
        }
        a = new Tensor[layers];
        z = new Tensor[layers];
        d = new Tensor[layers];
        dz = new Tensor[layers];
        for (int l = 0; l < layers; l++) {
            int cols = affines[l].w().cols();
            a[l] = Tensor.zeros(n, cols);
            z[l] = Tensor.zeros(n, cols);
            d[l] = Tensor.zeros(n, cols);
            dz[l] = l < layers - 1 ? Tensor.zeros(n, cols) : null;
        }
        part = new double[n * affines[0].w().cols()];
        lse = new double[n];
        batch = n;
    }
}
