package org.grad4j.data;

import java.util.Arrays;
import org.grad4j.tensor.Pixels;
import org.grad4j.tensor.SparseRows;

/**
 * One part (train or test) of a {@link Dataset}: {@code size} images of {@code features} pixels
 * and their class labels.
 *
 * <p>Pixels are kept as the file's unsigned bytes and expanded on demand to
 * <pre>{@code x = pixel / 255.0}</pre>
 * in double, the book's {@code load_mnist(normalize=True, flatten=True)} convention (the book
 * computes it in float32; the double values differ from those by at most 3e-8). Storing bytes keeps
 * MNIST's 60 000 training images at 47 MB instead of 376 MB; {@link #gatherRows} expands a batch
 * with {@link Pixels} (by a 256-entry table, or 8 pixels at a time by a Vector API kernel once the
 * JIT has compiled it).
 */
public final class Split {

    private final byte[] pixels;
    private SparseRows sparse;
    private double density = -1;
    private final int[] labels;
    private final int features;

    /**
     * Wraps images and labels read from IDX files. The arrays are shared, not copied.
     *
     * @throws IllegalArgumentException if the counts differ or a label is not below {@code classes}
     */
    public Split(IdxImages images, IdxLabels labels, int classes) {
        Idx.checkPair(images, labels);
        labels.checkClasses(classes);
        this.pixels = images.pixels();
        this.labels = labels.labels();
        this.features = images.features();
    }

    /** Number of examples. */
    public int size() {
        return labels.length;
    }

    /** Pixels per example (784 for 28x28 images). */
    public int features() {
        return features;
    }

    /** Class label of example {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** A copy of all labels, in file order. */
    public int[] labels() {
        return labels.clone();
    }

    /** Normalised pixel {@code j} of example {@code i}, in [0, 1]. */
    public double x(int i, int j) {
        return Pixels.level(pixels[i * features + j]);
    }

    /**
     * Copies the normalised rows {@code idx[from], ..., idx[from + count - 1]} into the first
     * {@code count * features} entries of {@code out} (row-major, one row per example). Allocates
     * nothing; only {@code out} is modified.
     *
     * @throws IndexOutOfBoundsException if an index is outside {@code 0..size-1} or {@code out} is too short
     */
    public void gatherRows(int[] idx, int from, int count, double[] out) {
        gatherRows(idx, from, count, out, 0);
    }

    /** As {@link #gatherRows(int[], int, int, double[])}, writing from {@code out[offset]} on. */
    public void gatherRows(int[] idx, int from, int count, double[] out, int offset) {
        if (offset < 0) {
            throw new IndexOutOfBoundsException("gatherRows: negative offset " + offset);
        }
        checkGather(idx, from, count, out.length - offset, features);
        copyRows(idx, from, count, 0, features, out, offset);
    }

    /**
     * Columns {@code [col0, col1)} of the rows {@code idx[0..count)}: {@code out[r * features + j]}
     * for {@code j} in that range, the rest of {@code out} untouched. Two threads that take the two
     * halves of the columns fill a batch together, each writing (and so caching) the part of it
     * that a product split by the inner dimension reads on that thread.
     *
     * @throws IndexOutOfBoundsException if an index is outside {@code 0..size-1}, the columns are not
     *     within {@code 0..features}, or {@code out} is too short
     */
    public void gatherColumns(int[] idx, int count, int col0, int col1, double[] out) {
        if (col0 < 0 || col1 > features || col0 > col1) {
            throw new IndexOutOfBoundsException("gatherColumns: columns " + col0 + ".." + col1 + " outside 0.."
                    + features);
        }
        checkGather(idx, 0, count, out.length, features);
        copyRows(idx, 0, count, col0, col1, out, 0);
    }

    private void copyRows(int[] idx, int from, int count, int col0, int col1, double[] out, int offset) {
        String op = col0 == 0 && col1 == features ? "gatherRows" : "gatherColumns";
        int n = size();
        int width = col1 - col0;
        // two rows at a time: their bytes come from two places in memory at once (random rows of a
        // training set larger than the cache wait for memory; 50 against 64 us for half a batch, by table)
        int r = 0;
        for (; r + 1 < count; r += 2) {
            int src0 = checkedRow(idx, from + r, n, op) * features + col0;
            int src1 = checkedRow(idx, from + r + 1, n, op) * features + col0;
            int dst0 = offset + r * features + col0;
            Pixels.rows(pixels, src0, src1, out, dst0, dst0 + features, width);
        }
        if (r < count) {
            int src = checkedRow(idx, from + r, n, op) * features + col0;
            Pixels.row(pixels, src, out, offset + r * features + col0, width);
        }
    }

