package org.grad4j.train;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.grad4j.data.Task;

/**
 * The record of a training run: the loss of every iteration, and at each evaluation (once per
 * epoch by default, as the book) the metrics of its task on the whole training and test sets:
 * train and test accuracy for classification; train and test MSE, MAE and R²
 * ({@link RegressionMetrics}) for regression. The loss array grows as the run goes, by doubling
 * from at most {@link #INITIAL_CAPACITY} entries: appending allocates only O(log n) times, and a
 * long run asked for does not reserve its whole history up front.
 *
 * <p>A metric that the task does not have (accuracy of a regression, R² of a classification)
 * reads as NaN at every evaluation.
 */
public final class History {

    /** A metric recorded at each evaluation, with its JSON key and the label plots give it. */
    public enum Metric {
        TRAIN_ACCURACY("train_accuracy", "train accuracy"),
        TEST_ACCURACY("test_accuracy", "test accuracy"),
        TRAIN_MSE("train_mse", "train MSE"),
        TEST_MSE("test_mse", "test MSE"),
        TRAIN_MAE("train_mae", "train MAE"),
        TEST_MAE("test_mae", "test MAE"),
        TRAIN_R2("train_r2", "train R²"),
        TEST_R2("test_r2", "test R²");

        private final String key;
        private final String label;

        Metric(String key, String label) {
            this.key = key;
            this.label = label;
        }

        /** The JSON key and checkpoint suffix: {@code test_mse}. */
        public String key() {
            return key;
        }

        /** The label of a plot axis or legend: {@code test MSE}. */
        public String label() {
            return label;
        }

        /** The metrics a task records: accuracies for classification, MSE, MAE and R² for regression. */
        public static List<Metric> of(Task task) {
            return switch (task) {
                case CLASSIFICATION -> List.of(TRAIN_ACCURACY, TEST_ACCURACY);
                case REGRESSION -> List.of(TRAIN_MSE, TEST_MSE, TRAIN_MAE, TEST_MAE, TRAIN_R2, TEST_R2);
            };
        }
    }

    private static final Metric[] METRICS = Metric.values();

    private final Task task;
    private double[] loss;
    private int iterations;
    private int[] evalIteration = new int[16];
    private final double[][] values = new double[METRICS.length][16];
    private int evaluations;

    /** Loss entries allocated up front at most (the book's 10 000 iterations fit). */
    static final int INITIAL_CAPACITY = 1 << 14;

    /** A classification history. @param capacity the iterations expected (only up to {@link #INITIAL_CAPACITY} are reserved) */
    public History(int capacity) {
        this(capacity, Task.CLASSIFICATION);
    }

    /** The history of a run of {@code task}. @param capacity the iterations expected (only up to {@link #INITIAL_CAPACITY} are reserved) */
    public History(int capacity, Task task) {
        if (task == null) {
            throw new IllegalArgumentException("History: task is required");
        }
        this.task = task;
        loss = new double[Math.max(Math.min(capacity, INITIAL_CAPACITY), 1)];
    }

    void addLoss(double l) {
        if (iterations == loss.length) {
            loss = Arrays.copyOf(loss, (int) Math.min(2L * loss.length, Integer.MAX_VALUE - 8));
        }
        loss[iterations++] = l;
    }

    /** Records a classification evaluation: the train and test accuracy. */
    void addEvaluation(int iteration, double train, double test) {
        checkTask(Task.CLASSIFICATION);
        int e = grow(iteration);
        values[Metric.TRAIN_ACCURACY.ordinal()][e] = train;
        values[Metric.TEST_ACCURACY.ordinal()][e] = test;
    }

    /** Records a regression evaluation: the train and test metrics (null for an empty set: NaN). */
    void addEvaluation(int iteration, RegressionMetrics train, RegressionMetrics test) {
        checkTask(Task.REGRESSION);
        int e = grow(iteration);
        put(e, Metric.TRAIN_MSE, Metric.TRAIN_MAE, Metric.TRAIN_R2, train);
        put(e, Metric.TEST_MSE, Metric.TEST_MAE, Metric.TEST_R2, test);
    }

