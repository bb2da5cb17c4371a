package org.grad4j.tensor;

/**
 * The two products of a first layer whose input is sparse ({@link SparseRows}), for a batch of rows
 * chosen by index:
 * <pre>{@code
 * times:           out = X[idx] W + b      (forward,  batch x n)
 * transposeTimes:  dW  = X[idx]^T d        (backward, cols x n)
 * }</pre>
 * Only the nonzero entries are touched: each adds {@code x * W[k, :]} (forward) or
 * {@code x * d[r, :]} (backward) with the running sums kept in vector registers. The batch is never
 * expanded into a dense matrix. {@link #times} also sorts the batch's nonzeros by column, which is
 * what {@link #transposeTimes} reads; so the second must follow the first, for the same batch.
 *
 * <p>Sums run over the nonzeros in increasing column order (forward) and increasing row order
 * (backward), with fused multiply-adds: results agree with a dense product to rounding, and are the
 * same whether one or two cores compute them. Products of at least {@link WideSparseKernels#MIN}
 * columns (the book's 50 hidden units) keep a whole row's sums in 13 registers
 * ({@link WideSparseKernels}), narrower ones work on windows of 28 ({@link SparseKernels}). Work is
 * split over two cores, the {@link TwoCores} given to the constructor or, without one, the worker
 * bound to the calling thread ({@link TwoCores#current()}), by rows forward and by columns backward,
 * balanced by nonzero count; with no worker both halves run on the calling thread, with the same bits. Buffers are kept between calls:
 * nothing is allocated once warm. Not thread-safe.
 */
public final class SparseProduct {

    /** Input columns per block of the forward product: 64 rows of a 50-wide W are 25 KB, within L1. */
    static final int BLOCK = Integer.getInteger("grad4j.sparse.block", 64);

    /** Fewest output columns a product can have (the kernels work on windows of this many). */
    public static final int MIN_COLUMNS = 28;

    /** Rows per half batch: bucket entries store a row's position in its half as a {@code char}. */
    static final int MAX_HALF = Character.MAX_VALUE + 1;


    private final Task task = new Task();
    private final TwoCores cores;

    private SparseRows x;
    private int[] rows = new int[0];
    private int count;
    private int n;
    private int cap;
    private int split;
    private int[] cursor = new int[0];
    /** Where the wide kernel's sums start when there is no bias. */
    private double[] zeros = new double[0];
    private int[] cnt0 = new int[0];
    private int[] cnt1 = new int[0];
    private char[] row0 = new char[0];
    private char[] row1 = new char[0];
    private byte[] code0 = new byte[0];
    private byte[] code1 = new byte[0];
    private boolean ready;

    /**
     * Products whose second halves go to the worker bound to the calling thread at each call
     * ({@link TwoCores#current()}), when it is free; on the calling thread alone when none is.
     */
    public SparseProduct() {
        this.cores = null;
    }

    /**
     * Products whose second halves go to {@code cores} when it is free; the results are the same bits
     * as with any other worker, or none ({@link TwoCores#off()}).
     */
    public SparseProduct(TwoCores cores) {
        this.cores = java.util.Objects.requireNonNull(cores, "cores");
    }

    private TwoCores cores() {
        return cores != null ? cores : TwoCores.current();
    }

    /**
     * Whether the sparse products can run: they need the module {@code jdk.incubator.vector}
     * ({@code --add-modules jdk.incubator.vector}, which {@code ./grad4j} passes).
     */
    public static boolean available() {
        return VectorApi.present();
    }

    /**
     * {@code out[r, :] = X[idx[from + r], :] W + bias} for {@code r < count}.
     *
     * @param w row-major {@code x.cols() x n}
     * @param n output columns, at least {@link #MIN_COLUMNS}
     * @param bias {@code n} values, or null
     * @param out at least {@code count * n} values, row-major; only those are written
     * @throws IllegalArgumentException on a size mismatch, {@link IndexOutOfBoundsException} on a bad index
     * @throws IllegalStateException if the Vector API is not available
     */
    public void times(SparseRows x, int[] idx, int from, int count, double[] w, int n, double[] bias, double[] out) {
        times(x, idx, from, count, w, n, bias, out, true);
    }

