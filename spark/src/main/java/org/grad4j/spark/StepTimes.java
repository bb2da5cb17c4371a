package org.grad4j.spark;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where the time of each Spark job of a run goes: computing on the executors (the slowest task's
 * own measured time: every task runs in parallel, so the job waits for that one) against everything
 * else, scheduling, serialising and broadcasting the weights, fetching and summing the results.
 * In {@code sync} mode a job is one step; in {@code average} mode one round of local steps.
 */
final class StepTimes {
    /** Jobs at the start not counted in {@link #communicationDominates()}: the JIT is still compiling. */
    static final int WARM_UP_JOBS = 5;

    private long[] wall = new long[64];
    private long[] compute = new long[64];
    private long driver;
    private int jobs;
    /** Whether the warning about communication has been given. */
    boolean warned;

    /** Records one job: its wall time on the driver and the slowest task's compute time, in nanoseconds. */
    void add(long wallNanos, long computeNanos) {
        if (jobs == wall.length) {
            wall = Arrays.copyOf(wall, 2 * jobs);
            compute = Arrays.copyOf(compute, 2 * jobs);
        }
        wall[jobs] = wallNanos;
        compute[jobs] = Math.min(computeNanos, wallNanos);
        jobs++;
    }

    /** Adds time the driver spent outside the jobs (the optimizer step, evaluations excluded). */
    void addDriver(long nanos) {
        driver += nanos;
    }

    int jobs() {
        return jobs;
    }

    /** Seconds of all jobs' wall time. */
    double wallSeconds() {
        return sum(wall, 0) / 1e9;
    }

    /** Seconds the slowest task of each job computed, summed over jobs. */
    double computeSeconds() {
        return sum(compute, 0) / 1e9;
    }

    /** Seconds of scheduling and communication: wall time minus computing. */
    double communicationSeconds() {
        return wallSeconds() - computeSeconds();
    }

    /** Seconds the driver spent between jobs (optimizer steps). */
    double driverSeconds() {
        return driver / 1e9;
    }

    /** The share of the wall time after the warm-up jobs that was not computing, in [0, 1]. */
    double communicationShare() {
        int from = jobs > 2 * WARM_UP_JOBS ? WARM_UP_JOBS : 0;
        long w = sum(wall, from);
        return w == 0 ? 0 : 1.0 - (double) sum(compute, from) / w;
    }

    /** Whether scheduling and communication took more than half of the jobs' time (after the warm-up). */
    boolean communicationDominates() {
        return jobs > WARM_UP_JOBS && communicationShare() > 0.5;
    }

    /** One line for job {@code j}. */
    String line(int j, String what) {
        return String.format(Locale.ROOT, "%s: %.2f ms, of which %.2f ms computing on executors (slowest task) "
                + "and %.2f ms scheduling and communication", what, wall[j] / 1e6, compute[j] / 1e6,
                (wall[j] - compute[j]) / 1e6);
    }

    /** A summary: jobs, compute and communication totals and per job. */
    String summary() {
        double per = jobs == 0 ? 0 : 1e3 / jobs;
        String after = jobs > 2 * WARM_UP_JOBS ? " after the first " + WARM_UP_JOBS + " jobs" : "";
        return String.format(Locale.ROOT, "%d Spark jobs in %.2f s: %.2f s computing on executors (%.2f ms a job), "
                + "%.2f s scheduling and communication (%.2f ms a job, %.0f %% of the time%s), "
                + "%.2f s on the driver between jobs", jobs, wallSeconds(), computeSeconds(), computeSeconds() * per,
                communicationSeconds(), communicationSeconds() * per, 100 * communicationShare(), after, driverSeconds());
    }

    private long sum(long[] a, int from) {
        long s = 0;
        for (int i = from; i < jobs; i++) {
            s += a[i];
        }
        return s;
    }
}
