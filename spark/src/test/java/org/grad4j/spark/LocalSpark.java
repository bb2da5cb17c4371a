package org.grad4j.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** One {@code local[2]} Spark session for all the tests of a JVM (starting one takes seconds), on 127.0.0.1. */
final class LocalSpark {
    private static SparkSession session;
    private static boolean hooked;

    private LocalSpark() {}

    static synchronized SparkSession session() {
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSession.builder().master("local[2]").appName("grad4j-spark-tests")
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
            if (!hooked) {
                Runtime.getRuntime().addShutdownHook(new Thread(LocalSpark::stop, "grad4j-spark-tests-stop"));
                hooked = true;
            }
        }
        return session;
    }

    /** Stops the local session (a JVM holds one Spark context at a time); {@link #session()} starts a new one. */
    static synchronized void stop() {
        if (session != null) {
            session.stop();
            session = null;
        }
    }

    static JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(session().sparkContext());
    }
}
