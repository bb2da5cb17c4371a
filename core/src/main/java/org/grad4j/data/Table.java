package org.grad4j.data;

import java.util.Arrays;
import java.util.List;

/**
 * Examples held in memory as flat row-major arrays: {@code size x features} doubles of features
 * and either {@code size} class labels ({@link Task#CLASSIFICATION}) or {@code size x targetWidth}
 * real targets ({@link Task#REGRESSION}). Made from {@code double[][]} arrays
 * ({@link #classification}, {@link #regression}) or read from a CSV file ({@link CsvTable}).
 *
 * <p>Immutable: the factories copy their arguments (except {@link #ofRows}, which takes flat arrays
 * as they are), the accessors return copies, and
 * {@link #rows}, {@link #normalized} and {@link #withClasses} return new tables. The gather methods
 * of {@link Examples} copy rows with {@link System#arraycopy} and allocate nothing.
 */
public final class Table implements Examples, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<String> featureNames;
    private final List<String> targetNames;
    private final double[] x;
    private final int features;
    private final int[] labels;
    private final int classes;
    private final double[] y;
    private final int targetWidth;

    /** Arrays are taken as they are (callers pass fresh ones); checks the shapes. */
    Table(String name, List<String> featureNames, List<String> targetNames, double[] x, int features,
          int[] labels, int classes, double[] y, int targetWidth) {
        this.name = name;
        this.x = x;
        this.features = features;
        this.labels = labels;
        this.y = y;
        this.targetWidth = targetWidth;
        int n = features == 0 ? 0 : x.length / features;
        if (features < 1 || x.length != (long) n * features) {
            throw new IllegalArgumentException(name + ": " + x.length + " feature values do not make rows of "
                    + features);
        }
        if (labels != null) {
            if (labels.length != n) {
                throw new IllegalArgumentException(name + ": " + n + " feature rows but " + labels.length + " labels");
            }
            int max = -1;
            for (int i = 0; i < n; i++) {
                if (labels[i] < 0) {
                    throw new IllegalArgumentException(name + ": label " + labels[i] + " of row " + i + " is negative");
                }
                max = Math.max(max, labels[i]);
            }
            if (classes <= max) {
                throw new IllegalArgumentException(name + ": label " + max + " is not below " + classes + " classes");
            }
            this.classes = classes;
        } else {
            if (targetWidth < 1 || y.length != (long) n * targetWidth) {
                throw new IllegalArgumentException(name + ": " + n + " feature rows but " + y.length
                        + " target values (expected " + n + " rows of " + targetWidth + ")");
            }
            this.classes = 0;
        }
        this.featureNames = featureNames == null ? defaultNames("x", features) : List.copyOf(featureNames);
        this.targetNames = targetNames == null ? defaultNames("y", labels != null ? 1 : targetWidth)
                : List.copyOf(targetNames);
        if (this.featureNames.size() != features) {
            throw new IllegalArgumentException(name + ": " + this.featureNames.size() + " feature names for "
                    + features + " features");
        }
    }

    /**
     * A classification table: row {@code i} of {@code x} with class {@code labels[i]}; the number of
     * classes is the largest label plus one.
     *
     * @throws IllegalArgumentException if the rows are empty or ragged, the counts differ, or a label is negative
     */
    public static Table classification(double[][] x, int[] labels) {
        int max = 0;
        for (int t : labels) {
            max = Math.max(max, t);
        }
        return classification(x, labels, max + 1);
    }

    /** As {@link #classification(double[][], int[])} with the number of classes given (every label below it). */
    public static Table classification(double[][] x, int[] labels, int classes) {
        return new Table("table", null, null, flatten("features", x), width("features", x), labels.clone(), classes,
                null, 0);
    }

    /**
     * A regression table: row {@code i} of {@code x} with the targets {@code y[i]} (all rows of
     * {@code y} of one length, at least 1).
     *
     * @throws IllegalArgumentException if the rows are empty or ragged or the counts differ
     */
    public static Table regression(double[][] x, double[][] y) {
        return new Table("table", null, null, flatten("features", x), width("features", x), null, 0,
                flatten("targets", y), width("targets", y));
    }

    /**
     * A classification table over flat row-major features ({@code rows x features}) and their
     * labels, all below {@code classes}. The arrays are taken as they are, not copied: the caller
     * hands them over and does not modify them.
     */
    public static Table ofRows(double[] x, int features, int[] labels, int classes) {
        return new Table("table", null, null, x, features, labels, classes, null, 0);
    }

    /**
     * A regression table over flat row-major features ({@code rows x features}) and targets
     * ({@code rows x targetWidth}), taken as they are (see {@link #ofRows(double[], int, int[], int)}).
     */
    public static Table ofRows(double[] x, int features, double[] y, int targetWidth) {
        return new Table("table", null, null, x, features, null, 0, y, targetWidth);
    }

    /** A regression table with one target per row. */
    public static Table regression(double[][] x, double[] y) {
        double[][] yy = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            yy[i] = new double[] {y[i]};
        }
        return regression(x, yy);
    }

    /** Where the table came from (a file name, or {@code table}); used in error messages. */
    public String name() {
        return name;
    }

    /** A copy of this table under another name. */
    public Table named(String newName) {
        return new Table(newName, featureNames, targetNames, x, features, labels, classes, y, targetWidth);
    }

    /** The feature columns' names: the CSV header's, or {@code x0, x1, ...}. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The target columns' names: the CSV header's, or {@code y0, ...}. */
    public List<String> targetNames() {
        return targetNames;
    }

    @Override
    public int size() {
        return x.length / features;
    }

    @Override
    public int features() {
        return features;
    }

    @Override
    public Task task() {
        return labels != null ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public int targetWidth() {
        return labels != null ? classes : targetWidth;
    }

    /** Feature {@code j} of row {@code i}. */
    public double feature(int i, int j) {
        return x[i * features + check(j, features)];
    }

    /** Class label of row {@code i}. @throws UnsupportedOperationException for regression */
    public int label(int i) {
        return labelArray()[i];
    }

    /** Target {@code k} of row {@code i}. @throws UnsupportedOperationException for classification */
    public double target(int i, int k) {
        if (y == null) {
            throw new UnsupportedOperationException(name + ": a classification table has labels, not real targets");
        }
        return y[i * targetWidth + check(k, targetWidth)];
    }

    /** A copy of the features, row-major, {@code size * features}. */
    public double[] featureArray() {
        return x.clone();
    }

    /** A copy of the labels. @throws UnsupportedOperationException for regression */
    public int[] labels() {
        return labelArray().clone();
    }

    /** A copy of the real targets, row-major. @throws UnsupportedOperationException for classification */
    public double[] targetArray() {
        if (y == null) {
            throw new UnsupportedOperationException(name + ": a classification table has labels, not real targets");
        }
        return y.clone();
    }

    /** The rows {@code idx[0], idx[1], ...}, in that order, as a new table. */
    public Table rows(int[] idx) {
        double[] nx = new double[idx.length * features];
        gatherFeatures(idx, 0, idx.length, nx);
        if (labels != null) {
            int[] nl = new int[idx.length];
            gatherLabels(idx, 0, idx.length, nl);
            return new Table(name, featureNames, targetNames, nx, features, nl, classes, null, 0);
        }
        double[] ny = new double[idx.length * targetWidth];
        gatherTargets(idx, 0, idx.length, ny);
        return new Table(name, featureNames, targetNames, nx, features, null, 0, ny, targetWidth);
    }

    /** The features transformed by {@code n} ({@link Normalization#apply}), the targets as they are. */
    public Table normalized(Normalization n) {
        double[] nx = x.clone();
        n.apply(nx, features);
        return new Table(name, featureNames, targetNames, nx, features, labels, classes, y, targetWidth);
    }

    /**
     * The same classification table declaring {@code k} classes (at least its own: a test split
     * may lack the highest classes of its training split).
     */
    public Table withClasses(int k) {
        if (labels == null) {
            throw new UnsupportedOperationException(name + ": a regression table has no classes");
        }
        return new Table(name, featureNames, targetNames, x, features, labels, k, null, 0);
    }

    @Override
    public void gatherFeatures(int[] idx, int from, int count, double[] out) {
        Examples.checkGather("gatherFeatures", idx, from, count, out.length, features);
        int n = size();
        for (int r = 0; r < count; r++) {
            System.arraycopy(x, row(idx, from + r, n) * features, out, r * features, features);
        }
    }

    @Override
    public void gatherLabels(int[] idx, int from, int count, int[] out) {
        int[] l = labelArray();
        Examples.checkGather("gatherLabels", idx, from, count, out.length, 1);
        int n = size();
        for (int r = 0; r < count; r++) {
            out[r] = l[row(idx, from + r, n)];
        }
    }

    @Override
    public void gatherTargets(int[] idx, int from, int count, double[] out) {
        int w = targetWidth();
        Examples.checkGather("gatherTargets", idx, from, count, out.length, w);
        int n = size();
        if (labels != null) {
            Arrays.fill(out, 0, count * w, 0.0);
            for (int r = 0; r < count; r++) {
                out[r * w + labels[row(idx, from + r, n)]] = 1.0;
            }
        } else {
            for (int r = 0; r < count; r++) {
                System.arraycopy(y, row(idx, from + r, n) * w, out, r * w, w);
            }
        }
    }

    @Override
    public String toString() {
        return name + ": " + size() + " rows, " + features + " features, " + task().id()
                + (labels != null ? " (" + classes + " classes)" : " (" + targetWidth + " targets)");
    }

    private int[] labelArray() {
        if (labels == null) {
            throw new UnsupportedOperationException(name + ": a regression table has real targets, not class labels");
        }
        return labels;
    }

    private static int row(int[] idx, int position, int n) {
        int i = idx[position];
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("gather: index " + i + " at position " + position + " is outside 0.."
                    + (n - 1));
        }
        return i;
    }

    private static int check(int j, int width) {
        if (j < 0 || j >= width) {
            throw new IndexOutOfBoundsException("column " + j + " is outside 0.." + (width - 1));
        }
        return j;
    }

    private static List<String> defaultNames(String prefix, int n) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = prefix + i;
        }
        return List.of(s);
    }

    private static int width(String what, double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no rows of " + what);
        }
        return rows[0].length;
    }

    private static double[] flatten(String what, double[][] rows) {
        int w = width(what, rows);
        if (w == 0) {
            throw new IllegalArgumentException("rows of " + what + " are empty");
        }
        double[] flat = new double[Math.multiplyExact(rows.length, w)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != w) {
                throw new IllegalArgumentException("row " + i + " of " + what + " has " + rows[i].length
                        + " values, row 0 has " + w);
            }
            System.arraycopy(rows[i], 0, flat, i * w, w);
        }
        return flat;
    }
}
