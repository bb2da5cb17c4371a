package org.grad4j.io;

import java.util.Arrays;

/**
 * An n-dimensional array of doubles in row-major (C) order, as stored in {@code .npy} files.
 * The element at {@code (i0, ..., ik)} is {@code data[((i0 * shape[1] + i1) * shape[2] + ...) + ik]}.
 *
 * <p>The arrays are not copied; {@link #equals} compares contents.
 *
 * @param data {@code product(shape)} elements
 * @param shape dimensions, each {@code >= 0}; empty for a scalar
 */
public record NdArray(double[] data, int[] shape) {

    public NdArray {
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("Invalid shape " + shapeString(shape) + ": negative dimension");
            }
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + shapeString(shape) + " needs " + size + " elements, got "
                    + data.length);
        }
    }

    /** A 2-D array {@code rows x cols} wrapping {@code data}. */
    public static NdArray matrix(double[] data, int rows, int cols) {
        return new NdArray(data, new int[] {rows, cols});
    }

    /** A 1-D array wrapping {@code data}. */
    public static NdArray vector(double[] data) {
        return new NdArray(data, new int[] {data.length});
    }

    /** Number of elements. */
    public int size() {
        return data.length;
    }

    /** The shape in NumPy's notation: {@code (784, 50)}, {@code (10,)}, {@code ()}. */
    public String shapeString() {
        return shapeString(shape);
    }

    /** A shape in NumPy's notation: {@code (784, 50)}, {@code (10,)}, {@code ()}. */
    public static String shapeString(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NdArray a && Arrays.equals(shape, a.shape) && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NdArray" + shapeString() + (data.length <= 8 ? Arrays.toString(data) : "");
    }
}
