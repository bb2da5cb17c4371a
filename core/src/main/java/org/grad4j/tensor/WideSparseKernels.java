package org.grad4j.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels of {@link SparseProduct} for outputs of at least {@link #MIN} columns, such as the 50
 * hidden units of the book's network: the same sums as {@link SparseKernels}, with a window of up to
 * 13 vectors of 4 doubles (52 columns) kept in registers instead of 7. All 50 columns of a row then
 * fit in one window, so each nonzero input entry is read once (not once per window) and each of its
 * rows of {@code W} is streamed once: on the 2-core AMD EPYC measured, the forward product took 6.3-7.1
 * ns per nonzero entry against 10-18 for two windows of 28 (single core, batches of 100 Fashion-MNIST
 * and MNIST images; the 16 vector registers of AVX2 hold the 13 sums, the broadcast entry and two
 * loaded vectors).
 *
 * <p>A window at column {@code c0} holds 12 vectors at the constant offsets {@code c0, c0 + 4, ...,
 * c0 + 44} and a 13th at {@code c0 + last}, {@code last = min(48, n - c0 - 4)}: the 13th may overlap
 * the 12th (for {@code 48 <= n < 52}) and the last window may overlap the one before; overlapping
 * columns receive the same products in the same order, so they are written twice with identical
 * values. This class is only loaded when the module {@code jdk.incubator.vector} is present.
 */
final class WideSparseKernels {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    /** Fewest output columns these kernels take: the 12 vectors at constant offsets. */
    static final int MIN = 48;

    /** Columns of a full window: 13 vectors of 4. */
    static final int WINDOW = 52;

    private WideSparseKernels() {
    }

    /** Number of column windows for {@code n >= MIN} output columns. */
    static int windows(int n) {
        return (n + WINDOW - 1) / WINDOW;
    }

    /** First column of window {@code win} of {@code n}. */
    static int windowStart(int win, int n) {
        return Math.max(0, Math.min(win * WINDOW, n - WINDOW));
    }

    /**
     * Rows {@code [r0, r1)} of {@code out = X[rows] W + init}, as {@link SparseKernels#times} (the
     * same bucket recording when {@code cnt != null}, for a half batch starting at row {@code r0}),
     * one row per call of a small kernel: the JIT compiler compiles that in a fraction of the time a
     * kernel with the loops over rows and windows took (which it also compiled twice, the second time
     * for the loop it was running in).
     *
     * @param init {@code n} values the sums start from: the bias, or zeros
     */
    static void times(int[] start, char[] index, byte[] code, double[] levels, int[] rows, int r0, int r1,
            double[] w, int n, double[] init, double[] out, int[] cnt, char[] bRow, byte[] bCode, int cap) {
        int nw = windows(n);
        for (int win = 0; win < nw; win++) {
            int c0 = windowStart(win, n);
            int lastOff = Math.min(48, n - c0 - 4);
            for (int r = r0; r < r1; r++) {
                int from = start[rows[r]];
                int to = start[rows[r] + 1];
                if (cnt != null && win == 0) {
                    rowRecording(index, code, levels, from, to, w, n, c0, lastOff, init, out, r * n + c0, cnt, bRow,
                            bCode, cap, (char) (r - r0));
                } else {
                    row(index, code, levels, from, to, w, n, c0, lastOff, init, out, r * n + c0);
                }
            }
        }
    }

    /** One window of one row: {@code out[ob + j] = init[c0 + j] + sum_p levels[code[p]] W[index[p], c0 + j]}. */
    private static void row(char[] index, byte[] code, double[] levels, int from, int to, double[] w, int n,
            int c0, int lastOff, double[] init, double[] out, int ob) {
        DoubleVector a0 = DoubleVector.fromArray(S, init, c0 + 0);
        DoubleVector a1 = DoubleVector.fromArray(S, init, c0 + 4);
        DoubleVector a2 = DoubleVector.fromArray(S, init, c0 + 8);
        DoubleVector a3 = DoubleVector.fromArray(S, init, c0 + 12);
        DoubleVector a4 = DoubleVector.fromArray(S, init, c0 + 16);
        DoubleVector a5 = DoubleVector.fromArray(S, init, c0 + 20);
        DoubleVector a6 = DoubleVector.fromArray(S, init, c0 + 24);
        DoubleVector a7 = DoubleVector.fromArray(S, init, c0 + 28);
        DoubleVector a8 = DoubleVector.fromArray(S, init, c0 + 32);
        DoubleVector a9 = DoubleVector.fromArray(S, init, c0 + 36);
        DoubleVector a10 = DoubleVector.fromArray(S, init, c0 + 40);
        DoubleVector a11 = DoubleVector.fromArray(S, init, c0 + 44);
        DoubleVector a12 = DoubleVector.fromArray(S, init, c0 + lastOff);
        for (int p = from; p < to; p++) {
            DoubleVector xv = DoubleVector.broadcast(S, levels[code[p] & 0xFF]);
            int wb = index[p] * n + c0;
            a0 = DoubleVector.fromArray(S, w, wb + 0).fma(xv, a0);
            a1 = DoubleVector.fromArray(S, w, wb + 4).fma(xv, a1);
            a2 = DoubleVector.fromArray(S, w, wb + 8).fma(xv, a2);
            a3 = DoubleVector.fromArray(S, w, wb + 12).fma(xv, a3);
            a4 = DoubleVector.fromArray(S, w, wb + 16).fma(xv, a4);
            a5 = DoubleVector.fromArray(S, w, wb + 20).fma(xv, a5);
            a6 = DoubleVector.fromArray(S, w, wb + 24).fma(xv, a6);
            a7 = DoubleVector.fromArray(S, w, wb + 28).fma(xv, a7);
            a8 = DoubleVector.fromArray(S, w, wb + 32).fma(xv, a8);
            a9 = DoubleVector.fromArray(S, w, wb + 36).fma(xv, a9);
            a10 = DoubleVector.fromArray(S, w, wb + 40).fma(xv, a10);
            a11 = DoubleVector.fromArray(S, w, wb + 44).fma(xv, a11);
            a12 = DoubleVector.fromArray(S, w, wb + lastOff).fma(xv, a12);
        }
        a0.intoArray(out, ob + 0);
        a1.intoArray(out, ob + 4);
        a2.intoArray(out, ob + 8);
        a3.intoArray(out, ob + 12);
        a4.intoArray(out, ob + 16);
        a5.intoArray(out, ob + 20);
        a6.intoArray(out, ob + 24);
        a7.intoArray(out, ob + 28);
        a8.intoArray(out, ob + 32);
        a9.intoArray(out, ob + 36);
        a10.intoArray(out, ob + 40);
        a11.intoArray(out, ob + 44);
        a12.intoArray(out, ob + lastOff);
    }

    /**
     * As {@link #row}, also appending each nonzero {@code (relRow, code)} to the bucket of its column.
     * A copy of {@link #row} rather than a flag inside it, as in {@link SparseKernels}: the forward
     * pass of an evaluation (no buckets) keeps a loop with nothing but the 13 loads and multiply-adds.
     */
    private static void rowRecording(char[] index, byte[] code, double[] levels, int from, int to, double[] w,
            int n, int c0, int lastOff, double[] init, double[] out, int ob, int[] cnt, char[] bRow, byte[] bCode,
            int cap, char relRow) {
        DoubleVector a0 = DoubleVector.fromArray(S, init, c0 + 0);
        DoubleVector a1 = DoubleVector.fromArray(S, init, c0 + 4);
        DoubleVector a2 = DoubleVector.fromArray(S, init, c0 + 8);
        DoubleVector a3 = DoubleVector.fromArray(S, init, c0 + 12);
        DoubleVector a4 = DoubleVector.fromArray(S, init, c0 + 16);
        DoubleVector a5 = DoubleVector.fromArray(S, init, c0 + 20);
        DoubleVector a6 = DoubleVector.fromArray(S, init, c0 + 24);
        DoubleVector a7 = DoubleVector.fromArray(S, init, c0 + 28);
        DoubleVector a8 = DoubleVector.fromArray(S, init, c0 + 32);
        DoubleVector a9 = DoubleVector.fromArray(S, init, c0 + 36);
        DoubleVector a10 = DoubleVector.fromArray(S, init, c0 + 40);
        DoubleVector a11 = DoubleVector.fromArray(S, init, c0 + 44);
        DoubleVector a12 = DoubleVector.fromArray(S, init, c0 + lastOff);
        for (int p = from; p < to; p++) {
            int k = index[p];
            byte cd = code[p];
            DoubleVector xv = DoubleVector.broadcast(S, levels[cd & 0xFF]);
            int wb = k * n + c0;
            a0 = DoubleVector.fromArray(S, w, wb + 0).fma(xv, a0);
            a1 = DoubleVector.fromArray(S, w, wb + 4).fma(xv, a1);
            a2 = DoubleVector.fromArray(S, w, wb + 8).fma(xv, a2);
            a3 = DoubleVector.fromArray(S, w, wb + 12).fma(xv, a3);
            a4 = DoubleVector.fromArray(S, w, wb + 16).fma(xv, a4);
            a5 = DoubleVector.fromArray(S, w, wb + 20).fma(xv, a5);
            a6 = DoubleVector.fromArray(S, w, wb + 24).fma(xv, a6);
            a7 = DoubleVector.fromArray(S, w, wb + 28).fma(xv, a7);
            a8 = DoubleVector.fromArray(S, w, wb + 32).fma(xv, a8);
            a9 = DoubleVector.fromArray(S, w, wb + 36).fma(xv, a9);
            a10 = DoubleVector.fromArray(S, w, wb + 40).fma(xv, a10);
            a11 = DoubleVector.fromArray(S, w, wb + 44).fma(xv, a11);
            a12 = DoubleVector.fromArray(S, w, wb + lastOff).fma(xv, a12);
            int q = k * cap + cnt[k]++;
            bRow[q] = relRow;
            bCode[q] = cd;
        }
        a0.intoArray(out, ob + 0);
        a1.intoArray(out, ob + 4);
        a2.intoArray(out, ob + 8);
        a3.intoArray(out, ob + 12);
        a4.intoArray(out, ob + 16);
        a5.intoArray(out, ob + 20);
        a6.intoArray(out, ob + 24);
        a7.intoArray(out, ob + 28);
        a8.intoArray(out, ob + 32);
        a9.intoArray(out, ob + 36);
        a10.intoArray(out, ob + 40);
        a11.intoArray(out, ob + 44);
        a12.intoArray(out, ob + lastOff);
    }

    /**
     * Rows {@code [k0, k1)} of {@code dW = X[rows]^T d}, as {@link SparseKernels#transposeTimes}, with
     * the wider window, one row of {@code dW} per call of a small kernel.
     */
    static void transposeTimes(double[] levels, int k0, int k1, double[] d, int n, double[] dW,
            int[] cnt0, char[] row0, byte[] code0, int[] cnt1, char[] row1, byte[] code1, int cap, int split) {
        int nw = windows(n);
        for (int win = 0; win < nw; win++) {
            int c0 = windowStart(win, n);
            int lastOff = Math.min(48, n - c0 - 4);
            for (int k = k0; k < k1; k++) {
                int q0 = k * cap;
                column(levels, q0, q0 + cnt0[k], row0, code0, q0 + cnt1[k], row1, code1, split, d, n, c0, lastOff, dW,
                        k * n + c0);
            }
        }
    }

    /** One window of one row of {@code dW}: the entries of bucket set 0, then those of set 1. */
    private static void column(double[] levels, int q0, int q0End, char[] row0, byte[] code0, int q1End,
            char[] row1, byte[] code1, int split, double[] d, int n, int c0, int lastOff, double[] dW, int wb) {
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        DoubleVector a4 = a0;
        DoubleVector a5 = a0;
        DoubleVector a6 = a0;
        DoubleVector a7 = a0;
        DoubleVector a8 = a0;
        DoubleVector a9 = a0;
        DoubleVector a10 = a0;
        DoubleVector a11 = a0;
        DoubleVector a12 = a0;
        // the two bucket sets in two plain loops: a first version that looped over the sets
        // (choosing the arrays per set, with 13 accumulators) had its vectors boxed by the JIT
        for (int q = q0; q < q0End; q++) {
            DoubleVector xv = DoubleVector.broadcast(S, levels[code0[q] & 0xFF]);
            int db = row0[q] * n + c0;
            a0 = DoubleVector.fromArray(S, d, db + 0).fma(xv, a0);
            a1 = DoubleVector.fromArray(S, d, db + 4).fma(xv, a1);
            a2 = DoubleVector.fromArray(S, d, db + 8).fma(xv, a2);
            a3 = DoubleVector.fromArray(S, d, db + 12).fma(xv, a3);
            a4 = DoubleVector.fromArray(S, d, db + 16).fma(xv, a4);
            a5 = DoubleVector.fromArray(S, d, db + 20).fma(xv, a5);
            a6 = DoubleVector.fromArray(S, d, db + 24).fma(xv, a6);
            a7 = DoubleVector.fromArray(S, d, db + 28).fma(xv, a7);
            a8 = DoubleVector.fromArray(S, d, db + 32).fma(xv, a8);
            a9 = DoubleVector.fromArray(S, d, db + 36).fma(xv, a9);
            a10 = DoubleVector.fromArray(S, d, db + 40).fma(xv, a10);
            a11 = DoubleVector.fromArray(S, d, db + 44).fma(xv, a11);
            a12 = DoubleVector.fromArray(S, d, db + lastOff).fma(xv, a12);
        }
        for (int q = q0; q < q1End; q++) {
            DoubleVector xv = DoubleVector.broadcast(S, levels[code1[q] & 0xFF]);
            int db = (row1[q] + split) * n + c0;
            a0 = DoubleVector.fromArray(S, d, db + 0).fma(xv, a0);
            a1 = DoubleVector.fromArray(S, d, db + 4).fma(xv, a1);
            a2 = DoubleVector.fromArray(S, d, db + 8).fma(xv, a2);
            a3 = DoubleVector.fromArray(S, d, db + 12).fma(xv, a3);
            a4 = DoubleVector.fromArray(S, d, db + 16).fma(xv, a4);
            a5 = DoubleVector.fromArray(S, d, db + 20).fma(xv, a5);
            a6 = DoubleVector.fromArray(S, d, db + 24).fma(xv, a6);
            a7 = DoubleVector.fromArray(S, d, db + 28).fma(xv, a7);
            a8 = DoubleVector.fromArray(S, d, db + 32).fma(xv, a8);
            a9 = DoubleVector.fromArray(S, d, db + 36).fma(xv, a9);
            a10 = DoubleVector.fromArray(S, d, db + 40).fma(xv, a10);
            a11 = DoubleVector.fromArray(S, d, db + 44).fma(xv, a11);
            a12 = DoubleVector.fromArray(S, d, db + lastOff).fma(xv, a12);
        }
        a0.intoArray(dW, wb + 0);
        a1.intoArray(dW, wb + 4);
        a2.intoArray(dW, wb + 8);
        a3.intoArray(dW, wb + 12);
        a4.intoArray(dW, wb + 16);
        a5.intoArray(dW, wb + 20);
        a6.intoArray(dW, wb + 24);
        a7.intoArray(dW, wb + 28);
        a8.intoArray(dW, wb + 32);
        a9.intoArray(dW, wb + 36);
        a10.intoArray(dW, wb + 40);
        a11.intoArray(dW, wb + 44);
        a12.intoArray(dW, wb + lastOff);
    }
}
