package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output paths are checked before training starts. */
class OutputFilesCommandTest {
    @TempDir
    Path dir;

    private static CliRun train(String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "train";
        args[1] = "--dataset";
        args[2] = "mnist-sample";
        args[3] = "--iters=5";
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.of(args);
    }

    @Test
    void distinctOutputsMayNotShareAPath() throws Exception {
        Path x = dir.resolve("x.png");
        CliRun r = train("--save", x.toString(), "--plot", x.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("grad4j: --save and --plot name the same file " + x + "; give each output its own path\n");
        Path m = dir.resolve("m.npz");
        r = train("--save", m.toString(), "--checkpoint", dir.resolve(".").resolve("m.npz").toString());
        assertThat(r.err()).startsWith("grad4j: --save and --checkpoint name the same file ");
        assertThat(x).doesNotExist();
        assertThat(m).doesNotExist();
    }

    @Test
    void emptyPathsDirectoriesAndDeviceNodesAreRefused() {
        CliRun r = train("--save", "");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("grad4j: --save: '': empty file name\n");
        r = train("--save", dir.toString());
        assertThat(r.err()).isEqualTo("grad4j: --save: " + dir + ": is a directory, expected a file name\n");
        r = train("--save", "/dev/null");
        assertThat(r.err()).isEqualTo("grad4j: --save: /dev/null: not a regular file (refusing to replace it)\n");
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
        r = CliRun.of("descend", "x^2", "--from", "1", "--plot", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("grad4j: --plot: " + dir + ": is a directory, expected a file name\n");
    }
}
