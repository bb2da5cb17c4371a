package org.grad4j.nn;

import org.grad4j.tensor.Gemm;
import org.grad4j.tensor.Ops;
import org.grad4j.tensor.SparseProduct;
import org.grad4j.tensor.SparseRows;
import org.grad4j.tensor.Tensor;

/**
 * Fully connected layer {@code y = x W + b} (one example per row of {@code x}).
 *
 * <p>Backward, for the incoming gradient {@code dout = dL/dy}:
 * <pre>{@code dW = x^T dout,   db = sum over rows of dout,   dx = dout W^T}</pre>
 * computed with BLAS transpose flags, without copying any transpose. {@code dx} can be skipped
 * ({@link #setComputeDx}) for the first layer of a network, where nobody needs it.
 *
 * <p>{@code W} and {@code b} are used by reference (an optimizer updates them in place); {@code dW}
 * and {@code db} are overwritten by each {@link #backward}. The bias may be absent.
 */
public final class Affine implements Layer {

    private final Tensor w;
    private final Tensor b;
    private final Tensor dW;
    private final Tensor db;
    private boolean computeDx = true;

    private Tensor x;
    private Tensor out;
    private Tensor dx;
    private SparseProduct sparse;
    private boolean sparseInput;

    /**
     * @param w weights, {@code in x out}
     * @param b bias with {@code out} entries, or null for none
     */
    public Affine(Tensor w, Tensor b) {
        if (w.rank() != 2) {
            throw new IllegalArgumentException("Affine: W must be a matrix, got shape " + w.shapeString());
        }
        if (b != null && b.size() != w.cols()) {
            throw new IllegalArgumentException("Affine: b shape " + b.shapeString() + " does not match W shape "
                    + w.shapeString());
        }
        this.w = w;
        this.b = b;
        this.dW = Tensor.zerosLike(w);
        this.db = b == null ? null : Tensor.zerosLike(b);
    }

    /** Whether {@link #backward} computes {@code dx} (default true); returns this. */
    public Affine setComputeDx(boolean computeDx) {
        this.computeDx = computeDx;
        return this;
    }

    public Tensor w() {
        return w;
    }

    /** The bias, or null. */
    public Tensor b() {
        return b;
    }

    public Tensor dW() {
        return dW;
    }

    /** The bias gradient, or null when there is no bias. */
    public Tensor db() {
        return db;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.cols() != w.rows()) {
            throw new IllegalArgumentException("Affine: shape mismatch " + x.shapeString() + " x "
                    + w.shapeString());
        }
        this.x = x;
        sparseInput = false;
        out = Tensor.reuse(out, x.rows(), w.cols());
        Gemm.gemm(false, false, 1.0, x, w, 0.0, out);
        if (b != null) {
            Ops.addRowVector(out, b, out);
        }
        return out;
    }

    /**
     * The forward pass for the rows {@code idx[from .. from+count)} of a sparse input, without
     * expanding them: only their nonzero entries are multiplied ({@link SparseProduct}). The following
     * {@link #backward} computes {@code dW} the same way; it cannot compute {@code dx}, so the layer
     * must have {@link #setComputeDx setComputeDx(false)}. Needs {@link #sparseCapable}.
     *
     * @throws IllegalArgumentException if the input's columns differ from the rows of W
     * @throws IllegalStateException if this layer computes dx, or the sparse kernels are unavailable
     */
    public Tensor forward(SparseRows x, int[] idx, int from, int count) {
        return forward(x, idx, from, count, true);
    }

    /**
     * As {@link #forward(SparseRows, int[], int, int)}; with {@code forBackward} false, for a forward
     * pass alone (predictions), without the preparation {@link #backward} needs.
     */
    public Tensor forward(SparseRows x, int[] idx, int from, int count, boolean forBackward) {
        if (x.cols() != w.rows()) {
            throw new IllegalArgumentException("Affine: shape mismatch [" + count + ", " + x.cols() + "] x "
                    + w.shapeString());
        }
        if (computeDx) {
            throw new IllegalStateException("Affine: a sparse input has no dx; call setComputeDx(false) first");
        }
        if (sparse == null) {
            sparse = new SparseProduct();
        }
        out = Tensor.reuse(out, count, w.cols());
        sparse.times(x, idx, from, count, w.data(), w.cols(), b == null ? null : b.data(), out.data(), forBackward);
        this.x = null;
        sparseInput = forBackward;
        return out;
    }

    /** Whether {@link #forward(SparseRows, int[], int, int)} can run here: kernels present, W wide enough. */
    public boolean sparseCapable() {
        return SparseProduct.available() && w.cols() >= SparseProduct.MIN_COLUMNS;
    }

    @Override
    public Tensor backward(Tensor dout) {
        if (sparseInput) {
            if (dout.rows() != sparse.count() || dout.cols() != w.cols()) {
                throw new IllegalArgumentException("Affine.backward: dout shape " + dout.shapeString()
                        + ", expected [" + sparse.count() + ", " + w.cols() + "]");
            }
            sparse.transposeTimes(dout.data(), dW.data());
            if (db != null) {
                Ops.sumColumns(dout, db);
            }
            return null;
        }
        if (x == null || dout.rows() != x.rows() || dout.cols() != w.cols()) {
            throw new IllegalArgumentException("Affine.backward: dout shape " + dout.shapeString()
                    + ", expected " + (x == null ? "a forward call first" : "[" + x.rows() + ", " + w.cols() + "]"));
        }
        Gemm.gemm(true, false, 1.0, x, dout, 0.0, dW);
        if (db != null) {
            Ops.sumColumns(dout, db);
        }
        return dx(dout);
    }

    /** {@code dx = dout W^T} with the current W, or null when this layer does not compute it. */
    private Tensor dx(Tensor dout) {
        if (!computeDx) {
            return null;
        }
        dx = Tensor.reuse(dx, x.rows(), x.cols());
        Gemm.gemm(false, true, 1.0, dout, w, 0.0, dx);
        return dx;
    }
}
