package org.grad4j.nn;

import org.grad4j.tensor.Gemm;
import org.grad4j.tensor.Rows;
import org.grad4j.tensor.Tensor;
import org.grad4j.tensor.TwoCores;

/**
 * The predicted classes ({@code argmax} of the scores) of a batch, on two cores (the calling thread
 * and the {@link TwoCores} worker given to the constructor, or this thread alone when it is off or
 * taken, with the same results):
 * each core takes half of the rows and, {@link #BLOCK} rows at a time, writes them
 * ({@link BatchRows}), takes them through every layer ({@code A = Z W + b}, the activation) and
 * writes their classes. A block's input (100 x 784 doubles for MNIST, 627 KB) stays in the core's
 * cache from its writing to its product, and no core waits for the other between layers. For a
 * sparse input the first layer's output {@code A1} is given (the sparse product, itself on two
 * cores), and each core takes its half of the rows on from the activation.
 *
 * <p>The sums are those of {@link FeedForwardNet#predict}, followed by {@code Ops.argmaxRows}, to
 * rounding: each row goes through the same BLAS product and the same {@link Rows} kernels, but
 * {@code predict} may split a product by its inner dimension or take a small one through another
 * kernel (on the chunks of 1 000 rows of an evaluation it does neither, and with native OpenBLAS
 * the scores agree bit for bit). Not thread-safe; allocates nothing once its buffers exist.
 */
final class Classify implements TwoCores.Task {

    /** Rows a core takes through the network at a time. */
    static final int BLOCK = 100;

    private final Affine[] affines;
    private final TwoCores cores;
    private final boolean sigmoid;
    private final int layers;
    /** Per half: the input block, then the output of each layer. */
    private final Tensor[][] h = new Tensor[2][];

    private BatchRows rows;
    /** The first layer's output {@code A1} ({@code count x hidden}) when the products start from it, or null. */
    private Tensor first;
    private int count;
    private int[] out;
    private double[] scores;

    /** Classes by the network of {@code affines}, half of every batch on {@code cores} (not closed here). */
    Classify(Affine[] affines, Activation activation, TwoCores cores) {
        this.affines = affines;
        this.cores = cores;
        this.sigmoid = activation != Activation.RELU;
        this.layers = affines.length;
        for (int half = 0; half < 2; half++) {
            h[half] = new Tensor[layers + 1]; // the input blocks are made on first use (not for sparse input)
            for (int l = 0; l < layers; l++) {
                h[half][l + 1] = Tensor.zeros(BLOCK, affines[l].w().cols());
            }
        }
    }

    /**
     * Classes of rows {@code [0, count)} of {@code rows} into {@code out[0 .. count)}; their scores
     * also into {@code scores} (row-major) when it is not null.
     */
    void run(BatchRows rows, int count, int[] out, double[] scores) {
        this.rows = rows;
        start(count, out, scores);
    }

    /**
     * As {@link #run(BatchRows, int, int[], double[])} from the first layer's output {@code a1}
     * (rows {@code [0, count)}, bias added, before the activation).
     */
    void runFrom(Tensor a1, int count, int[] out, double[] scores) {
        this.first = a1;
        start(count, out, scores);
    }

    private void start(int count, int[] out, double[] scores) {
        this.count = count;
        this.out = out;
        this.scores = scores;
        try {
            if (count >= 2 && cores.acquire()) {
                cores.run(this);
            } else {
                run(0);
                run(1);
            }
        } finally {
            this.rows = null;
            this.first = null;
            this.out = null;
            this.scores = null;
        }
    }

    @Override
    public void run(int half) {
        int mid = count / 2;
        int r0 = half == 0 ? 0 : mid;
        int r1 = half == 0 ? mid : count;
        Tensor[] t = h[half];
        int classes = affines[layers - 1].w().cols();
        for (int b = r0; b < r1; b += BLOCK) {
            int n = Math.min(BLOCK, r1 - b);
            int l = 0;
            if (first != null) {
                int cols = first.cols();
                System.arraycopy(first.data(), b * cols, t[1].data(), 0, n * cols);
                if (layers > 1) {
                    activate(t[1].data(), n * cols);
                }
                l = 1;
            } else {
                if (t[0] == null) {
                    t[0] = Tensor.zeros(BLOCK, affines[0].w().rows());
                }
                rows.fill(b, b + n, t[0].data());
            }
            for (; l < layers; l++) {
                Affine a = affines[l];
                int cols = a.w().cols();
                double[] z = t[l + 1].data();
                Gemm.gemmRows(false, false, 1.0, t[l], a.w(), 0.0, t[l + 1], 0, n);
                Rows.addPartAndBias(z, null, a.b() == null ? null : a.b().data(), cols, 0, n);
                if (l < layers - 1) {
                    activate(z, n * cols);
                }
            }
            double[] s = t[layers].data();
            Rows.argmax(s, classes, 0, n, out, b);
            if (scores != null) {
                System.arraycopy(s, 0, scores, b * classes, n * classes);
            }
        }
    }

    /** The activation of {@code z[0 .. size)}, in place. */
    private void activate(double[] z, int size) {
        if (sigmoid) {
            Rows.sigmoid(z, z, 0, size);
        } else {
            Rows.relu(z, z, 0, size);
        }
    }
}