    private void put(int e, Metric mse, Metric mae, Metric r2, RegressionMetrics m) {
        values[mse.ordinal()][e] = m == null ? Double.NaN : m.mse();
        values[mae.ordinal()][e] = m == null ? Double.NaN : m.mae();
        values[r2.ordinal()][e] = m == null ? Double.NaN : m.r2();
    }

    private void checkTask(Task t) {
        if (task != t) {
            throw new IllegalStateException("History: a " + t.id() + " evaluation in the history of a " + task.id()
                    + " run");
        }
    }

    /** Makes room for one more evaluation (every metric NaN) at {@code iteration}; returns its index. */
    private int grow(int iteration) {
        if (evaluations == evalIteration.length) {
            int n = evaluations * 2;
            evalIteration = Arrays.copyOf(evalIteration, n);
            for (int m = 0; m < values.length; m++) {
                values[m] = Arrays.copyOf(values[m], n);
            }
        }
        evalIteration[evaluations] = iteration;
        for (double[] v : values) {
            v[evaluations] = Double.NaN;
        }
        return evaluations++;
    }

    /** Classification or regression: which metrics are recorded. */
    public Task task() {
        return task;
    }

    /** The metrics this history's task records ({@link Metric#of}). */
    public List<Metric> metrics() {
        return Metric.of(task);
    }

    /** Number of iterations recorded. */
    public int iterations() {
        return iterations;
    }

    /** The loss of iterations 0 .. iterations()-1 (a copy). */
    public double[] loss() {
        return Arrays.copyOf(loss, iterations);
    }

    /** 0-based iteration numbers 0 .. iterations()-1. */
    public int[] iterationNumbers() {
        int[] it = new int[iterations];
        for (int i = 0; i < iterations; i++) {
            it[i] = i;
        }
        return it;
    }

    /** The iteration count (iterations done) at each evaluation. */
    public int[] evalIterations() {
        return Arrays.copyOf(evalIteration, evaluations);
    }

    /** {@code metric} at each evaluation (a copy; NaN throughout for a metric of the other task). */
    public double[] values(Metric metric) {
        return Arrays.copyOf(values[metric.ordinal()], evaluations);
    }

    /** The accuracy on the training split at each evaluation (NaN for regression). */
    public double[] trainAccuracy() {
        return values(Metric.TRAIN_ACCURACY);
    }

    /** The accuracy on the test split at each evaluation (NaN for regression). */
    public double[] testAccuracy() {
        return values(Metric.TEST_ACCURACY);
    }

    /** The mean squared error on the test split at each evaluation (NaN for classification). */
    public double[] testMse() {
        return values(Metric.TEST_MSE);
    }

    /** The mean absolute error on the test split at each evaluation (NaN for classification). */
    public double[] testMae() {
        return values(Metric.TEST_MAE);
    }

    /** R² on the test split at each evaluation (NaN for classification). */
    public double[] testR2() {
        return values(Metric.TEST_R2);
    }

    /**
     * The score of evaluation {@code e} on the training split that a run reports in one number:
     * its accuracy for classification, its R² for regression.
     */
    public double trainScore(int e) {
        return score(e, task == Task.CLASSIFICATION ? Metric.TRAIN_ACCURACY : Metric.TRAIN_R2);
    }

    /** As {@link #trainScore}, on the test split. */
    public double testScore(int e) {
        return score(e, task == Task.CLASSIFICATION ? Metric.TEST_ACCURACY : Metric.TEST_R2);
    }

    private double score(int e, Metric m) {
        if (e < 0 || e >= evaluations) {
            throw new IndexOutOfBoundsException("evaluation " + e + " of " + evaluations);
        }
        return values[m.ordinal()][e];
    }

    public int evaluations() {
        return evaluations;
    }

    /** The last loss recorded, NaN if none. */
    public double lastLoss() {
        return iterations == 0 ? Double.NaN : loss[iterations - 1];
    }

    /** Loss growth over the first loss that counts as divergence: two orders of magnitude. */
    public static final double DIVERGENCE = 100;

