package org.grad4j.tensor;


/**
 * General matrix multiply on row-major tensors:
 * <pre>{@code C = alpha * op(A) * op(B) + beta * C,   op(X) = X or X^T}</pre>
 *
 * <p>Transposes are never materialized: they become BLAS {@code trans} flags. BLAS is column-major,
 * and a row-major matrix read column-major is its transpose, so {@code C = op(A) op(B)} is computed as
 * the column-major {@code C^T = op(B)^T op(A)^T}, i.e. {@code dgemm(transB, transA, n, m, k, alpha, B,
 * A, beta, C)} with the flags passed through unchanged.
 *
 * <p>Products with few multiply-adds are computed by a plain Java loop instead, since there the JNI
 * transition and BLAS set-up cost more than the arithmetic ({@link #SMALL_PRODUCT}). Only {@code c}
 * is modified. As in BLAS, when {@code beta == 0} the old contents of {@code c} are ignored (even NaN).
 */
public final class Gemm {

    /**
     * Products with {@code m * n * k} below this many multiply-adds use the Java loop when the BLAS is
     * native. Measured with OpenBLAS 0.3.21 through netlib's JNI: already a (100x50)(50x10) product
     * (50 000 multiply-adds) takes ~6 us in OpenBLAS against ~30 us in the Java loop, so only tiny
     * products (such as SimpleNet's 1x2x3) stay in Java.
     */
    static final long SMALL_PRODUCT = 4_096;

    /**
     * Products with at least this many multiply-adds are computed in two halves, by rows of {@code C}
     * or by the inner dimension ({@link #K_SPLIT_RATIO}): on two cores (the {@link TwoCores} given, or
     * bound to the thread) when the second is free, otherwise both on the calling thread, one after the
     * other, with the same BLAS calls, so the result is bit for bit the same either way (also with
     * {@code GRAD4J_THREADS=1}, without a worker, or while another thread holds it). Computing the
     * product whole in the second case would sum in another order: concurrent callers sharing a
     * worker would then get other roundings depending on which of them held it. The
     * (100x784)(784x50) products of a training step are 3.9 M.
     */
    static final long PARALLEL_PRODUCT = 1_000_000;

    /**
     * Products whose inner dimension is at least this many times the rows of {@code C} are split by
     * the inner dimension instead of by rows: each core then packs half of {@code B} rather than all
     * of it. Measured on the forward (100x784)(784x50) product with {@code bench/run.sh GemmBench}:
     * 167-350 us against 198-427 us split by rows, in the same runs.
     */
    static final int K_SPLIT_RATIO = 2;

    /**
     * Each thread's halves of a split product (with the buffer of a split by the inner dimension):
     * callers on several threads each compute their own, on two cores or, when the worker is taken, one.
     */
    private static final ThreadLocal<Split> SPLIT = ThreadLocal.withInitial(Split::new);

    private Gemm() {
    }

    /**
     * {@code out = a * b}; allocates {@code out} when it is null.
     *
     * @throws IllegalArgumentException {@code matmul: shape mismatch [2, 3] x [4, 5]} when
     *     {@code a.cols() != b.rows()}, or when {@code out} has the wrong shape
     */
    public static Tensor matmul(Tensor a, Tensor b, Tensor out) {
        return product("matmul", false, false, a, b, out);
    }

    /** {@code out = op(a) * op(b)}; allocates {@code out} when it is null. */
    public static Tensor matmul(boolean transA, boolean transB, Tensor a, Tensor b, Tensor out) {
        return product("matmul", transA, transB, a, b, out);
    }

    private static Tensor product(String op, boolean transA, boolean transB, Tensor a, Tensor b, Tensor out) {
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows();
        int n = transB ? b.rows() : b.cols();
        if (k != kb) {
            throw mismatch(op, transA, transB, a, b);
        }
        if (out == null) {
            out = Tensor.zeros(m, n);
        }
        gemm(transA, transB, 1.0, a, b, 0.0, out);
        return out;
    }

