package org.grad4j.spark;

import org.apache.spark.SparkEnv;
import org.grad4j.tensor.TwoCores;

/**
 * How a task computes on its executor: on two cores, with a {@link TwoCores} worker of the task's
 * own (started for the task, bound to its thread while it computes, closed when it ends), only when
 * it is the executor's one task at a time; otherwise on its own thread alone. Concurrent tasks of one
 * JVM ({@code local[N]} with N &gt; 1, or executors with several cores) never share a worker, and
 * each already has a core of its own. Either way a task computes the bits it would compute
 * in-process.
 */
final class TaskThreads {
    private TaskThreads() {}

    static void run(Runnable r) {
        if (concurrent()) {
            r.run();
            return;
        }
        try (TwoCores cores = TwoCores.start("grad4j-task"); TwoCores.Scope bound = cores.bind()) {
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
