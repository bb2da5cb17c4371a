package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issue's smaller things. */
class SmallThingsCommandTest {
    @TempDir
    Path dir;

    @Test
    void anExpressionMayBeginWithAMinus() {
        CliRun r = CliRun.of("diff", "-x^2", "--at", "1", "--method", "exact", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"derivative\":-2.0");
        CliRun g = CliRun.of("grad", "-x0*x1", "--at", "-1,2", "--method", "exact", "--json");
        assertThat(g.out()).contains("\"gradient\":[-2.0,1.0]");
        CliRun typo = CliRun.of("diff", "x^2", "--at", "1", "--methd", "book");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).isEqualTo("grad4j: Unknown option: '--methd' (try 'grad4j diff --help')\n");
    }

    @Test
    void anOverLongExpressionIsNotEchoedWhole() {
        String text = "(".repeat(9_000) + "x";
        CliRun r = CliRun.of("diff", text, "--at", "1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().length()).isLessThan(400);
        assertThat(r.err().lines()).hasSize(3);
        String longer = "x+".repeat(6_000) + "x";
        r = CliRun.of("diff", longer, "--at", "1");
        assertThat(r.err()).startsWith("grad4j: expression too long: 12001 characters (limit 10000) at column 10001\n");
        assertThat(r.err().length()).isLessThan(400);
        List<String> lines = r.err().lines().toList();
        // the line shows "..." then characters 9965 .. 10036 (0-based): column 10001 is index 10000
        assertThat(lines.get(1)).startsWith("  ...").endsWith("...");
        assertThat(lines.get(2).indexOf('^')).as("caret under column 10001").isEqualTo(2 + 3 + (10_000 - 9_964));
    }

    @Test
    void atFilesAreNotExpanded() throws Exception {
        Path f = dir.resolve("args");
        Files.writeString(f, "x^2");
        CliRun r = CliRun.of("diff", "@" + f, "--at", "1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("grad4j: unexpected '@' at column 1");
    }

    @Test
    void helpShowsWholeSentences() {
        CliRun r = CliRun.of("--help");
        String commands = r.out().substring(r.out().indexOf("Commands:"));
        for (String name : new String[] {"diff", "grad", "descend", "field", "compare", "lr-sweep",
                "regress", "example", "train", "eval", "predict", "gradcheck", "info", "serve"}) {
            int at = commands.indexOf("  " + name + " ");
            String entry = commands.substring(at, nextEntry(commands, at));
            assertThat(entry.strip()).as(name).endsWith(".");
        }
    }

    private static int nextEntry(String commands, int at) {
        int i = commands.indexOf('\n', at);
        while (i >= 0 && i + 3 < commands.length() && commands.startsWith("   ", i + 1)) {
            i = commands.indexOf('\n', i + 1);
        }
        return i < 0 ? commands.length() : i;
    }

    /** Without a native BLAS (simulated by a library name that does not exist) nothing is printed about it. */
    @Test
    void noNetlibLineWithoutANativeBlas() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Ddev.ludovic.netlib.blas.nativeLib=libgrad4j-absent.so.3",
                "-cp", System.getProperty("java.class.path"), "org.grad4j.cli.Main", "info").start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(err).doesNotContain("JNI_OnLoad").doesNotContain("dlopen");
        assertThat(out).contains("blas        Java (netlib ");
    }
}