    /**
     * {@code c = alpha * op(a) * op(b) + beta * c}, a large product's second half on the worker bound
     * to the calling thread ({@link TwoCores#current()}: a {@code Trainer}'s during its steps), and on
     * this thread when none is (the same bits either way).
     *
     * @throws IllegalArgumentException naming both shapes when the inner dimensions differ, or the
     *     shape of {@code c} and the expected one
     */
    public static void gemm(boolean transA, boolean transB, double alpha, Tensor a, Tensor b, double beta,
            Tensor c) {
        gemm(TwoCores.current(), transA, transB, alpha, a, b, beta, c);
    }

    /**
     * {@code c = alpha * op(a) * op(b) + beta * c}, a large product's second half on {@code cores} when
     * it is free (the same bits as on one core).
     *
     * @throws IllegalArgumentException naming both shapes when the inner dimensions differ, or the
     *     shape of {@code c} and the expected one
     */
    public static void gemm(TwoCores cores, boolean transA, boolean transB, double alpha, Tensor a, Tensor b,
            double beta, Tensor c) {
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows();
        int n = transB ? b.rows() : b.cols();
        if (k != kb) {
            throw mismatch("gemm", transA, transB, a, b);
        }
        if (c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("gemm: output shape " + c.shapeString() + ", expected ["
                    + m + ", " + n + "]");
        }
        if (Blas.isNative() && (long) m * n * k < SMALL_PRODUCT) {
            SmallGemm.gemm(transA, transB, m, n, k, alpha, a.data(), b.data(), beta, c.data());
            return;
        }
        if ((long) m * n * k >= PARALLEL_PRODUCT && m >= 2) {
            // the same two halves whether the second core takes one or this thread does both, so
            // the summation order (and rounding) never depends on thread availability
            Split split = SPLIT.get();
            split.set(transA, transB, alpha, a, b, beta, c, m, n, k, k >= K_SPLIT_RATIO * m);
            try {
                if (cores.acquire()) {
                    cores.run(split);
                } else {
                    split.run(0);
                    split.run(1);
                }
                if (split.byK) {
                    double[] cd = c.data();
                    double[] part = split.part;
                    for (int i = 0, size = m * n; i < size; i++) {
                        cd[i] += part[i];
                    }
                }
            } finally {
                split.clear();
            }
            return;
        }
        rows(transA, transB, alpha, a, b, beta, c, 0, m, n, k);
    }

    /**
     * Rows {@code [r0, r1)} of {@code c = alpha * op(a) * op(b) + beta * c}, on the calling thread
     * (one part of a product split by rows); the other rows of {@code c} are not touched.
     *
     * @throws IllegalArgumentException on a shape mismatch or rows outside {@code c}
     */
    public static void gemmRows(boolean transA, boolean transB, double alpha, Tensor a, Tensor b, double beta,
            Tensor c, int r0, int r1) {
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int n = transB ? b.rows() : b.cols();
        if (k != (transB ? b.cols() : b.rows())) {
            throw mismatch("gemmRows", transA, transB, a, b);
        }
        if (c.rows() != m || c.cols() != n || r0 < 0 || r1 > m || r0 > r1) {
            throw new IllegalArgumentException("gemmRows: rows " + r0 + ".." + r1 + " of an output of shape "
                    + c.shapeString() + ", product [" + m + ", " + n + "]");
        }
        if (r0 < r1) {
            rows(transA, transB, alpha, a, b, beta, c, r0, r1, n, k);
        }
    }

    /**
     * {@code out = alpha * op(a)[:, k0:k1] * op(b)[k0:k1, :] + beta * out} on the calling thread: one
     * part of a product split by its inner dimension (such as the share of a half batch in a weight
     * gradient {@code x^T dout}); {@code out} is row-major {@code m x n}.
     *
     * @throws IllegalArgumentException on a shape mismatch or an inner range outside {@code op(a)}
     */
    public static void gemmInner(boolean transA, boolean transB, double alpha, Tensor a, Tensor b, double beta,
            double[] out, int k0, int k1) {
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int n = transB ? b.rows() : b.cols();
        if (k != (transB ? b.cols() : b.rows())) {
            throw mismatch("gemmInner", transA, transB, a, b);
        }
        if (k0 < 0 || k1 > k || k0 > k1 || out.length < m * n) {
            throw new IllegalArgumentException("gemmInner: inner range " + k0 + ".." + k1 + " of " + k
                    + ", output of " + out.length + " values for [" + m + ", " + n + "]");
        }
        if (k0 == k1) {
            SmallGemm.scale(beta, out, m * n);
            return;
        }
        innerRange(transA, transB, alpha, a, b, beta, out, n, m, k0, k1);
    }

