package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL while it writes checkpoints: the checkpoint resumes, leftovers are cleared. */
class KillCommandTest {
    @TempDir
    Path dir;

    @Test
    void aCheckpointSurvivesKillMinus9AndTheNextRunClearsTemporaryFiles() throws Exception {
        Path ck = dir.resolve("ck.npz");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "org.grad4j.cli.Main",
                "train", "--dataset", "mnist-sample", "--iters", "2000000", "--checkpoint", ck.toString(),
                "--checkpoint-every", "1").redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(ck) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(300); // a few hundred checkpoints later, one is likely being written
        } finally {
            p.destroyForcibly(); // SIGKILL
            p.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(ck).exists();
        // a killed write leaves an unlocked temporary file; make one look old enough to be a leftover
        Path leftover = dir.resolve(".ck.npz.12345.tmp");
        Files.write(leftover, new byte[] {1});
        // and let a minute pass for every temporary file there (an empty one younger than 2 s may be a
        // write just starting, which AtomicFile leaves alone; the killed run's may be empty)
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
            }
        }
        int done = Checkpoints.iteration(ck);
        CliRun r = CliRun.of("train", "--dataset", "mnist-sample", "--iters", Integer.toString(done + 5),
                "--checkpoint", ck.toString(), "--resume");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("resuming from " + ck + " at iteration " + done);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    /** Reads the iteration of a checkpoint. */
    static final class Checkpoints {
        static int iteration(Path ck) throws java.io.IOException {
            return (int) org.grad4j.io.Npz.read(ck).get("grad4j_iteration").data()[0];
        }
    }
}
