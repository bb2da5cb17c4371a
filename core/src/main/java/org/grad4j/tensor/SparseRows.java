package org.grad4j.tensor;

/**
 * A matrix stored by rows, keeping only its nonzero entries (compressed sparse rows), with each value
 * given as a one-byte code into a table of {@code levels}: the entry of row {@code i} at column
 * {@code index[p]} is {@code levels[code[p] & 0xFF]} for {@code p} in {@code start[i] .. start[i+1]-1},
 * in increasing column order.
 *
 * <p>Made for images of byte pixels such as MNIST, where {@code levels[v] = v / 255.0} and most pixels
 * are 0: the first layer's products of a training step ({@link SparseProduct}) then only touch the
 * nonzero pixels (about 19 % of MNIST's, 50 % of Fashion-MNIST's), and a batch is never expanded into
 * doubles. Immutable once built.
 */
public final class SparseRows {

    /** Columns are stored as {@code char}: at most this many. */
    public static final int MAX_COLUMNS = 65_536;

    private final int rows;
    private final int cols;
    private final int[] start;
    private final char[] index;
    private final byte[] code;
    private final double[] levels;

    private SparseRows(int rows, int cols, int[] start, char[] index, byte[] code, double[] levels) {
        this.rows = rows;
        this.cols = cols;
        this.start = start;
        this.index = index;
        this.code = code;
        this.levels = levels;
    }

    /**
     * The sparse form of a row-major {@code rows x cols} matrix of byte codes; code 0 stands for the
     * value 0 and is left out.
     *
     * @param levels 256 values, the value of each code; {@code levels[0]} must be 0.0 (copied)
     * @throws IllegalArgumentException if the sizes do not match, {@code cols} exceeds
     *     {@link #MAX_COLUMNS}, or {@code levels} is not 256 values starting with 0.0
     */
    public static SparseRows ofCodes(byte[] codes, int rows, int cols, double[] levels) {
        if (rows < 0 || cols < 1 || (long) rows * cols != codes.length) {
            throw new IllegalArgumentException("SparseRows: " + codes.length + " codes for " + rows + " x " + cols);
        }
        if (cols > MAX_COLUMNS) {
            throw new IllegalArgumentException("SparseRows: " + cols + " columns, at most " + MAX_COLUMNS);
        }
        if (levels.length != 256 || levels[0] != 0.0) {
            throw new IllegalArgumentException("SparseRows: levels must be 256 values with levels[0] = 0.0");
        }
        int[] start = new int[rows + 1];
        long nnz = 0;
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                if (codes[base + j] != 0) {
                    nnz++;
                }
            }
            if (nnz > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("SparseRows: more than 2^31 nonzero entries");
            }
            start[i + 1] = (int) nnz;
        }
        char[] index = new char[(int) nnz];
        byte[] code = new byte[(int) nnz];
        int p = 0;
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                byte c = codes[base + j];
                if (c != 0) {
                    index[p] = (char) j;
                    code[p] = c;
                    p++;
                }
            }
        }
        return new SparseRows(rows, cols, start, index, code, levels.clone());
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of stored (nonzero) entries. */
    public int nonZeros() {
        return start[rows];
    }

    /** Stored entries of row {@code i}. */
    public int nonZeros(int i) {
        return start[i + 1] - start[i];
    }

    /** Fraction of entries that are nonzero (0 for an empty matrix). */
    public double density() {
        return rows == 0 ? 0.0 : (double) nonZeros() / ((double) rows * cols);
    }

    /** Entry {@code (i, j)}, found by binary search in row {@code i}. */
    public double get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("SparseRows.get(" + i + ", " + j + ") outside " + rows + " x " + cols);
        }
        int lo = start[i];
        int hi = start[i + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int k = index[mid];
            if (k < j) {
                lo = mid + 1;
            } else if (k > j) {
                hi = mid - 1;
            } else {
                return levels[code[mid] & 0xFF];
            }
        }
        return 0.0;
    }

    int[] start() {
        return start;
    }

    char[] index() {
        return index;
    }

    byte[] code() {
        return code;
    }

    double[] levels() {
        return levels;
    }
}
