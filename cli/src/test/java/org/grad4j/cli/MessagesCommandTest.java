package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.grad4j.io.NdArray;
import org.grad4j.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "messages that do not say what is wrong", each now naming the option or file and the value. */
class MessagesCommandTest {
    @TempDir
    Path dir;

    private static String error(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        return r.err();
    }

    @Test
    void aMistypedOptionBeforeTheExpressionIsNamed() {
        assertThat(error("diff", "--bogus=2", "x^2", "--at", "1"))
                .isEqualTo("grad4j: Unknown option: '--bogus=2' (try 'grad4j diff --help')\n");
        assertThat(error("diff", "--at", "1", "--methd", "book", "x^2"))
                .isEqualTo("grad4j: Unknown option: '--methd' (try 'grad4j diff --help')\n");
        assertThat(CliRun.of("diff", "-x^2", "--at", "1").exitCode()).isZero();
    }

    @Test
    void fieldRangeWhoseWidthOverflows() {
        assertThat(error("field", "x0^2+x1^2", "--range", "-1e308,1e308", "--plot", dir.resolve("f.png").toString()))
                .isEqualTo("grad4j: --range: the width 1e+308 - (-1e+308) overflows a double, got '-1e308,1e308'\n");
    }

    @Test
    void fieldGridTooFineForAPicture() {
        assertThat(error("field", "x0^2+x1^2", "--grid", "1e-300", "--plot", dir.resolve("f.png").toString()))
                .isEqualTo("grad4j: --grid 1e-300: 4.00e+300 x 4.00e+300 arrows on --range -2,2; at most 1000 per side fit in a picture\n");
    }

    @Test
    void fieldWarnsWhereFIsNotFinite() {
        CliRun r = CliRun.of("field", "log(x0) + x1^2", "--plot", dir.resolve("f.png").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("warning: f or its gradient is not finite at 153 of 289 grid points (first at (-2.0, -2.0))");
    }

    @Test
    void aCsvThatIsNotUtf8() throws Exception {
        Path csv = dir.resolve("latin1.csv");
        Files.write(csv, new byte[] {'x', ',', 'y', '\n', '1', ',', '2', '\n', '#', ' ', 'c', 'a', 'f', (byte) 0xe9, '\n'});
        assertThat(error("regress", "--data", csv.toString()))
                .isEqualTo("grad4j: " + csv + ": not UTF-8 text (a malformed byte sequence); save it as UTF-8 or ASCII\n");
    }

    @Test
    void evalOfAFirstLayerThatDoesNotTakeThePixelsBlamesW1() throws Exception {
        Map<String, NdArray> a = new LinkedHashMap<>();
        a.put("W1", new NdArray(new double[100], new int[] {10, 10}));
        a.put("b1", new NdArray(new double[10], new int[] {10}));
        a.put("W2", new NdArray(new double[100], new int[] {10, 10}));
        a.put("b2", new NdArray(new double[10], new int[] {10}));
        Path m = dir.resolve("small.npz");
        Npz.write(m, a);
        assertThat(error("eval", "--model", m.toString(), "--dataset", "mnist-sample"))
                .isEqualTo("grad4j: " + m + ": W1 takes 10 inputs, but mnist-sample has 784 pixels per image\n");
    }
}