    /**
     * As {@link #times(SparseRows, int[], int, int, double[], int, double[], double[])}; with
     * {@code forBackward} false the batch's nonzeros are not sorted for {@link #transposeTimes}
     * (a forward pass only, as for predictions), which saves that work and its buffers.
     */
    public void times(SparseRows x, int[] idx, int from, int count, double[] w, int n, double[] bias, double[] out,
            boolean forBackward) {
        if (!VectorApi.present()) {
            throw new IllegalStateException("SparseProduct needs --add-modules jdk.incubator.vector");
        }
        if (n < MIN_COLUMNS) {
            throw new IllegalArgumentException("SparseProduct: at least " + MIN_COLUMNS + " output columns, got " + n);
        }
        if ((long) x.cols() * n != w.length) {
            throw new IllegalArgumentException("SparseProduct: W has " + w.length + " values, expected "
                    + x.cols() + " x " + n);
        }
        if (bias != null && bias.length != n) {
            throw new IllegalArgumentException("SparseProduct: bias has " + bias.length + " values, expected " + n);
        }
        if (count < 1 || from < 0 || from + count > idx.length) {
            throw new IndexOutOfBoundsException("SparseProduct: positions " + from + ".." + (from + count)
                    + " outside an index array of length " + idx.length);
        }
        if (count > 2 * MAX_HALF) {
            throw new IllegalArgumentException("SparseProduct: batch of " + count + " rows, at most " + 2 * MAX_HALF);
        }
        if ((long) count * n > out.length) {
            throw new IllegalArgumentException("SparseProduct: output of " + out.length + " values cannot hold "
                    + count + " x " + n);
        }
        ready = false;
        prepare(x, count, n);
        int[] start = x.start();
        long total = 0;
        for (int r = 0; r < count; r++) {
            int i = idx[from + r];
            if (i < 0 || i >= x.rows()) {
                throw new IndexOutOfBoundsException("SparseProduct: index " + i + " at position " + (from + r)
                        + " is outside 0.." + (x.rows() - 1));
            }
            rows[r] = i;
            total += start[i + 1] - start[i];
        }
        // split the rows where half of the nonzeros are reached (each half at least one row)
        long half = total / 2;
        long seen = 0;
        int s = 1;
        while (s < count - 1) {
            int i = rows[s - 1];
            seen += start[i + 1] - start[i];
            if (seen >= half) {
                break;
            }
            s++;
        }
        split = count == 1 ? 1 : Math.max(count - MAX_HALF, Math.min(s, MAX_HALF)); // each half fits a char
        cap = Math.max(split, count - split);
        if (forBackward) {
            ensureBuckets(x.cols(), cap);
            java.util.Arrays.fill(cnt0, 0, x.cols(), 0);
            java.util.Arrays.fill(cnt1, 0, x.cols(), 0);
        }
        task.forward(w, bias, out, forBackward);
        TwoCores cores = cores();
        if (count > 1 && cores.acquire()) {
            cores.run(task);
        } else {
            task.run(0);
            task.run(1);
        }
        ready = forBackward;
    }

    /**
     * {@code dW = X[batch]^T d} for the batch of the last {@link #times} call.
     *
     * @param d {@code count x n}, row-major (the gradient of the loss with respect to {@code out})
     * @param dW {@code x.cols() x n}, overwritten
     * @throws IllegalStateException if no {@link #times} call came first
     */
    public void transposeTimes(double[] d, double[] dW) {
        if (!ready) {
            throw new IllegalStateException("SparseProduct.transposeTimes: call times(...) first");
        }
        if ((long) count * n > d.length) {
            throw new IllegalArgumentException("SparseProduct: d has " + d.length + " values, expected "
                    + count + " x " + n);
        }
        if ((long) x.cols() * n != dW.length) {
            throw new IllegalArgumentException("SparseProduct: dW has " + dW.length + " values, expected "
                    + x.cols() + " x " + n);
        }
        task.backward(d, dW);
        TwoCores cores = cores();
        if (cores.acquire()) {
            cores.run(task);
        } else {
            task.run(0);
            task.run(1);
        }
    }

