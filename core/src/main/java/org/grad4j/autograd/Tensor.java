package org.grad4j.autograd;

import java.util.Arrays;
import java.util.Random;

/**
 * A dense tensor of doubles of rank 0 to 4 (row-major, contiguous) that records the operations
 * applied to it for reverse-mode differentiation, define-by-run as in PyTorch.
 *
 * <p>A tensor created with {@link #requiresGrad(boolean) requiresGrad(true)} is a <em>leaf</em>;
 * every operation on it (outside {@link NoGrad}) returns a tensor that keeps the {@link Node}
 * that made it. {@link #backward()} on a scalar result walks those nodes in reverse topological
 * order and adds ({@code +=}) {@code dL/dleaf} into {@link #grad()} of every leaf, until
 * {@link #zeroGrad()}.
 *
 * <pre>{@code
 * Tensor w = Tensor.randn(new Random(1), 3, 2).requiresGrad(true);
 * Tensor loss = x.matmul(w).add(b).tanh().pow(2).mean();
 * loss.backward();                 // w.grad() now holds dloss/dw
 * }</pre>
 *
 * <p>Operations follow NumPy's broadcasting; shape errors name the operation and both shapes.
 * Tensors are immutable through the operations here; the in-place methods ({@link #fill_},
 * {@link #addInPlace_}, {@link #data()} writes followed by {@link #bumpVersion()}) increment a
 * version counter that backward checks on every tensor it saved.
 *
 * <p>Recording scopes ({@link NoGrad}, {@link Anomaly}) are per thread. A graph is not thread-safe:
 * build it and run its backward on one thread at a time.
 */
public final class Tensor extends Operations {

    final double[] data;
    final int[] shape;
    /** Shared with views (reshape) of the same data: counts in-place modifications. */
    final int[] version;
    Node gradFn;
    private boolean requiresGrad;
    Tensor grad;

    Tensor(double[] data, int[] shape) {
        this(data, shape, new int[1]);
    }

    Tensor(double[] data, int[] shape, int[] version) {
        this.data = data;
        this.shape = shape;
        this.version = version;
    }

    // ---- creation ----

    /** A tensor of the given shape (rank 0 to 4) filled with zeros. */
    public static Tensor zeros(int... shape) {
        return new Tensor(new double[Shape.size(Shape.checked("zeros", shape))], shape.clone());
    }

    /** A tensor of the given shape filled with ones. */
    public static Tensor ones(int... shape) {
        return full(1.0, shape);
    }

    /** A tensor of the given shape filled with {@code value}. */
    public static Tensor full(double value, int... shape) {
        Tensor t = zeros(shape);
        Arrays.fill(t.data, value);
        return t;
    }

    /** A rank-0 tensor holding {@code value}. */
    public static Tensor scalar(double value) {
        return new Tensor(new double[] {value}, new int[0]);
    }

    /** {@code [start, start + step, ...]} below {@code end}, as {@code torch.arange}. */
    public static Tensor arange(double start, double end, double step) {
        if (!(step != 0) || !Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("arange: invalid range " + start + ", " + end + ", step " + step);
        }
        int n = (int) Math.max(0, Math.ceil((end - start) / step));
        if (n == 0) {
            throw new IllegalArgumentException("arange: empty range " + start + ", " + end + ", step " + step);
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = start + i * step;
        }
        return new Tensor(d, new int[] {n});
    }

    /** {@code [0, 1, ..., n - 1]}. */
    public static Tensor arange(int n) {
        return arange(0, n, 1);
    }

