package org.grad4j.tensor;

/**
 * The textbook triple loop for {@code C = alpha * op(A) * op(B) + beta * C}, written for clarity
 * (explicit index formulas, no blocking). Tests and benchmarks compare {@link Gemm} against it.
 */
public final class ReferenceGemm {

    private ReferenceGemm() {
    }

    /** Same contract as {@link Gemm#gemm}; only {@code c} is modified. */
    public static void gemm(boolean transA, boolean transB, double alpha, Tensor a, Tensor b, double beta,
            Tensor c) {
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows();
        int n = transB ? b.rows() : b.cols();
        if (k != kb) {
            throw Gemm.mismatch("gemm", transA, transB, a, b);
        }
        if (c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("gemm: output shape " + c.shapeString() + ", expected ["
                    + m + ", " + n + "]");
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0.0;
                for (int p = 0; p < k; p++) {
                    double aip = transA ? a.get(p, i) : a.get(i, p);
                    double bpj = transB ? b.get(j, p) : b.get(p, j);
                    s += aip * bpj;
                }
                double old = beta == 0.0 ? 0.0 : beta * c.get(i, j);
                c.set(i, j, alpha * s + old);
            }
        }
    }
}