    /** Rows of the current batch (valid after {@link #times}). */
    public int count() {
        return count;
    }

    private void prepare(SparseRows x, int count, int n) {
        this.x = x;
        this.count = count;
        this.n = n;
        if (zeros.length < n) {
            zeros = new double[n];
        }
        if (rows.length < count) {
            rows = new int[count];
            cursor = new int[count];
        }
    }

    private void ensureBuckets(int cols, int cap) {
        if (cnt0.length < cols) {
            cnt0 = new int[cols];
            cnt1 = new int[cols];
        }
        long size = (long) cols * cap;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("SparseProduct: batch too large for " + cols + " columns");
        }
        if (row0.length < size) {
            row0 = new char[(int) size];
            row1 = new char[(int) size];
            code0 = new byte[(int) size];
            code1 = new byte[(int) size];
        }
    }

    /** Column where half of the batch's nonzeros (by the bucket counts) are reached. */
    private int columnSplit() {
        int cols = x.cols();
        long total = 0;
        for (int k = 0; k < cols; k++) {
            total += cnt0[k] + cnt1[k];
        }
        long seen = 0;
        for (int k = 0; k < cols; k++) {
            seen += cnt0[k] + cnt1[k];
            if (2 * seen >= total) {
                return k + 1;
            }
        }
        return cols;
    }

    /** The halves of one product (reused; one product at a time). */
    private final class Task implements TwoCores.Task {
        private boolean backward;
        private boolean record;
        private double[] w;
        private double[] bias;
        private double[] out;
        private double[] d;
        private double[] dW;
        private int kSplit;

        void forward(double[] w, double[] bias, double[] out, boolean record) {
            this.backward = false;
            this.record = record;
            this.w = w;
            this.bias = bias;
            this.out = out;
        }

        void backward(double[] d, double[] dW) {
            this.backward = true;
            this.d = d;
            this.dW = dW;
            this.kSplit = columnSplit();
        }

        @Override
        public void run(int half) {
            if (!backward) {
                int r0 = half == 0 ? 0 : split;
                int r1 = half == 0 ? split : count;
                if (r0 == r1) {
                    return;
                }
                timesRows(half, r0, r1);
            } else {
                int k0 = half == 0 ? 0 : kSplit;
                int k1 = half == 0 ? kSplit : x.cols();
                transposeTimesRows(k0, k1);
            }
        }

        private void timesRows(int half, int r0, int r1) {
            int[] c = !record ? null : half == 0 ? cnt0 : cnt1;
            char[] bRow = half == 0 ? row0 : row1;
            byte[] bCode = half == 0 ? code0 : code1;
            if (n >= WideSparseKernels.MIN) {
                WideSparseKernels.times(x.start(), x.index(), x.code(), x.levels(), rows, r0, r1, w, n,
                        bias != null ? bias : zeros, out, c, bRow, bCode, cap);
            } else {
                SparseKernels.times(x.start(), x.index(), x.code(), x.levels(), rows, r0, r1, x.cols(), BLOCK, w, n,
                        bias, out, cursor, c, bRow, bCode, cap);
            }
        }

        private void transposeTimesRows(int k0, int k1) {
            if (n >= WideSparseKernels.MIN) {
                WideSparseKernels.transposeTimes(x.levels(), k0, k1, d, n, dW, cnt0, row0, code0, cnt1, row1, code1,
                        cap, split);
            } else {
                SparseKernels.transposeTimes(x.levels(), k0, k1, d, n, dW, cnt0, row0, code0, cnt1, row1, code1, cap,
                        split);
            }
        }
    }
}
