package org.grad4j.tensor;

import java.util.Arrays;
import java.util.Random;

/**
 * A dense, row-major tensor of doubles of rank 1 (a vector of {@code n} entries) or rank 2
 * (a {@code rows x cols} matrix).
 *
 * <p>The backing array is exposed through {@link #data()} so that kernels and optimizers can work on
 * flat primitive arrays; entry {@code (i, j)} of a matrix is {@code data()[i * cols() + j]}. A vector
 * of {@code n} entries behaves as a {@code 1 x n} row in matrix operations ({@code rows() == 1}).
 *
 * <p>The shape is fixed; the entries are mutable. Operations that produce a tensor take an optional
 * output argument ({@code out}, may be {@code null}): when it is given it is filled and returned, so a
 * hot loop allocates nothing. The operations themselves are in {@link Gemm} (matrix products) and
 * {@link Ops} (element-wise maps, row-wise softmax, reductions, row gathering).
 */
public final class Tensor {

    private final double[] data;
    private final int rows;
    private final int cols;
    private final int rank;

    private Tensor(double[] data, int rank, int rows, int cols) {
        this.data = data;
        this.rank = rank;
        this.rows = rows;
        this.cols = cols;
    }

    /** A vector that <em>wraps</em> {@code data} (no copy). */
    public static Tensor wrap(double[] data) {
        return new Tensor(data, 1, 1, data.length);
    }

    /** A zero vector of {@code n} entries. */
    public static Tensor zeros(int n) {
        checkDim("n", n);
        return new Tensor(new double[n], 1, 1, n);
    }

    /** A zero {@code rows x cols} matrix. */
    public static Tensor zeros(int rows, int cols) {
        checkDim("rows", rows);
        checkDim("cols", cols);
        return new Tensor(new double[Math.multiplyExact(rows, cols)], 2, rows, cols);
    }

    /** A zero tensor with the same shape as {@code like}. */
    public static Tensor zerosLike(Tensor like) {
        return like.rank == 1 ? zeros(like.cols) : zeros(like.rows, like.cols);
    }

    /** A vector holding a copy of {@code values}; the argument is not modified or kept. */
    public static Tensor of(double... values) {
        return new Tensor(values.clone(), 1, 1, values.length);
    }

    /** A matrix holding a copy of the rectangular array {@code values}. */
    public static Tensor of(double[][] values) {
        int rows = values.length;
        if (rows == 0) {
            throw new IllegalArgumentException("Tensor.of: no rows");
        }
        int cols = values[0].length;
        double[] data = new double[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < rows; i++) {
            if (values[i].length != cols) {
                throw new IllegalArgumentException("Tensor.of: row " + i + " has " + values[i].length
                        + " entries, expected " + cols);
            }
            System.arraycopy(values[i], 0, data, i * cols, cols);
        }
        return new Tensor(data, 2, rows, cols);
    }

    /**
     * A {@code rows x cols} matrix that <em>wraps</em> {@code data} (no copy): later writes through
     * either are seen by both.
     */
    public static Tensor of(double[] data, int rows, int cols) {
        checkDim("rows", rows);
        checkDim("cols", cols);
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("Tensor.of: " + data.length + " values do not fill shape ["
                    + rows + ", " + cols + "]");
        }
        return new Tensor(data, 2, rows, cols);
    }

    /** A {@code rows x cols} matrix of independent {@code std * N(0, 1)} draws from {@code rng}. */
    public static Tensor randn(int rows, int cols, double std, Random rng) {
        Tensor t = zeros(rows, cols);
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = std * rng.nextGaussian();
        }
        return t;
    }

    /** A deep copy of {@code t} (same shape, new array). */
    public static Tensor copy(Tensor t) {
        return new Tensor(t.data.clone(), t.rank, t.rows, t.cols);
    }

    /**
     * Returns {@code t} if it is a matrix of shape {@code rows x cols}, otherwise a new zero matrix of
     * that shape. Layers use it to keep their buffers across calls with the same batch size.
     */
    public static Tensor reuse(Tensor t, int rows, int cols) {
        if (t != null && t.rank == 2 && t.rows == rows && t.cols == cols) {
            return t;
        }
        return zeros(rows, cols);
    }

    private static void checkDim(String name, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("Tensor: " + name + " must be positive: " + n);
        }
    }

    /** The backing row-major array (not a copy). */
    public double[] data() {
        return data;
    }

    /** 1 for a vector, 2 for a matrix. */
    public int rank() {
        return rank;
    }

    /** Number of rows; 1 for a vector. */
    public int rows() {
        return rows;
    }

    /** Number of columns; the length for a vector. */
    public int cols() {
        return cols;
    }

    /** The shape: {@code [n]} for a vector, {@code [rows, cols]} for a matrix (a new array). */
    public int[] shape() {
        return rank == 1 ? new int[] {cols} : new int[] {rows, cols};
    }

    /** Number of entries. */
    public int size() {
        return data.length;
    }

    /** Entry {@code i} of the backing array (for a vector: entry {@code i}). */
    public double get(int i) {
        return data[i];
    }

    /** Entry {@code (i, j)}. */
    public double get(int i, int j) {
        return data[i * cols + j];
    }

    /** Sets entry {@code (i, j)} to {@code v}. */
    public void set(int i, int j, double v) {
        data[i * cols + j] = v;
    }

    /** True when {@code other} has the same shape (rank included). */
    public boolean sameShape(Tensor other) {
        return rank == other.rank && rows == other.rows && cols == other.cols;
    }

    /** Row {@code i} as a new array. */
    public double[] row(int i) {
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /** The entries as a new {@code double[rows][cols]}. */
    public double[][] toArray() {
        double[][] a = new double[rows][];
        for (int i = 0; i < rows; i++) {
            a[i] = row(i);
        }
        return a;
    }

    /** The shape as text, e.g. {@code [2, 3]} or {@code [10]}. */
    public String shapeString() {
        return Arrays.toString(shape());
    }

    @Override
    public String toString() {
        return "Tensor" + shapeString() + (data.length <= 16 ? " " + Arrays.toString(data) : "");
    }
}
