package org.grad4j.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A training and a test {@link Table} of the same columns and task, with the normalisation of the
 * features that was applied to both (fitted on the training rows only) recorded, so that a model
 * file can carry it.
 *
 * <p>Made from one table split at random by a fraction ({@link #split}), from two tables
 * ({@link #of}: every row of the first is training data, in its order), or from CSV files
 * ({@link #readCsv}).
 *
 * @param name where the data came from (file names)
 * @param train the training rows
 * @param test the test rows
 * @param normalization the map that was applied to the features of both
 */
public record TableDataset(String name, Table train, Table test, Normalization normalization) {

    public TableDataset {
        if (train.features() != test.features()) {
            throw new IllegalArgumentException(test.name() + ": " + test.features() + " feature columns, but "
                    + train.name() + " has " + train.features());
        }
        if (train.task() != test.task()) {
            throw new IllegalArgumentException(test.name() + ": a " + test.task().id() + " table, but " + train.name()
                    + " is a " + train.task().id() + " table");
        }
        if (train.task() == Task.REGRESSION && train.targetWidth() != test.targetWidth()) {
            throw new IllegalArgumentException(test.name() + ": " + test.targetWidth() + " targets per row, but "
                    + train.name() + " has " + train.targetWidth());
        }
        if (train.task() == Task.CLASSIFICATION && train.classes() != test.classes()) {
            throw new IllegalArgumentException(test.name() + ": " + test.classes() + " classes, but " + train.name()
                    + " has " + train.classes() + " (use TableDataset.of, which gives both the larger count)");
        }
        if (normalization.features() != train.features()) {
            throw new IllegalArgumentException(name + ": normalization of " + normalization.features()
                    + " features for tables of " + train.features());
        }
    }

    /** Classification or regression. */
    public Task task() {
        return train.task();
    }

    /** Features per row. */
    public int features() {
        return train.features();
    }

    /** Number of classes (the larger of the two tables'); 0 for regression. */
    public int classes() {
        return train.classes();
    }

    /**
     * A separate training and test table, features as they are ({@link Normalization.Kind#NONE}).
     * For classification both declare the larger number of classes of the two.
     *
     * @throws IllegalArgumentException if the tables differ in their feature columns (count, or
     *     names when both have them from a header), task or target width, or either is empty
     */
    public static TableDataset of(Table train, Table test) {
        if (train.size() == 0 || test.size() == 0) {
            throw new IllegalArgumentException((train.size() == 0 ? train.name() : test.name()) + ": no rows");
        }
        if (train.features() == test.features() && !train.featureNames().equals(test.featureNames())
                && !defaultNames(train) && !defaultNames(test)) {
            throw new IllegalArgumentException(test.name() + ": feature columns " + String.join(", ", test.featureNames())
                    + " differ from " + train.name() + "'s " + String.join(", ", train.featureNames()));
        }
        if (train.task() == Task.CLASSIFICATION && test.task() == Task.CLASSIFICATION) {
            int k = Math.max(train.classes(), test.classes());
            train = train.withClasses(k);
            test = test.withClasses(k);
        }
        return new TableDataset(train.name() + " + " + test.name(), train, test,
                Normalization.none(train.features()));
    }

    /**
     * Splits {@code all} at random: {@code round(testFraction * size)} rows for testing, the rest
     * for training, each part in the table's row order. The rows are chosen by a Fisher-Yates
     * shuffle of {@code 0..size-1} with {@link SplittableRandom}{@code (seed)} (the same seed, the
     * same split): the first rows of the shuffled order are the test rows.
     *
     * @throws IllegalArgumentException if the fraction is not in (0, 1) or leaves a part empty:
     *     {@code data.csv: a test fraction of 0.01 of 20 rows leaves no test rows}
     */
    public static TableDataset split(Table all, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("Invalid test fraction: " + testFraction + " (expected 0 < f < 1)");
        }
        int n = all.size();
        long nTest = Math.round(testFraction * n);
        if (nTest == 0 || nTest == n) {
            throw new IllegalArgumentException(all.name() + ": a test fraction of " + testFraction + " of " + n
                    + " rows leaves no " + (nTest == 0 ? "test" : "training") + " rows");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] test = Arrays.copyOfRange(order, 0, (int) nTest);
        int[] train = Arrays.copyOfRange(order, (int) nTest, n);
        Arrays.sort(test);
        Arrays.sort(train);
        return new TableDataset(all.name() + " (test fraction " + testFraction + ", seed " + seed + ")",
                all.rows(train), all.rows(test), Normalization.none(all.features()));
    }

    /**
     * Reads the training file and either splits it ({@code testFile} null: by
     * {@code testFraction} and {@code seed}) or reads {@code testFile} with the same options (every
     * row of {@code trainFile} is then training data, in file order).
     */
    public static TableDataset readCsv(Path trainFile, Path testFile, double testFraction, long seed, CsvOptions options)
            throws IOException {
        Table train = CsvTable.read(trainFile, options);
        if (testFile == null) {
            return split(train, testFraction, seed);
        }
        return of(train, CsvTable.read(testFile, options));
    }

    /**
     * The features of both tables mapped by a normalisation of {@code kind} fitted on the training
     * rows (standardisation: their mean and standard deviation), recorded in the result.
     *
     * @throws IllegalStateException if a normalisation other than none was applied already
     */
    public TableDataset normalized(Normalization.Kind kind) {
        if (normalization.kind() != Normalization.Kind.NONE) {
            throw new IllegalStateException(name + ": features are normalized already (" + normalization.kind().id()
                    + ")");
        }
        Normalization n = Normalization.fit(kind, train);
        return new TableDataset(name, train.normalized(n), test.normalized(n), n);
    }

    private static boolean defaultNames(Table t) {
        for (int j = 0; j < t.features(); j++) {
            if (!t.featureNames().get(j).equals("x" + j)) {
                return false;
            }
        }
        return true;
    }
}
