package org.grad4j.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the tasks of one job send back, summed by {@code treeAggregate}: arrays weighted by each
 * partition's share ({@code sync}: gradients times {@code rows in batch / batch}; {@code average}:
 * weights and the optimizer's per-parameter slots times {@code partition rows / all rows}), the
 * optimizer's counters as their maximum, the loss weighted the same way (one per local step in
 * {@code average}), the rows that took part, and the slowest task's compute time. Arrays are
 * allocated by the first partition that adds, so the zero value ships empty.
 */
final class Partial implements Serializable {
    double[][] sum;
    final Map<String, double[][]> slots = new LinkedHashMap<>();
    final Map<String, Double> counters = new LinkedHashMap<>();
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

    /**
     * Adds an optimizer's {@link org.grad4j.optim.Optimizer#state()}: {@code w} times each
     * per-parameter slot ({@link OptimizerSpec#perParameter} against {@code params}), the maximum of each counter.
     */
    void addState(Map<String, double[][]> state, double w, double[][] params) {
        for (Map.Entry<String, double[][]> e : state.entrySet()) {
            if (OptimizerSpec.perParameter(e.getValue(), params)) {
                axpy(w, e.getValue(), slots.computeIfAbsent(e.getKey(), k -> zerosLike(e.getValue())));
            } else {
                counters.merge(e.getKey(), e.getValue()[0][0], Math::max);
            }
        }
    }

    /** The summed state, as {@link org.grad4j.optim.Optimizer#loadState} takes it. */
    Map<String, double[][]> state() {
        Map<String, double[][]> s = new LinkedHashMap<>(slots);
        counters.forEach((k, v) -> s.put(k, new double[][] {{v}}));
        return s;
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
        other.slots.forEach((k, v) -> axpy(1.0, v, slots.computeIfAbsent(k, n -> zerosLike(v))));
        other.counters.forEach((k, v) -> counters.merge(k, v, Math::max));
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
