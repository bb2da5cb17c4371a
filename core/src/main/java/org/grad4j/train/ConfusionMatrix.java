package org.grad4j.train;

/**
 * Counts of (true class, predicted class) pairs, {@code counts[true][predicted]} (the convention of
 * scikit-learn's {@code confusion_matrix} and of {@link Evaluation#confusion}), filled one example
 * or one batch at a time without allocating, and the measures read from it:
 * <pre>{@code
 * accuracy     = sum_c counts[c][c] / total
 * recall(c)    = counts[c][c] / sum_p counts[c][p]      (of the examples of class c, the fraction found)
 * precision(c) = counts[c][c] / sum_t counts[t][c]      (of the examples predicted c, the fraction right)
 * }</pre>
 * Each is NaN when its denominator is 0. Not thread-safe.
 */
public final class ConfusionMatrix {

    private final int classes;
    private final long[] counts;
    private long total;
    private long correct;

    /** An empty matrix of {@code classes x classes} counts. */
    public ConfusionMatrix(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("Invalid number of classes: " + classes);
        }
        this.classes = classes;
        this.counts = new long[Math.multiplyExact(classes, classes)];
    }

    /** The matrix of {@code labels[i]} against {@code predicted[i]} for every {@code i}. */
    public static ConfusionMatrix of(int[] labels, int[] predicted, int classes) {
        if (labels.length != predicted.length) {
            throw new IllegalArgumentException("confusion matrix: " + labels.length + " labels but "
                    + predicted.length + " predictions");
        }
        ConfusionMatrix m = new ConfusionMatrix(classes);
        m.add(labels, predicted, labels.length);
        return m;
    }

    /** Number of classes. */
    public int classes() {
        return classes;
    }

    /**
     * Counts one example.
     *
     * @throws IllegalArgumentException if a class is outside {@code 0..classes-1}
     */
    public void add(int label, int predicted) {
        if (label < 0 || label >= classes || predicted < 0 || predicted >= classes) {
            throw new IllegalArgumentException("confusion matrix: class " + (label < 0 || label >= classes ? label
                    : predicted) + " (" + (label < 0 || label >= classes ? "label" : "prediction") + ") is outside 0.."
                    + (classes - 1));
        }
        counts[label * classes + predicted]++;
        total++;
        if (label == predicted) {
            correct++;
        }
    }

    /** Counts the examples {@code 0..count-1} of a batch. */
    public void add(int[] labels, int[] predicted, int count) {
        if (count > labels.length || count > predicted.length) {
            throw new IndexOutOfBoundsException("confusion matrix: " + count + " examples, but " + labels.length
                    + " labels and " + predicted.length + " predictions");
        }
        for (int i = 0; i < count; i++) {
            add(labels[i], predicted[i]);
        }
    }

    /** Forgets every count. */
    public void clear() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
        correct = 0;
    }

    /** Examples of class {@code label} predicted as {@code predicted}. */
    public long count(int label, int predicted) {
        return counts[label * classes + predicted];
    }

    /** A copy of the counts, {@code [true][predicted]} (as {@code int}, for plotting). */
    public int[][] counts() {
        int[][] m = new int[classes][classes];
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                m[t][p] = Math.toIntExact(counts[t * classes + p]);
            }
        }
        return m;
    }

    /** Examples counted. */
    public long total() {
        return total;
    }

    /** Examples whose prediction is their label. */
    public long correct() {
        return correct;
    }

    /** {@code correct / total}; NaN when empty. */
    public double accuracy() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /** Of the examples of class {@code c}, the fraction predicted {@code c}; NaN when there are none. */
    public double recall(int c) {
        long row = 0;
        for (int p = 0; p < classes; p++) {
            row += counts[c * classes + p];
        }
        return row == 0 ? Double.NaN : (double) counts[c * classes + c] / row;
    }

    /** Of the examples predicted {@code c}, the fraction of class {@code c}; NaN when there are none. */
    public double precision(int c) {
        long col = 0;
        for (int t = 0; t < classes; t++) {
            col += counts[t * classes + c];
        }
        return col == 0 ? Double.NaN : (double) counts[c * classes + c] / col;
    }
}
