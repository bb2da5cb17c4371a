package org.grad4j.spark;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a master and {@code workers} workers, each in
 * its own JVM started from the test class path; the workers start executor JVMs. Spark's workers
 * build an executor's class path from {@code $SPARK_HOME/jars}, so a temporary SPARK_HOME links
 * the test class path's jars there; its directories (target/classes) go to
 * {@code spark.executor.extraClassPath} ({@link #executorClassPath()}). {@link #close} destroys
 * every process started, executors included.
 */
final class StandaloneCluster implements AutoCloseable {
    private final Path home;
    private final List<Process> processes = new ArrayList<>();
    private final int port;

    StandaloneCluster(int workers, Path dir) throws IOException, InterruptedException {
        home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String e : classPath()) {
            Path p = Path.of(e);
            if (Files.isRegularFile(p) && e.endsWith(".jar")) {
                Path link = jars.resolve(p.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, p.toAbsolutePath());
                }
            }
        }
        port = freePort();
        try {
            start(dir.resolve("master.log"), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort()));
            waitForPort(port);
            for (int w = 0; w < workers; w++) {
                Path work = Files.createDirectories(dir.resolve("work-" + w));
                start(dir.resolve("worker-" + w + ".log"), "org.apache.spark.deploy.worker.Worker", "--host",
                        "127.0.0.1", "--port", "0", "--webui-port", Integer.toString(freePort()), "--cores", "1",
                        "--memory", "1g", "--work-dir", work.toString(), master());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    String master() {
        return "spark://127.0.0.1:" + port;
    }

    /** The test class path's directories, for {@code spark.executor.extraClassPath}. */
    String executorClassPath() {
        return String.join(File.pathSeparator, classPath().stream().filter(e -> Files.isDirectory(Path.of(e))).toList());
    }

    /** The executor JVMs the workers started (their descendants running CoarseGrainedExecutorBackend). */
    List<ProcessHandle> executors() {
        List<ProcessHandle> out = new ArrayList<>();
        for (Process p : processes) {
            p.toHandle().descendants().filter(h -> h.info().commandLine().orElse("")
                    .contains("CoarseGrainedExecutorBackend")).forEach(out::add);
        }
        return out;
    }

    private static List<String> classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
    }

    static List<String> jvmArgs() {
        String a = System.getProperty("grad4j.test.jvm.args", "");
        return Arrays.stream(a.trim().split("\\s+")).filter(s -> !s.isBlank()).toList();
    }

    private void start(Path log, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs());
        cmd.add("-Xmx256m");
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, classPath()));
        cmd.add(main);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("OPENBLAS_NUM_THREADS", "1");
        processes.add(pb.start());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void waitForPort(int p) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (Process proc : processes) {
                if (!proc.isAlive()) {
                    throw new IOException("a cluster JVM exited with " + proc.exitValue() + " before the master listened");
                }
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), p)) {
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IOException("the Spark master did not listen on 127.0.0.1:" + p + " within 60 s");
    }

    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : processes) {
            try (Stream<ProcessHandle> d = p.toHandle().descendants()) {
                d.forEach(all::add);
            }
            all.add(p.toHandle());
        }
        for (ProcessHandle h : all) {
            h.destroy();
        }
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        processes.clear();
        // the links first, so that deleting the temporary directory does not follow them
        try (Stream<Path> links = Files.list(home.resolve("jars"))) {
            for (Path l : links.toList()) {
                Files.deleteIfExists(l);
            }
        } catch (IOException e) {
            // left for the temporary directory's own clean-up
        }
    }
}
