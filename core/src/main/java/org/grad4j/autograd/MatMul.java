package org.grad4j.autograd;

import org.grad4j.tensor.Blas;
import org.grad4j.tensor.Gemm;

/**
 * Matrix products through grad4j's BLAS dispatch ({@link Gemm}: native OpenBLAS, a Java loop for tiny
 * products, two cores for large ones), on the flat arrays: transposes are BLAS flags, never copies.
 * <pre>{@code
 * Y = A B:    dA = g B^T,   dB = A^T g
 * }</pre>
 * Shapes: {@code [m, k] x [k, n]}; {@code [..., m, k] x [k, n]} (the leading dimensions of A are
 * folded into its rows); {@code [B, m, k] x [B, k, n]} and {@code [B1, B2, m, k] x [B1, B2, k, n]}
 * (one product per batch entry).
 */
final class MatMul {

    private MatMul() {
    }

    static Tensor apply(Tensor a, Tensor b) {
        int ra = a.shape.length;
        int rb = b.shape.length;
        boolean folded = ra >= 2 && rb == 2;
        boolean batched = ra >= 3 && ra == rb && sameLeading(a.shape, b.shape);
        if (!(folded || batched) || a.shape[ra - 1] != b.shape[rb - 2]) {
            throw new IllegalArgumentException("matmul: shape mismatch " + Shape.str(a.shape) + " x "
                    + Shape.str(b.shape));
        }
        int k = a.shape[ra - 1];
        int n = b.shape[rb - 1];
        int[] s = a.shape.clone();
        s[ra - 1] = n;
        double[] c = new double[Shape.size(s)];
        if (folded) {
            int m = a.data.length / k;
            gemm(false, false, m, n, k, a.data, 0, b.data, 0, c, 0, 0);
        } else {
            int m = a.shape[ra - 2];
            int batches = a.data.length / (m * k);
            for (int i = 0; i < batches; i++) {
                gemm(false, false, m, n, k, a.data, i * m * k, b.data, i * k * n, c, i * m * n, 0);
            }
        }
        Tensor out = new Tensor(c, s);
        if (NoGrad.recording(a, b)) {
            out.gradFn = new Node("matmul", a, b) {
                @Override
                protected Tensor[] backward(Tensor grad) {
                    Tensor x = saved(0);
                    Tensor w = saved(1);
                    double[] g = grad.data;
                    double[] dx = needsGrad(0) ? new double[x.data.length] : null;
                    double[] dw = needsGrad(1) ? new double[w.data.length] : null;
                    if (folded) {
                        int m = x.data.length / k;
                        if (dx != null) {
                            gemm(false, true, m, k, n, g, 0, w.data, 0, dx, 0, 0);
                        }
                        if (dw != null) {
                            gemm(true, false, k, n, m, x.data, 0, g, 0, dw, 0, 0);
                        }
                    } else {
                        int m = x.shape[ra - 2];
                        int batches = x.data.length / (m * k);
                        for (int i = 0; i < batches; i++) {
                            if (dx != null) {
                                gemm(false, true, m, k, n, g, i * m * n, w.data, i * k * n, dx, i * m * k, 0);
                            }
                            if (dw != null) {
                                gemm(true, false, k, n, m, x.data, i * m * k, g, i * m * n, dw, i * k * n, 0);
                            }
                        }
                    }
                    return new Tensor[] {
                        dx == null ? null : new Tensor(dx, x.shape),
                        dw == null ? null : new Tensor(dw, w.shape)
                    };
                }
            }.save(a, b);
        }
        Anomaly.check("matmul", out, a, b);
        return out;
    }

    private static boolean sameLeading(int[] a, int[] b) {
        for (int d = 0; d < a.length - 2; d++) {
            if (a[d] != b[d]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Row-major {@code C[m, n] = op(A) op(B) + beta C} on flat arrays at the given offsets; {@code op(A)}
     * is {@code m x k} (A stored {@code k x m} when transposed), {@code op(B)} is {@code k x n}.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, int offA, double[] b,
            int offB, double[] c, int offC, double beta) {
        if (offA == 0 && offB == 0 && offC == 0 && a.length == m * k && b.length == k * n && c.length == m * n) {
            Gemm.gemm(transA, transB, 1.0,
                    org.grad4j.tensor.Tensor.of(a, transA ? k : m, transA ? m : k),
                    org.grad4j.tensor.Tensor.of(b, transB ? n : k, transB ? k : n), beta,
                    org.grad4j.tensor.Tensor.of(c, m, n));
            return;
        }
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        Blas.instance().dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, 1.0, b, offB, ldb, a, offA, lda,
                beta, c, offC, n);
    }
}
