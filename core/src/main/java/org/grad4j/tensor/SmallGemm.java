package org.grad4j.tensor;

/**
 * A plain Java GEMM on row-major arrays for small products, where it beats a JNI call into BLAS
 * ({@link Gemm} picks it by size; public so that benchmarks can time it alone).
 * Loop orders keep the innermost loop on contiguous memory for each transpose combination.
 */
public final class SmallGemm {

    private SmallGemm() {
    }

    /** {@code c = alpha * op(a) * op(b) + beta * c} with {@code op(a)} m x k, {@code op(b)} k x n. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a,
            double[] b, double beta, double[] c) {
        int mn = m * n;
        scale(beta, c, mn);
        if (!transA && !transB) {
            // a: m x k, b: k x n; c[i,:] += a[i,p] * b[p,:]
            for (int i = 0; i < m; i++) {
                int ci = i * n;
                int ai = i * k;
                for (int p = 0; p < k; p++) {
                    double s = alpha * a[ai + p];
                    int bp = p * n;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += s * b[bp + j];
                    }
                }
            }
        } else if (!transA) {
            // a: m x k, b: n x k; c[i,j] += a[i,:] . b[j,:]
            for (int i = 0; i < m; i++) {
                int ai = i * k;
                for (int j = 0; j < n; j++) {
                    int bj = j * k;
                    double s = 0.0;
                    for (int p = 0; p < k; p++) {
                        s += a[ai + p] * b[bj + p];
                    }
                    c[i * n + j] += alpha * s;
                }
            }
        } else if (!transB) {
            // a: k x m, b: k x n; c[i,:] += a[p,i] * b[p,:]
            for (int p = 0; p < k; p++) {
                int ap = p * m;
                int bp = p * n;
                for (int i = 0; i < m; i++) {
                    double s = alpha * a[ap + i];
                    int ci = i * n;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += s * b[bp + j];
                    }
                }
            }
        } else {
            // a: k x m, b: n x k; c[i,j] += sum_p a[p,i] * b[j,p]
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    int bj = j * k;
                    double s = 0.0;
                    for (int p = 0; p < k; p++) {
                        s += a[p * m + i] * b[bj + p];
                    }
                    c[i * n + j] += alpha * s;
                }
            }
        }
    }

    /** {@code c[0 .. mn) *= beta}, with {@code beta = 0} clearing them (NaN included, as BLAS). */
    static void scale(double beta, double[] c, int mn) {
        if (beta == 0.0) {
            java.util.Arrays.fill(c, 0, mn, 0.0);
        } else if (beta != 1.0) {
            for (int i = 0; i < mn; i++) {
                c[i] *= beta;
            }
        }
    }
}
