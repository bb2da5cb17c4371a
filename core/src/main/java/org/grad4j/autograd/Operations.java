package org.grad4j.autograd;

/**
 * The fluent operations of {@link Tensor} (PyTorch's names), each returning a new tensor and recorded
 * for backward when an input requires grad. The maths and backward rules are in the classes they
 * delegate to: {@link Binary}, {@link Unary}, {@link Reduce}, {@link MatMul}, {@link Softmax},
 * {@link Layout}, {@link Select}.
 */
abstract sealed class Operations permits Tensor {

    private Tensor self() {
        return (Tensor) this;
    }

    // ---- element-wise, broadcasting ----

    /** {@code this + other}, broadcast. */
    public Tensor add(Tensor other) {
        return Binary.apply(Binary.ADD, self(), other);
    }

    /** {@code this + c}. */
    public Tensor add(double c) {
        return Unary.apply(Unary.ADD, self(), c);
    }

    /** {@code this - other}, broadcast. */
    public Tensor sub(Tensor other) {
        return Binary.apply(Binary.SUB, self(), other);
    }

    /** {@code this - c}. */
    public Tensor sub(double c) {
        return Unary.apply(Unary.ADD, self(), -c);
    }

    /** {@code this * other} element-wise, broadcast. */
    public Tensor mul(Tensor other) {
        return Binary.apply(Binary.MUL, self(), other);
    }

    /** {@code this * c}. */
    public Tensor mul(double c) {
        return Unary.apply(Unary.MUL, self(), c);
    }

    /** {@code this / other} element-wise, broadcast. */
    public Tensor div(Tensor other) {
        return Binary.apply(Binary.DIV, self(), other);
    }

    /** {@code this / c}. */
    public Tensor div(double c) {
        return Unary.apply(Unary.MUL, self(), 1 / c);
    }

    /** {@code this ^ exponent} element-wise, broadcast. */
    public Tensor pow(Tensor exponent) {
        return Binary.apply(Binary.POW, self(), exponent);
    }

    /** {@code this ^ p}. */
    public Tensor pow(double p) {
        return Unary.apply(Unary.POW, self(), p);
    }

    /** Element-wise maximum, broadcast (as {@code torch.maximum}). */
    public Tensor maximum(Tensor other) {
        return Binary.apply(Binary.MAX, self(), other);
    }

    /** Element-wise minimum, broadcast (as {@code torch.minimum}). */
    public Tensor minimum(Tensor other) {
        return Binary.apply(Binary.MIN, self(), other);
    }

    public Tensor neg() {
        return Unary.apply(Unary.NEG, self(), 0);
    }

    public Tensor exp() {
        return Unary.apply(Unary.EXP, self(), 0);
    }

    /** Natural logarithm. */
    public Tensor log() {
        return Unary.apply(Unary.LOG, self(), 0);
    }

    public Tensor sqrt() {
        return Unary.apply(Unary.SQRT, self(), 0);
    }

    public Tensor abs() {
        return Unary.apply(Unary.ABS, self(), 0);
    }

    public Tensor tanh() {
        return Unary.apply(Unary.TANH, self(), 0);
    }

    /** {@code 1 / (1 + exp(-x))}. */
    public Tensor sigmoid() {
        return Unary.apply(Unary.SIGMOID, self(), 0);
    }

    /** {@code max(x, 0)}; gradient 0 at 0 (as torch). */
    public Tensor relu() {
        return Unary.apply(Unary.RELU, self(), 0);
    }

    // ---- products ----

    /** Matrix product, 2-D or batched ({@link MatMul} lists the shapes). */
    public Tensor matmul(Tensor other) {
        return MatMul.apply(self(), other);
    }

    // ---- reductions ----

    /** Sum of all elements, as a scalar. */
    public Tensor sum() {
        return Reduce.sumAll(self(), false);
    }

    /** Sum along {@code axis} (negative counts from the end); {@code keepDims} keeps it as size 1. */
    public Tensor sum(int axis, boolean keepDims) {
        return Reduce.sum(self(), axis, keepDims, false);
    }

    /** Mean of all elements, as a scalar. */
    public Tensor mean() {
        return Reduce.sumAll(self(), true);
    }

    /** Mean along {@code axis}. */
    public Tensor mean(int axis, boolean keepDims) {
        return Reduce.sum(self(), axis, keepDims, true);
    }

    /** Maximum of all elements, as a scalar. */
    public Tensor max() {
        return Reduce.maxAll(self());
    }

    /** Maximum along {@code axis} (gradient to the first maximum, as {@code torch.max(dim)}). */
    public Tensor max(int axis, boolean keepDims) {
        return Reduce.max(self(), axis, keepDims);
    }

    /** Index of the first maximum along {@code axis}, as doubles; not differentiable. */
    public Tensor argmax(int axis, boolean keepDims) {
        return Reduce.argmax(self(), axis, keepDims);
    }

    /** Flat index of the first maximum over all elements, as a scalar; not differentiable. */
    public Tensor argmax() {
        Tensor t = self();
        return Reduce.argmax(new Tensor(t.data, new int[] {t.data.length}), 0, false);
    }

    /** Softmax along {@code axis}, max-shifted. */
    public Tensor softmax(int axis) {
        return Softmax.apply(self(), axis, false);
    }

    /** Log-softmax along {@code axis}, max-shifted. */
    public Tensor logSoftmax(int axis) {
        return Softmax.apply(self(), axis, true);
    }

    // ---- layout ----

    /** The same data with a new shape (one dimension may be -1); shares the data. */
    public Tensor reshape(int... shape) {
        return Layout.reshape(self(), shape);
    }

    /** Swaps dimensions {@code dim0} and {@code dim1} (a copy). */
    public Tensor transpose(int dim0, int dim1) {
        return Layout.transpose(self(), dim0, dim1);
    }

    /** Swaps the last two dimensions (the matrix transpose for rank 2). */
    public Tensor t() {
        return Layout.transpose(self(), -2, -1);
    }

    /** Rows {@code [start, end)} along the first dimension (a copy). */
    public Tensor slice(int start, int end) {
        return Layout.slice(self(), start, end);
    }

    /** {@code y_n = this[n, classes[n]]} for a {@code [N, C]} tensor. */
    public Tensor gather(int[] classes) {
        return Select.gather(self(), classes);
    }

    /** {@code condition != 0 ? a : b} element-wise, broadcast; {@code condition} is not differentiated. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return Select.where(condition, a, b);
    }

    /** The tensors joined along {@code axis}. */
    public static Tensor concat(int axis, Tensor... tensors) {
        return Layout.concat(axis, tensors);
    }
}
