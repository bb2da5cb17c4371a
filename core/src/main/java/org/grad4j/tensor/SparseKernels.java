package org.grad4j.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernels of {@link SparseProduct}; this class is only loaded when the module
 * {@code jdk.incubator.vector} is present.
 *
 * <p>Both kernels keep a window of {@link #WINDOW} = 28 output columns in 7 vector registers of 4
 * doubles and add one scaled row per nonzero input entry. The windows of {@code n} columns start at
 * {@code 0, 28, 56, ...}, the last one at {@code n - 28} so that it ends at the last column; it may
 * overlap the one before, and overlapping columns receive the same products in the same order, so
 * they are written twice with identical values. The offsets inside a window are constants, which lets
 * the JIT compiler merge the 7 bounds checks of a row into one.
 */
final class SparseKernels {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    /** Columns of one window: 7 vectors of 4. Products need at least this many output columns. */
    static final int WINDOW = 28;

    private SparseKernels() {
    }

    /** Number of column windows for {@code n >= WINDOW} output columns. */
    static int windows(int n) {
        return (n + WINDOW - 1) / WINDOW;
    }

    /** First column of window {@code win} of {@code n}. */
    static int windowStart(int win, int n) {
        return Math.min(win * WINDOW, n - WINDOW);
    }

    /**
     * Rows {@code [r0, r1)} of {@code out = X[rows] W + bias}, where row {@code r} of the product is
     * sample {@code rows[r]} of the sparse matrix. Input columns are taken in blocks of {@code block}
     * so that the rows of {@code W} in use stay in the L1 cache. When {@code cnt != null} each nonzero
     * {@code (r, k)} is also appended to the bucket of column {@code k}: {@code bRow[k * cap + c] = r - r0},
     * {@code bCode[k * cap + c] = code}, {@code c = cnt[k]++} (in increasing {@code r}), for
     * {@link #transposeTimes}.
     */
    static void times(int[] start, char[] index, byte[] code, double[] levels, int[] rows, int r0, int r1,
            int cols, int block, double[] w, int n, double[] bias, double[] out, int[] cursor,
            int[] cnt, char[] bRow, byte[] bCode, int cap) {
        int nw = windows(n);
        for (int win = 0; win < nw; win++) {
            int c0 = windowStart(win, n);
            boolean record = cnt != null && win == 0;
            for (int r = r0; r < r1; r++) {
                cursor[r] = start[rows[r]];
            }
            for (int kb = 0; kb < cols; kb += block) {
                int kEnd = Math.min(cols, kb + block);
                for (int r = r0; r < r1; r++) {
                    int p = cursor[r];
                    int end = start[rows[r] + 1];
                    int ob = r * n + c0;
                    DoubleVector a0;
                    DoubleVector a1;
                    DoubleVector a2;
                    DoubleVector a3;
                    DoubleVector a4;
                    DoubleVector a5;
                    DoubleVector a6;
                    if (kb == 0) {
                        if (bias == null) {
                            a0 = DoubleVector.zero(S);
                            a1 = a0;
                            a2 = a0;
                            a3 = a0;
                            a4 = a0;
                            a5 = a0;
                            a6 = a0;
                        } else {
                            a0 = DoubleVector.fromArray(S, bias, c0);
                            a1 = DoubleVector.fromArray(S, bias, c0 + 4);
                            a2 = DoubleVector.fromArray(S, bias, c0 + 8);
                            a3 = DoubleVector.fromArray(S, bias, c0 + 12);
                            a4 = DoubleVector.fromArray(S, bias, c0 + 16);
                            a5 = DoubleVector.fromArray(S, bias, c0 + 20);
                            a6 = DoubleVector.fromArray(S, bias, c0 + 24);
                        }
                    } else {
                        if (p == end || index[p] >= kEnd) {
                            continue; // nothing of this row in the block: the partial sums stay in out
                        }
                        a0 = DoubleVector.fromArray(S, out, ob);
                        a1 = DoubleVector.fromArray(S, out, ob + 4);
                        a2 = DoubleVector.fromArray(S, out, ob + 8);
                        a3 = DoubleVector.fromArray(S, out, ob + 12);
                        a4 = DoubleVector.fromArray(S, out, ob + 16);
                        a5 = DoubleVector.fromArray(S, out, ob + 20);
                        a6 = DoubleVector.fromArray(S, out, ob + 24);
                    }
                    for (; p < end; p++) {
                        int k = index[p];
                        if (k >= kEnd) {
                            break;
                        }
                        byte cd = code[p];
                        DoubleVector xv = DoubleVector.broadcast(S, levels[cd & 0xFF]);
                        int wb = k * n + c0;
                        a0 = DoubleVector.fromArray(S, w, wb).fma(xv, a0);
                        a1 = DoubleVector.fromArray(S, w, wb + 4).fma(xv, a1);
                        a2 = DoubleVector.fromArray(S, w, wb + 8).fma(xv, a2);
                        a3 = DoubleVector.fromArray(S, w, wb + 12).fma(xv, a3);
                        a4 = DoubleVector.fromArray(S, w, wb + 16).fma(xv, a4);
                        a5 = DoubleVector.fromArray(S, w, wb + 20).fma(xv, a5);
                        a6 = DoubleVector.fromArray(S, w, wb + 24).fma(xv, a6);
                        if (record) {
                            int q = k * cap + cnt[k]++;
                            bRow[q] = (char) (r - r0);
                            bCode[q] = cd;
                        }
                    }
                    cursor[r] = p;
                    a0.intoArray(out, ob);
                    a1.intoArray(out, ob + 4);
                    a2.intoArray(out, ob + 8);
                    a3.intoArray(out, ob + 12);
                    a4.intoArray(out, ob + 16);
                    a5.intoArray(out, ob + 20);
                    a6.intoArray(out, ob + 24);
                }
            }
        }
    }

    /**
     * Rows {@code [k0, k1)} of {@code dW = X[rows]^T d}: row {@code k} is the sum, over the entries of
     * the buckets of column {@code k} (set 0, then set 1, whose rows start at {@code split}), of
     * {@code level(code) * d[row, :]}. Rows whose buckets are empty become 0.
     */
    static void transposeTimes(double[] levels, int k0, int k1, double[] d, int n, double[] dW,
            int[] cnt0, char[] row0, byte[] code0, int[] cnt1, char[] row1, byte[] code1, int cap, int split) {
        int nw = windows(n);
        for (int win = 0; win < nw; win++) {
            int c0 = windowStart(win, n);
            for (int k = k0; k < k1; k++) {
                DoubleVector a0 = DoubleVector.zero(S);
                DoubleVector a1 = a0;
                DoubleVector a2 = a0;
                DoubleVector a3 = a0;
                DoubleVector a4 = a0;
                DoubleVector a5 = a0;
                DoubleVector a6 = a0;
                // the two bucket sets in two plain loops: a first version that looped over the sets
                // (choosing the arrays per set, with 13 accumulators) had its vectors boxed by the JIT
                int q0 = k * cap;
                int q0End = q0 + cnt0[k];
                for (int q = q0; q < q0End; q++) {
                    DoubleVector xv = DoubleVector.broadcast(S, levels[code0[q] & 0xFF]);
                    int db = row0[q] * n + c0;
                    a0 = DoubleVector.fromArray(S, d, db).fma(xv, a0);
                    a1 = DoubleVector.fromArray(S, d, db + 4).fma(xv, a1);
                    a2 = DoubleVector.fromArray(S, d, db + 8).fma(xv, a2);
                    a3 = DoubleVector.fromArray(S, d, db + 12).fma(xv, a3);
                    a4 = DoubleVector.fromArray(S, d, db + 16).fma(xv, a4);
                    a5 = DoubleVector.fromArray(S, d, db + 20).fma(xv, a5);
                    a6 = DoubleVector.fromArray(S, d, db + 24).fma(xv, a6);
                }
                int q1End = q0 + cnt1[k];
                for (int q = q0; q < q1End; q++) {
                    DoubleVector xv = DoubleVector.broadcast(S, levels[code1[q] & 0xFF]);
                    int db = (row1[q] + split) * n + c0;
                    a0 = DoubleVector.fromArray(S, d, db).fma(xv, a0);
                    a1 = DoubleVector.fromArray(S, d, db + 4).fma(xv, a1);
                    a2 = DoubleVector.fromArray(S, d, db + 8).fma(xv, a2);
                    a3 = DoubleVector.fromArray(S, d, db + 12).fma(xv, a3);
                    a4 = DoubleVector.fromArray(S, d, db + 16).fma(xv, a4);
                    a5 = DoubleVector.fromArray(S, d, db + 20).fma(xv, a5);
                    a6 = DoubleVector.fromArray(S, d, db + 24).fma(xv, a6);
                }
                int wb = k * n + c0;
                a0.intoArray(dW, wb);
                a1.intoArray(dW, wb + 4);
                a2.intoArray(dW, wb + 8);
                a3.intoArray(dW, wb + 12);
                a4.intoArray(dW, wb + 16);
                a5.intoArray(dW, wb + 20);
                a6.intoArray(dW, wb + 24);
            }
        }
    }
}
