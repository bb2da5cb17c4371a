package org.grad4j.train;

import java.util.Arrays;

/**
 * The record of a training run: the loss of every iteration, and the train and test accuracy at
 * each evaluation (once per epoch by default, as the book). The loss array grows as the run
 * goes, by doubling from at most {@link #INITIAL_CAPACITY} entries: appending allocates only
 * O(log n) times, and a long run asked for does not reserve its whole history up front.
 */
public final class History {
    private double[] loss;
    private int iterations;
    private int[] evalIteration = new int[16];
    private double[] trainAccuracy = new double[16];
    private double[] testAccuracy = new double[16];
    private int evaluations;

    /** Loss entries allocated up front at most (the book's 10 000 iterations fit). */
    static final int INITIAL_CAPACITY = 1 << 14;

    /** @param capacity the iterations expected (only up to {@link #INITIAL_CAPACITY} are reserved) */
    public History(int capacity) {
        loss = new double[Math.max(Math.min(capacity, INITIAL_CAPACITY), 1)];
    }

    void addLoss(double l) {
        if (iterations == loss.length) {
            loss = Arrays.copyOf(loss, (int) Math.min(2L * loss.length, Integer.MAX_VALUE - 8));
        }
        loss[iterations++] = l;
    }

    void addEvaluation(int iteration, double train, double test) {
        if (evaluations == evalIteration.length) {
            int n = evaluations * 2;
            evalIteration = Arrays.copyOf(evalIteration, n);
            trainAccuracy = Arrays.copyOf(trainAccuracy, n);
            testAccuracy = Arrays.copyOf(testAccuracy, n);
        }
        evalIteration[evaluations] = iteration;
        trainAccuracy[evaluations] = train;
        testAccuracy[evaluations] = test;
        evaluations++;
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

    public double[] trainAccuracy() {
        return Arrays.copyOf(trainAccuracy, evaluations);
    }

    public double[] testAccuracy() {
        return Arrays.copyOf(testAccuracy, evaluations);
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

    /** Restores a history (from a checkpoint). */
    static History of(double[] loss, int[] evalIteration, double[] train, double[] test, int capacity) {
        History h = new History(Math.max(capacity, loss.length));
        for (double l : loss) {
            h.addLoss(l);
        }
        for (int i = 0; i < evalIteration.length; i++) {
            h.addEvaluation(evalIteration[i], train[i], test[i]);
        }
        return h;
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
        History h = new History(loss.length);
        for (double l : loss) {
            h.addLoss(l);
        }
        for (int i = 0; i < evalIterations.length; i++) {
            h.addEvaluation(evalIterations[i], trainAccuracy[i], testAccuracy[i]);
        }
        return h;
    }
}