    private static int checkedRow(int[] idx, int position, int n, String op) {
        int i = idx[position];
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException(op + ": index " + i + " at position " + position + " is outside 0.."
                    + (n - 1));
        }
        return i;
    }

    /**
     * Reads one byte in every 64 of the rows {@code idx[0..count)}, so that gathering them soon
     * afterwards finds them in the processor's cache rather than in memory (random rows of a
     * training set larger than the cache otherwise wait for memory one by one). Indices outside
     * the split are skipped. Returns a checksum of no meaning.
     */
    public int touchRows(int[] idx, int count) {
        return touchColumns(idx, count, 0, features);
    }

    /**
     * As {@link #touchRows}, for the columns {@code [col0, col1)} of each row only (what
     * {@link #gatherColumns} of those columns will read).
     */
    public int touchColumns(int[] idx, int count, int col0, int col1) {
        int n = size();
        int sum = 0;
        if (col0 < 0 || col1 > features || col0 >= col1) {
            return sum;
        }
        for (int r = 0; r < count; r++) {
            int i = idx[r];
            if (i >= 0 && i < n) {
                int start = i * features + col0;
                int end = i * features + col1;
                for (int p = start; p < end; p += 64) {
                    sum += pixels[p];
                }
                sum += pixels[end - 1];
            }
        }
        return sum;
    }

    /** Copies the labels of {@code idx[from..from+count)} into {@code out[0..count)}. */
    public void gatherLabels(int[] idx, int from, int count, int[] out) {
        checkGather(idx, from, count, out.length, 1);
        for (int r = 0; r < count; r++) {
            out[r] = labels[idx[from + r]];
        }
    }

    /**
     * Writes the one-hot targets of {@code idx[from..from+count)} into the first
     * {@code count * classes} entries of {@code out} (row {@code r} has a 1 at column
     * {@code label(idx[from + r])} and 0 elsewhere).
     */
    public void gatherOneHot(int[] idx, int from, int count, int classes, double[] out) {
        checkGather(idx, from, count, out.length, classes);
        Arrays.fill(out, 0, count * classes, 0.0);
        for (int r = 0; r < count; r++) {
            int t = labels[idx[from + r]];
            if (t >= classes) {
                throw new IllegalArgumentException("gatherOneHot: label " + t + " is not below " + classes + " classes");
            }
            out[r * classes + t] = 1.0;
        }
    }

    /** Fraction of the pixels that are nonzero (0 for an empty split); counted on the first call. */
    public synchronized double density() {
        if (density < 0) {
            long nonzero = 0;
            for (byte b : pixels) {
                if (b != 0) {
                    nonzero++;
                }
            }
            density = pixels.length == 0 ? 0.0 : (double) nonzero / pixels.length;
        }
        return density;
    }

    /**
     * The normalised pixels as {@link SparseRows} (only the nonzero ones, one byte each), built on the
     * first call and kept: for MNIST about 3 bytes per nonzero pixel, 28 MB for the 60 000 training
     * images.
     *
     * @throws IllegalArgumentException if there are more than {@link SparseRows#MAX_COLUMNS} features
     */
    public synchronized SparseRows sparse() {
        if (sparse == null) {
            sparse = SparseRows.ofCodes(pixels, size(), features, Pixels.levels());
        }
        return sparse;
    }

    /** All rows normalised, {@code size * features} doubles in row-major order (a new array). */
    public double[] toArray() {
        double[] x = new double[pixels.length];
        Pixels.row(pixels, 0, x, 0, x.length);
        return x;
    }

    private static void checkGather(int[] idx, int from, int count, int outLength, int width) {
        if (from < 0 || count < 0 || from + count > idx.length) {
            throw new IndexOutOfBoundsException("gather: positions " + from + ".." + (from + count)
                    + " outside an index array of length " + idx.length);
        }
        if ((long) count * width > outLength) {
            throw new IndexOutOfBoundsException("gather: output of length " + outLength + " cannot hold "
                    + count + " rows of " + width);
        }
    }
}
