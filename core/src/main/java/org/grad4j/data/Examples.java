package org.grad4j.data;

/**
 * A set of training or test examples as a general training loop takes them: {@link #size()} rows
 * of {@link #features()} doubles, each with a class label ({@link Task#CLASSIFICATION}) or
 * {@link #targetWidth()} real targets ({@link Task#REGRESSION}).
 *
 * <p>A loop keeps one index array and one buffer per batch and asks for rows by index: the gather
 * methods write the rows {@code idx[from], ..., idx[from + count - 1]} into the start of the given
 * array, row-major, and allocate nothing, so a {@link BatchSampler} over {@code 0..size-1} and
 * three preallocated buffers drive a whole training run. Implementations: {@link Table} (CSV files
 * and in-memory arrays) and {@link SplitExamples} (the IDX image sets of {@link Dataset}).
 *
 * <p>Only the output arrays are modified. An index outside {@code 0..size-1} or an output too short
 * throws {@link IndexOutOfBoundsException}.
 */
public interface Examples {

    /** Number of examples (rows). */
    int size();

    /** Features per example (columns of a feature row). */
    int features();

    /** Classification or regression. */
    Task task();

    /** Number of classes, every label in {@code 0..classes-1}; 0 for regression. */
    int classes();

    /**
     * Width of a target row as {@link #gatherTargets} writes it: {@link #classes()} for
     * classification (one-hot rows), the number of target values for regression.
     */
    int targetWidth();

    /** Writes the feature rows of {@code idx[from..from+count)} into {@code out[0..count*features)}. */
    void gatherFeatures(int[] idx, int from, int count, double[] out);

    /**
     * Writes the class labels of {@code idx[from..from+count)} into {@code out[0..count)}.
     *
     * @throws UnsupportedOperationException for regression examples, which have no class labels
     */
    void gatherLabels(int[] idx, int from, int count, int[] out);

    /**
     * Writes the target rows of {@code idx[from..from+count)} into {@code out[0..count*targetWidth)}:
     * the real targets for regression, one-hot rows (a 1 at the label's column) for classification.
     */
    void gatherTargets(int[] idx, int from, int count, double[] out);

    /**
     * The IDX byte images behind these examples (features {@code pixel / 255.0}), for kernels that
     * read the bytes themselves; null when the examples are not byte images (the default).
     */
    default Split images() {
        return null;
    }

    /** Checks the positions and the output length of a gather; shared by the implementations. */
    static void checkGather(String op, int[] idx, int from, int count, int outLength, int width) {
        if (from < 0 || count < 0 || from + count > idx.length) {
            throw new IndexOutOfBoundsException(op + ": positions " + from + ".." + (from + count)
                    + " outside an index array of length " + idx.length);
        }
        if ((long) count * width > outLength) {
            throw new IndexOutOfBoundsException(op + ": output of length " + outLength + " cannot hold "
                    + count + " rows of " + width);
        }
    }
}
