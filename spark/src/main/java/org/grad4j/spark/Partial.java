package org.grad4j.spark;

import java.io.Serializable;

/**
 * What the tasks of one job send back, summed by {@code treeAggregate}: arrays weighted by each
 * partition's share ({@code sync}: gradients times {@code rows in batch / batch}; {@code average}:
 * weights and optimizer slots times {@code partition rows / all rows}), the loss weighted the same
 * way (one per local step in {@code average}), the rows that took part, and the slowest task's
 * compute time. Arrays are allocated by the first partition that adds, so the zero value ships empty.
 */
final class Partial implements Serializable {
    double[][] sum;
    double[][][] slots;
    long[] counts;
    double[] loss;
    long rows;
    long computeNanos;

    /** Adds {@code w * a} into {@code sum} (allocated on first use). */
    void addScaled(double[][] a, double w) {
        if (sum == null) {
            sum = zerosLike(a);
        }
        axpy(w, a, sum);
    }

    void addSlots(double[][][] s, double w) {
        if (s == null) {
            return;
        }
        if (slots == null) {
            slots = new double[s.length][][];
        }
        for (int i = 0; i < s.length; i++) {
            if (s[i] == null) {
                continue;
            }
            if (slots[i] == null) {
                slots[i] = zerosLike(s[i]);
            }
            axpy(w, s[i], slots[i]);
        }
    }

    void maxCounts(long[] c) {
        if (counts == null) {
            counts = c.clone();
            return;
        }
        for (int i = 0; i < c.length; i++) {
            counts[i] = Math.max(counts[i], c[i]);
        }
    }

    void addLoss(double[] l, double w) {
        if (loss == null) {
            loss = new double[l.length];
        }
        for (int i = 0; i < l.length; i++) {
            loss[i] += w * l[i];
        }
    }

    /** Adds {@code other} into this one; returns this. */
    Partial merge(Partial other) {
        if (other.sum != null) {
            addScaled(other.sum, 1.0);
        }
        addSlots(other.slots, 1.0);
        if (other.counts != null) {
            maxCounts(other.counts);
        }
        if (other.loss != null) {
            addLoss(other.loss, 1.0);
        }
        rows += other.rows;
        computeNanos = Math.max(computeNanos, other.computeNanos);
        return this;
    }

    private static double[][] zerosLike(double[][] a) {
        double[][] z = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            z[i] = new double[a[i].length];
        }
        return z;
    }

    private static void axpy(double w, double[][] a, double[][] into) {
        for (int i = 0; i < a.length; i++) {
            double[] s = a[i];
            double[] d = into[i];
            if (w == 1.0) {
                for (int j = 0; j < s.length; j++) {
                    d[j] += s[j];
                }
            } else {
                for (int j = 0; j < s.length; j++) {
                    d[j] += w * s[j];
                }
            }
        }
    }
}
