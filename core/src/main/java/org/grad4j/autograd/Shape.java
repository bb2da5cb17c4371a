package org.grad4j.autograd;

import java.util.Arrays;

/** Shape arithmetic and checks shared by the operations: sizes, axes, offsets, broadcasting. */
final class Shape {

    /** The highest rank supported. */
    static final int MAX_RANK = 4;

    private Shape() {
    }

    static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    static int[] checked(String op, int[] shape) {
        if (shape.length > MAX_RANK) {
            throw new IllegalArgumentException(op + ": rank " + shape.length + " of shape " + str(shape)
                    + ", at most " + MAX_RANK + " supported");
        }
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException(op + ": dimensions must be positive: " + str(shape));
            }
        }
        return shape;
    }

    static int positive(String op, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException(op + ": no values");
        }
        return n;
    }

    static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }

    /** {@code axis} normalized to {@code [0, rank)}; negative counts from the end. */
    static int axis(String op, int[] shape, int axis) {
        int r = shape.length;
        if (axis < -r || axis >= r) {
            throw new IllegalArgumentException(op + ": axis " + axis + " out of range for shape " + str(shape));
        }
        return axis < 0 ? axis + r : axis;
    }

    static int offset(int[] shape, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("get: " + index.length + " indices for shape " + str(shape));
        }
        int off = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IllegalArgumentException("get: index " + str(index) + " out of range for shape "
                        + str(shape));
            }
            off = off * shape[d] + index[d];
        }
        return off;
    }

    static void same(String op, int[] a, int[] b) {
        if (!Arrays.equals(a, b)) {
            throw new IllegalArgumentException(op + ": shape mismatch " + str(a) + " and " + str(b));
        }
    }

    /** NumPy's rule: align from the right; each pair of dimensions equal, or one of them 1. */
    static int[] broadcast(String op, int[] a, int[] b) {
        if (Arrays.equals(a, b)) {
            return a;
        }
        int r = Math.max(a.length, b.length);
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.length ? 1 : a[i - (r - a.length)];
            int db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": cannot broadcast shapes " + str(a) + " and " + str(b));
            }
            out[i] = Math.max(da, db);
        }
        return out;
    }

    /** {@code out} padded on the left with ones to rank 4. */
    static int[] pad4(int[] out) {
        int[] p = {1, 1, 1, 1};
        System.arraycopy(out, 0, p, MAX_RANK - out.length, out.length);
        return p;
    }

    /**
     * Strides (in elements) of a tensor of shape {@code in} read at the indices of the rank-4 padded
     * {@code out}: zero along the dimensions that {@code in} broadcasts.
     */
    static int[] strides4(int[] in, int[] out4) {
        int[] p = pad4(in);
        int[] s = new int[MAX_RANK];
        int stride = 1;
        for (int d = MAX_RANK - 1; d >= 0; d--) {
            s[d] = p[d] == 1 && out4[d] != 1 ? 0 : stride;
            stride *= p[d];
        }
        return s;
    }

    /** {@code [outer, n, inner]} of {@code shape} around {@code axis}. */
    static int[] around(int[] shape, int axis) {
        int outer = 1;
        int inner = 1;
        for (int d = 0; d < axis; d++) {
            outer *= shape[d];
        }
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        return new int[] {outer, shape[axis], inner};
    }

    /** {@code shape} without {@code axis}, or with it set to 1 when {@code keepDims}. */
    static int[] reduced(int[] shape, int axis, boolean keepDims) {
        if (keepDims) {
            int[] s = shape.clone();
            s[axis] = 1;
            return s;
        }
        int[] s = new int[shape.length - 1];
        for (int d = 0, j = 0; d < shape.length; d++) {
            if (d != axis) {
                s[j++] = shape[d];
            }
        }
        return s;
    }
}