    /** Independent {@code N(0, 1)} draws from {@code rng}, in row-major order. */
    public static Tensor randn(Random rng, int... shape) {
        Tensor t = zeros(shape);
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = rng.nextGaussian();
        }
        return t;
    }

    /** A vector holding a copy of {@code values}. */
    public static Tensor of(double... values) {
        return new Tensor(values.clone(), new int[] {Shape.positive("of", values.length)});
    }

    /** A matrix holding a copy of the rectangular array {@code values}. */
    public static Tensor of(double[][] values) {
        int rows = Shape.positive("of", values.length);
        int cols = values[0].length;
        double[] d = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            if (values[i].length != cols) {
                throw new IllegalArgumentException("of: row " + i + " has " + values[i].length
                        + " entries, expected " + cols);
            }
            System.arraycopy(values[i], 0, d, i * cols, cols);
        }
        return new Tensor(d, new int[] {rows, cols});
    }

    /** A tensor that <em>wraps</em> {@code data} (no copy) with the given shape. */
    public static Tensor wrap(double[] data, int... shape) {
        if (Shape.size(Shape.checked("wrap", shape)) != data.length) {
            throw new IllegalArgumentException("wrap: " + data.length + " values do not fill shape "
                    + Shape.str(shape));
        }
        return new Tensor(data, shape.clone());
    }

    // ---- shape and values ----

    /** The backing row-major array (not a copy); after writing into it call {@link #bumpVersion()}. */
    public double[] data() {
        return data;
    }

    public int[] shape() {
        return shape.clone();
    }

    /** Size of dimension {@code d}; negative {@code d} counts from the end. */
    public int dim(int d) {
        return shape[Shape.axis("dim", shape, d)];
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return data.length;
    }

    /** The value of a tensor holding one element. */
    public double item() {
        if (data.length != 1) {
            throw new IllegalStateException("item: tensor of shape " + Shape.str(shape) + " has " + data.length
                    + " elements, expected 1");
        }
        return data[0];
    }

    /** The element at the given indices (one per dimension). */
    public double get(int... index) {
        return data[Shape.offset(shape, index)];
    }

    /** A copy of the values as a matrix (rank 2 only). */
    public double[][] toArray() {
        if (shape.length != 2) {
            throw new IllegalStateException("toArray: rank " + shape.length + ", expected 2");
        }
        double[][] a = new double[shape[0]][];
        for (int i = 0; i < shape[0]; i++) {
            a[i] = Arrays.copyOfRange(data, i * shape[1], (i + 1) * shape[1]);
        }
        return a;
    }

    /** The number of in-place modifications of this tensor's data so far. */
    public int version() {
        return version[0];
    }

    /** Records an in-place modification of {@link #data()} (as optimizers make). */
    public void bumpVersion() {
        version[0]++;
    }

    // ---- autograd state ----

    /** Marks this tensor as a leaf whose gradient is wanted (or not); returns this. */
    public Tensor requiresGrad(boolean requires) {
        if (gradFn != null && !requires) {
            throw new IllegalStateException("requiresGrad: cannot turn off on a non-leaf tensor (made by "
                    + gradFn.op + "); use detach()");
        }
        this.requiresGrad = requires;
        return this;
    }

    /** Whether operations on this tensor are recorded (a leaf that requires grad, or a result of one). */
    public boolean requiresGrad() {
        return requiresGrad || gradFn != null;
    }

    /** Whether this tensor was not made by a recorded operation. */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** The node that made this tensor, or null for a leaf. */
    public Node gradFn() {
        return gradFn;
    }

    /** The accumulated gradient of a leaf, or null before the first backward reaching it. */
    public Tensor grad() {
        return grad;
    }

    /** Sets the accumulated gradient to zero (keeping its array). */
    public void zeroGrad() {
        if (grad != null) {
            Arrays.fill(grad.data, 0);
        }
    }

    /** The same data (shared, with its version counter) cut from the graph. */
    public Tensor detach() {
        return new Tensor(data, shape, version);
    }

    /** A new tensor with a copy of the data, not recorded. */
    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone());
    }

    /** {@code backward(ones)} on a scalar: fills the gradients of the leaves; frees the graph. */
    public void backward() {
        Engine.backward(this, null, false);
    }

    /** Backward from {@code gradOutput} (of this tensor's shape); {@code retainGraph} keeps the graph. */
    public void backward(Tensor gradOutput, boolean retainGraph) {
        Engine.backward(this, gradOutput, retainGraph);
    }

    /** Backward from {@code gradOutput} (of this tensor's shape), freeing the graph. */
    public void backward(Tensor gradOutput) {
        Engine.backward(this, gradOutput, false);
    }

    // ---- in place ----

    /** Fills with {@code value} in place; refused on a leaf that requires grad while recording. */
    public Tensor fill_(double value) {
        InPlace.check("fill_", this);
        Arrays.fill(data, value);
        bumpVersion();
        return this;
    }

    /** {@code this += alpha * other} in place (same shape); refused as {@link #fill_}. */
    public Tensor addInPlace_(Tensor other, double alpha) {
        InPlace.check("addInPlace_", this);
        Shape.same("addInPlace_", shape, other.shape);
        for (int i = 0; i < data.length; i++) {
            data[i] += alpha * other.data[i];
        }
        bumpVersion();
        return this;
    }

    @Override
    public String toString() {
        return "Tensor" + Shape.str(shape) + (data.length <= 12 ? Arrays.toString(data) : "")
                + (gradFn != null ? " gradFn=" + gradFn.op : requiresGrad ? " requiresGrad" : "");
    }

    public String shapeString() {
        return Shape.str(shape);
    }
}
