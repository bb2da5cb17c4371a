package org.grad4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.grad4j.data.Sampling;
import org.grad4j.nn.FeedForwardNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster on 127.0.0.1 (master and two workers, each its own JVM, and their
 * executor JVMs): {@code sync} training on it gives the in-process weights, and still does when an
 * executor JVM is killed mid-training (Spark retries the lost tasks and recomputes the lost blocks).
 */
class StandaloneClusterTest {
    static final int KILL_AT_STEP = 40;
    static final long EXECUTORS_TIMEOUT_MS = 120_000;

    @Test
    void syncOnTwoWorkersEqualsInProcessAndSurvivesAKilledExecutor(@TempDir Path dir) throws Exception {
        FeedForwardNet reference = SyncParityTest.inProcess("sgd", 0.1);
        LocalSpark.stop(); // one Spark context per JVM
        try (StandaloneCluster cluster = new StandaloneCluster(2, dir)) {
            SparkSession spark = SparkSession.builder().master(cluster.master()).appName("grad4j-cluster-test")
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false").config("spark.executor.memory", "512m")
                    .config("spark.executor.cores", "1").config("spark.cores.max", "2")
                    .config("spark.executor.extraClassPath", cluster.executorClassPath())
                    .config("spark.executor.extraJavaOptions", String.join(" ", StandaloneCluster.jvmArgs()))
                    .config("spark.executorEnv.OPENBLAS_NUM_THREADS", "1")
                    .getOrCreate();
            try {
                JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
                waitForExecutors(sc, 2);
                double[][] undisturbed = train(spark, sc, -1, null);
                assertThat(SyncParityTest.maxDifference(undisturbed, reference.paramArrays()))
                        .isLessThanOrEqualTo(SyncParityTest.PARITY);

                AtomicLong killed = new AtomicLong(-1);
                double[][] disturbed = train(spark, sc, KILL_AT_STEP, () -> {
                    List<ProcessHandle> executors = cluster.executors();
                    assertThat(executors).isNotEmpty();
                    ProcessHandle victim = executors.get(0);
                    victim.destroyForcibly();
                    victim.onExit().join();
                    killed.set(victim.pid());
                });
                assertThat(killed.get()).isPositive();
                assertThat(SyncParityTest.maxDifference(disturbed, undisturbed))
                        .isLessThanOrEqualTo(SyncParityTest.PARITY);
            } finally {
                spark.stop();
            }
        }
    }

    private static double[][] train(SparkSession spark, JavaSparkContext sc, int killAt, Runnable kill) {
        FeedForwardNet start = SyncParityTest.initial();
        double[][] w = ModelSpec.weightsOf(start.asModule());
        try (Frames.Frame f = Frames.of(spark, SyncParityTest.sample.train(), 2);
             TrainingData data = TrainingData.of(f.df(), "features", "label", 0, org.grad4j.data.Task.CLASSIFICATION, 10)) {
            Plan plan = new Plan(Mode.SYNC, 1, SyncParityTest.STEPS, SyncParityTest.BATCH, Sampling.SHUFFLE,
                    SyncParityTest.SEED, Double.POSITIVE_INFINITY, 0, null);
            DataParallel.train(sc, data, SyncParityTest.spec(start), w, new OptimizerSpec("sgd", Map.of("lr", 0.1)), plan,
                    (it, total, loss) -> {
                        if (it + 1 == killAt) {
                            kill.run();
                        }
                    });
        }
        return w;
    }

    private static void waitForExecutors(JavaSparkContext sc, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + EXECUTORS_TIMEOUT_MS;
        // the driver's own block manager counts as one
        while (sc.sc().getExecutorMemoryStatus().size() < n + 1) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("only " + (sc.sc().getExecutorMemoryStatus().size() - 1) + " of " + n
                        + " executors registered within " + EXECUTORS_TIMEOUT_MS / 1000 + " s");
            }
            Thread.sleep(200);
        }
    }
}
