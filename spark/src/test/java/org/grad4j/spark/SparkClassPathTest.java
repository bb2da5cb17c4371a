package org.grad4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build's {@code target/spark.classpath}, the jars the launcher adds for {@code train --spark}
 * and that a standalone cluster's executors start from, is Spark's whole class path: with only
 * those jars (and the JDK) an executor finds the libraries Spark shares with grad4j-core, which
 * Maven resolves as grad4j-core's compile dependencies rather than as Spark's provided ones.
 */
class SparkClassPathTest {
    /**
     * Classes an executor JVM loads at start-up or for grad4j's kernels, from libraries grad4j-core
     * also depends on: commons-io (Spark's SparkEnv; grad4j through commons-csv) and netlib's BLAS.
     */
    static final List<String> SHARED = List.of("org.apache.commons.io.output.ByteArrayOutputStream",
            "dev.ludovic.netlib.blas.BLAS", "org.apache.spark.SparkEnv",
            "org.apache.spark.executor.CoarseGrainedExecutorBackend");

    @Test
    void holdsTheLibrariesSparkSharesWithTheCore() throws Exception {
        Path file = Path.of(System.getProperty("grad4j.spark.classpath", "target/spark.classpath"));
        assertThat(file).exists();
        List<URL> urls = new ArrayList<>();
        for (String jar : Files.readString(file).trim().split(java.io.File.pathSeparator)) {
            assertThat(Path.of(jar)).as("a jar of spark.classpath").isRegularFile();
            assertThat(jar).as("grad4j's own jars travel with the job, not on Spark's class path")
                    .doesNotContain("grad4j-core");
            urls.add(Path.of(jar).toUri().toURL());
        }
        try (URLClassLoader alone = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            for (String name : SHARED) {
                assertThat(Class.forName(name, false, alone).getClassLoader()).as(name).isSameAs(alone);
            }
        }
    }
}