    /**
     * {@code out = alpha * op(a)[:, k0:k1] * op(b)[k0:k1, :] + beta * out}: one part of a product split by
     * its inner dimension; {@code out} is row-major {@code m x n} with leading dimension {@code n}.
     */
    static void innerRange(boolean transA, boolean transB, double alpha, Tensor a, Tensor b, double beta,
            double[] out, int n, int m, int k0, int k1) {
        int lda = a.cols();
        int ldb = b.cols();
        Blas.instance().dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k1 - k0, alpha,
                b.data(), transB ? k0 : k0 * ldb, ldb, a.data(), transA ? k0 * lda : k0, lda, beta, out, 0, n);
    }

    /**
     * Rows {@code [r0, r1)} of {@code c}: in row-major order they are contiguous, and they need rows
     * {@code [r0, r1)} of {@code op(a)} (rows of {@code a}, or its columns when transposed) and all of
     * {@code op(b)}.
     */
    static void rows(boolean transA, boolean transB, double alpha, Tensor a, Tensor b, double beta, Tensor c,
            int r0, int r1, int n, int k) {
        int lda = a.cols();
        Blas.instance().dgemm(transB ? "T" : "N", transA ? "T" : "N", n, r1 - r0, k, alpha,
                b.data(), 0, b.cols(), a.data(), transA ? r0 : r0 * lda, lda, beta, c.data(), r0 * n, n);
    }

    /**
     * The two halves of one product, by rows of {@code c} or by the inner dimension (then half 1 writes
     * {@link #part}, which the caller adds to {@code c}); one per thread, reused.
     */
    private static final class Split implements TwoCores.Task {
        private boolean byK;
        private double[] part = new double[0];
        private boolean transA;
        private boolean transB;
        private double alpha;
        private double beta;
        private Tensor a;
        private Tensor b;
        private Tensor c;
        private int m;
        private int n;
        private int k;

        void set(boolean transA, boolean transB, double alpha, Tensor a, Tensor b, double beta, Tensor c,
                int m, int n, int k, boolean byK) {
            this.byK = byK;
            if (byK && part.length < m * n) {
                part = new double[m * n];
            }
            this.transA = transA;
            this.transB = transB;
            this.alpha = alpha;
            this.a = a;
            this.b = b;
            this.beta = beta;
            this.c = c;
            this.m = m;
            this.n = n;
            this.k = k;
        }

        /** Drops the operands, so that a thread's split does not keep them reachable. */
        void clear() {
            a = null;
            b = null;
            c = null;
        }

        @Override
        public void run(int half) {
            if (byK) {
                int kMid = k / 2;
                if (half == 0) {
                    innerRange(transA, transB, alpha, a, b, beta, c.data(), n, m, 0, kMid);
                } else {
                    innerRange(transA, transB, alpha, a, b, 0.0, part, n, m, kMid, k);
                }
                return;
            }
            int mid = m / 2;
            if (half == 0) {
                rows(transA, transB, alpha, a, b, beta, c, 0, mid, n, k);
            } else {
                rows(transA, transB, alpha, a, b, beta, c, mid, m, n, k);
            }
        }
    }

    static IllegalArgumentException mismatch(String op, boolean transA, boolean transB, Tensor a, Tensor b) {
        return new IllegalArgumentException(op + ": shape mismatch " + a.shapeString() + (transA ? "^T" : "")
                + " x " + b.shapeString() + (transB ? "^T" : ""));
    }
}