    /**
     * A warning when training diverged without becoming NaN: the mean loss of the last tenth of
     * the iterations (at least 1, at most 1000) exceeds {@link #DIVERGENCE} times the first loss;
     * null otherwise.
     */
    public String divergence() {
        if (iterations < 2 || !(loss[0] > 0)) {
            return null;
        }
        int k = Math.max(1, Math.min(1000, iterations / 10));
        double sum = 0;
        for (int i = iterations - k; i < iterations; i++) {
            sum += loss[i];
        }
        double recent = sum / k;
        if (!(recent > DIVERGENCE * loss[0])) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "training diverged: the loss grew from %.4g at iteration 1 to a mean"
                + " of %.4g over the last %d iterations (%.0fx); the learning rate is probably too large", loss[0],
                recent, k, recent / loss[0]);
    }

    /** Restores a classification history (from a checkpoint). */
    static History of(double[] loss, int[] evalIteration, double[] train, double[] test, int capacity) {
        Map<Metric, double[]> v = new EnumMap<>(Metric.class);
        v.put(Metric.TRAIN_ACCURACY, train);
        v.put(Metric.TEST_ACCURACY, test);
        return of(Task.CLASSIFICATION, loss, evalIteration, v, capacity);
    }

    /**
     * Restores a history of {@code task} (from a checkpoint): {@code values} holds, for each metric
     * of the task, one value per evaluation; metrics not given are NaN.
     */
    static History of(Task task, double[] loss, int[] evalIteration, Map<Metric, double[]> values, int capacity) {
        for (var e : values.entrySet()) {
            if (e.getValue().length != evalIteration.length) {
                throw new IllegalArgumentException("History.of: " + evalIteration.length + " evaluation iterations but "
                        + e.getValue().length + " values of " + e.getKey().key());
            }
        }
        History h = new History(Math.max(capacity, loss.length), task);
        for (double l : loss) {
            h.addLoss(l);
        }
        for (int i = 0; i < evalIteration.length; i++) {
            int e = h.grow(evalIteration[i]);
            for (var m : values.entrySet()) {
                h.values[m.getKey().ordinal()][e] = m.getValue()[i];
            }
        }
        return h;
    }

    /**
     * This history as the history of a {@code task} run: itself when it is one; else the same losses
     * and evaluation iterations, with the scores carried over as the other task's scores (a
     * regression checkpoint written before regression metrics were recorded kept R² where the
     * accuracies are) and every other metric NaN.
     */
    History forTask(Task t) {
        if (t == task) {
            return this;
        }
        Map<Metric, double[]> v = new EnumMap<>(Metric.class);
        boolean toRegression = t == Task.REGRESSION;
        v.put(toRegression ? Metric.TRAIN_R2 : Metric.TRAIN_ACCURACY,
                values(toRegression ? Metric.TRAIN_ACCURACY : Metric.TRAIN_R2));
        v.put(toRegression ? Metric.TEST_R2 : Metric.TEST_ACCURACY,
                values(toRegression ? Metric.TEST_ACCURACY : Metric.TEST_R2));
        return of(t, loss(), evalIterations(), v, iterations);
    }

    /**
     * A history from recorded values (a run on a cluster records them on its driver): the loss of
     * every iteration, and the iteration, train and test accuracy of every evaluation. The arrays
     * are copied.
     */
    public static History of(double[] loss, int[] evalIterations, double[] trainAccuracy, double[] testAccuracy) {
        if (evalIterations.length != trainAccuracy.length || evalIterations.length != testAccuracy.length) {
            throw new IllegalArgumentException("History.of: " + evalIterations.length + " evaluation iterations, "
                    + trainAccuracy.length + " train and " + testAccuracy.length + " test accuracies");
        }
        return of(loss, evalIterations, trainAccuracy, testAccuracy, loss.length);
    }

    /**
     * A history of a {@code task} run from recorded values (a run on a cluster records them on its
     * driver): the loss of every iteration, the iteration of every evaluation, and for each metric
     * of the task ({@link Metric#of}) one value per evaluation; metrics not given are NaN. The
     * arrays are copied.
     *
     * @throws IllegalArgumentException when a metric is not one of the task's, or has not one value per evaluation
     */
    public static History of(Task task, double[] loss, int[] evalIterations, Map<Metric, double[]> values) {
        for (Metric m : values.keySet()) {
            if (!Metric.of(task).contains(m)) {
                throw new IllegalArgumentException("History.of: " + m.key() + " is not a metric of " + task.id());
            }
        }
        return of(task, loss, evalIterations, values, loss.length);
    }
}
