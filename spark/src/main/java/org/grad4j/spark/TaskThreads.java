package org.grad4j.spark;

import org.apache.spark.SparkEnv;
import org.grad4j.tensor.Halves;

/**
 * How a task computes on its executor: on two cores ({@link Halves}) only when it is the
 * executor's one task at a time; otherwise on its own thread ({@link Halves#alone}).
 *
 * <p>Several tasks in one JVM ({@code local[N]} with N &gt; 1, or executors with several cores)
 * would share the JVM's single Halves worker, and with it shared some runs of {@code sync} mode
 * ended with other weights than in-process (see docs/performance.md, "Training on Spark"); each task alone, they
 * all give the in-process weights.
 */
final class TaskThreads {
    private TaskThreads() {}

    static void run(Runnable r) {
        if (concurrent()) {
            Halves.alone(r);
        } else {
            r.run();
        }
    }

    /** Whether this JVM may run several tasks at once. */
    static boolean concurrent() {
        SparkEnv env = SparkEnv.get();
        if (env == null) {
            return true;
        }
        String master = env.conf().get("spark.master", "local");
        if (master.startsWith("local")) {
            return !master.equals("local") && !master.equals("local[1]") && !master.startsWith("local[1,");
        }
        return env.conf().getInt("spark.executor.cores", 0) != 1;
    }
}
