package org.grad4j.tensor;

/**
 * Element-wise maps, row-wise operations and reductions on {@link Tensor}s.
 *
 * <p>Every method that produces a tensor takes an optional output ({@code out}, may be null, then
 * allocated); {@code out} may be the input itself for the element-wise maps. Inputs are not modified
 * otherwise. Shape errors name the shapes involved.
 */
public final class Ops {


    private Ops() {
    }

    private static Tensor output(String op, Tensor like, Tensor out) {
        if (out == null) {
            return Tensor.zerosLike(like);
        }
        if (out.size() != like.size() || out.rows() != like.rows()) {
            throw new IllegalArgumentException(op + ": output shape " + out.shapeString() + ", expected "
                    + like.shapeString());
        }
        return out;
    }

    /**
     * Row broadcast: {@code out[i, j] = x[i, j] + b[j]}.
     *
     * @throws IllegalArgumentException {@code addRowVector: shape mismatch [2, 3] + [4]}
     */
    public static Tensor addRowVector(Tensor x, Tensor b, Tensor out) {
        int rows = x.rows();
        int cols = x.cols();
        if (b.size() != cols) {
            throw new IllegalArgumentException("addRowVector: shape mismatch " + x.shapeString() + " + "
                    + b.shapeString());
        }
        out = output("addRowVector", x, out);
        if (out != x) {
            System.arraycopy(x.data(), 0, out.data(), 0, x.size());
        }
        Rows.addPartAndBias(out.data(), null, b.data(), cols, 0, rows);
        return out;
    }

    /**
     * Logistic sigmoid {@code out = 1 / (1 + exp(-x))}, element-wise ({@link Rows#sigmoid}). A plain
     * loop: a Vector API version took about 22 us for a 100x50 batch once compiled, but its JIT
     * compilation cost about 0.5 s of processor time in the first second of a training run (3000
     * Fashion-MNIST iterations: 16 % faster without it, 11 of 12 paired runs). A second attempt, with
     * its own exponential and a scalar twin giving the same bits until the vector kernel was compiled,
     * also lost over 10 000 iterations (the README's speed section has the figures).
     */
    public static Tensor sigmoid(Tensor x, Tensor out) {
        out = output("sigmoid", x, out);
        Rows.sigmoid(x.data(), out.data(), 0, x.size());
        return out;
    }

    /** Rectified linear unit {@code out = max(0, x)}, element-wise. */
    public static Tensor relu(Tensor x, Tensor out) {
        out = output("relu", x, out);
        Rows.relu(x.data(), out.data(), 0, x.size());
        return out;
    }

    /**
     * Row-wise softmax, stable for large inputs:
     * <pre>{@code out[i, j] = exp(x[i, j] - max_j x[i, :]) / sum_j exp(x[i, j] - max_j x[i, :])}</pre>
     */
    public static Tensor softmaxRows(Tensor x, Tensor out) {
        return softmaxRows(x, out, null);
    }

    /**
     * {@link #softmaxRows(Tensor, Tensor)}, also writing each row's log-sum-exp
     * {@code m + log(sum_j exp(x[i, j] - m))}, {@code m} the row's maximum, into {@code lse[i]} from the
     * same exponentials (the softmax cross-entropy needs both); {@code lse} may be null.
     */
    public static Tensor softmaxRows(Tensor x, Tensor out, double[] lse) {
        out = output("softmaxRows", x, out);
        int rows = x.rows();
        int cols = x.cols();
        if (lse != null && lse.length < rows) {
            throw new IllegalArgumentException("softmaxRows: lse has " + lse.length + " entries for " + rows + " rows");
        }
        Rows.softmax(x.data(), out.data(), lse, cols, 0, rows);
        return out;
    }

    /**
     * Index of the largest entry of each row (the first one on ties); {@code out} has
     * {@code x.rows()} entries and may be null.
     */
    public static int[] argmaxRows(Tensor x, int[] out) {
        int rows = x.rows();
        int cols = x.cols();
        if (out == null) {
            out = new int[rows];
        } else if (out.length != rows) {
            throw new IllegalArgumentException("argmaxRows: output length " + out.length + ", expected " + rows);
        }
        Rows.argmax(x.data(), cols, 0, rows, out, 0);
        return out;
    }

    /** Column sums {@code out[j] = sum_i x[i, j]} (the bias gradient); {@code out} is a vector. */
    public static Tensor sumColumns(Tensor x, Tensor out) {
        int rows = x.rows();
        int cols = x.cols();
        if (out == null) {
            out = Tensor.zeros(cols);
        } else if (out.size() != cols) {
            throw new IllegalArgumentException("sumColumns: output shape " + out.shapeString() + ", expected ["
                    + cols + "]");
        }
        Rows.sumColumns(x.data(), cols, 0, rows, out.data());
        return out;
    }

    /** Sum of all entries. */
    public static double sum(Tensor x) {
        double s = 0.0;
        for (double v : x.data()) {
            s += v;
        }
        return s;
    }

    /**
     * Mini-batch gathering: row {@code r} of {@code out} becomes row {@code idx[from + r]} of
     * {@code src}, for {@code r < count}. {@code out} must be {@code count x src.cols()} (or null).
     *
     * @throws IllegalArgumentException for a bad range, a bad row index or a wrong output shape
     */
    public static Tensor gatherRows(Tensor src, int[] idx, int from, int count, Tensor out) {
        int cols = src.cols();
        if (from < 0 || count <= 0 || from > idx.length - count) {
            throw new IllegalArgumentException("gatherRows: range [" + from + ", " + ((long) from + count)
                    + ") outside the " + idx.length + " indices");
        }
        if (out == null) {
            out = Tensor.zeros(count, cols);
        } else if (out.rows() != count || out.cols() != cols) {
            throw new IllegalArgumentException("gatherRows: output shape " + out.shapeString() + ", expected ["
                    + count + ", " + cols + "]");
        }
        double[] s = src.data();
        double[] o = out.data();
        int rows = src.rows();
        for (int r = 0; r < count; r++) {
            int i = idx[from + r];
            if (i < 0 || i >= rows) {
                throw new IllegalArgumentException("gatherRows: row index " + i + " outside [0, " + rows + ")");
            }
            System.arraycopy(s, i * cols, o, r * cols, cols);
        }
        return out;
    }

    /** Rows {@code from .. from + count - 1} of {@code src} copied into {@code out} (or a new tensor). */
    public static Tensor copyRows(Tensor src, int from, int count, Tensor out) {
        int cols = src.cols();
        if (from < 0 || count <= 0 || from > src.rows() - count) {
            throw new IllegalArgumentException("copyRows: rows [" + from + ", " + ((long) from + count)
                    + ") outside the " + src.rows() + " rows");
        }
        if (out == null) {
            out = Tensor.zeros(count, cols);
        } else if (out.rows() != count || out.cols() != cols) {
            throw new IllegalArgumentException("copyRows: output shape " + out.shapeString() + ", expected ["
                    + count + ", " + cols + "]");
        }
        System.arraycopy(src.data(), from * cols, out.data(), 0, count * cols);
        return out;
    }
}
