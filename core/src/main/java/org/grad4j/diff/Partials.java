package org.grad4j.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * All partial derivatives {@code d f_k / d x_i} of f: R^n -> R^m by one {@link DifferenceScheme},
 * coordinate by coordinate, optionally on several threads.
 *
 * <p>Each task differentiates along its coordinates on its own copy of x (the caller's array is
 * never written), restoring the coordinate after every evaluation, so every coordinate sees
 * exactly the same arguments whatever the thread count: results are identical to the
 * single-threaded ones. Warnings are gathered per coordinate and returned in coordinate order.
 */
final class Partials {
    final double[][] derivative; // [i][k]
    final double[][] error;      // [i][k]
    final List<String> warnings = new ArrayList<>();
    /** False when some coordinate's scheme found no trustworthy estimate. */
    volatile boolean reliable = true;

    private Partials(int n, int m) {
        derivative = new double[n][m];
        error = new double[n][m];
    }

    /**
     * @param f       evaluates f on a working copy of x (must not keep the array)
     * @param x       the point (not modified)
     * @param f0      f(x), length m (not modified)
     * @param threads worker threads (1 = the calling thread); f must be thread-safe when > 1
     */
    static Partials compute(Function<double[], double[]> f, double[] x, double[] f0, DifferenceScheme scheme,
                            int threads) {
        int n = x.length;
        int m = f0.length;
        Partials p = new Partials(n, m);
        // one slot per coordinate, written by the task that owns it; read after all tasks joined
        List<List<String>> warningsOf = new ArrayList<>(Collections.nCopies(n, List.of()));
        int tasks = Math.min(threads, n);
        if (tasks <= 1) {
            p.run(f, x, f0, scheme, 0, 1, warningsOf);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(tasks, r -> {
                Thread thread = new Thread(r, "grad4j-gradient");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int task = 0; task < tasks; task++) {
                    int first = task;
                    futures.add(pool.submit(() -> p.run(f, x, f0, scheme, first, tasks, warningsOf)));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("gradient: f failed: " + cause, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("gradient: interrupted", e);
            } finally {
                pool.shutdownNow();
            }
        }
        for (List<String> w : warningsOf) {
            p.warnings.addAll(w);
        }
        return p;
    }

    /** Coordinates first, first + stride, ... on one private copy of x. */
    private void run(Function<double[], double[]> f, double[] x, double[] f0, DifferenceScheme scheme,
                     int first, int stride, List<List<String>> warningsOf) {
        double[] work = x.clone();
        int m = f0.length;
        for (int i = first; i < x.length; i += stride) {
            int coordinate = i;
            Line line = t -> {
                work[coordinate] = t;
                double[] value = f.apply(work);
                work[coordinate] = x[coordinate];
                if (value.length != m) {
                    throw new IllegalArgumentException("f returned " + value.length + " values at x["
                            + coordinate + "] = " + t + ", expected " + m + " (as at x)");
                }
                return value;
            };
            String name = "x[" + i + "]";
            Diagnostics diagnostics = new Diagnostics(name + ": ", name, m);
            scheme.differentiate(line, x[i], f0, derivative[i], error[i], diagnostics);
            warningsOf.set(i, diagnostics.warnings());
            if (!diagnostics.reliable()) {
                reliable = false;
            }
        }
    }
}
