package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressCommandTest {

    /** np.polyfit (a QR least-squares solve) and our centred formula differ by a few ulps. */
    private static final double LSTSQ_TOL = 1e-13;

    @TempDir
    Path dir;

    private Path csv() throws Exception {
        Path f = dir.resolve("points.csv");
        Files.writeString(f, "x,y\n1,2.0\n2,2.9\n# a comment\n3,4.2\n4 4.8\n\n5,6.1\n");
        return f;
    }

    @Test
    void fitsATinyCsvAsTheTutorial() throws Exception {
        // tools/reference/cli_reference.py: the tutorial's step_gradient, lr 0.01, 1000 iterations (NumPy 1.24),
        // b = 0.9483189549955982, m = 1.0160053018095447, error = 0.019885560547757315; np.polyfit:
        // b = 0.9700000000000011, w = 1.0099999999999998, error = 0.019800000000000033.
        CliRun r = CliRun.of("regress", "--data", csv().toString(), "--lr", "0.01", "--iters", "1000", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("{\"b\":0.9483189549955982,\"w\":1.0160053018095447,\"error_start\":18.06,"
                + "\"error\":0.019885560547757315,\"lstsq\":{\"b\":").contains("\"iterations\":1000,")
                .contains("\"history\":[18.06,").endsWith("\"warnings\":[]}\n");
        assertThat(CompareSweepCommandTest.number(r.out().replace("\"lstsq\":{\"b\":", "\"ls\":["), "ls", 0))
                .isCloseTo(0.9700000000000011, within(LSTSQ_TOL));
        assertThat(r.out()).containsPattern("\"lstsq\":\\{\"b\":0\\.97000000000000\\d*,\"w\":1\\.00999999999999\\d*,"
                + "\"error\":0\\.0198000000000000\\d*\\}");
        assertThat(r.out().split("\"history\":\\[")[1].split(",")).hasSize(1001 + 1); // 1001 values, then "warnings"
    }

    @Test
    void printsTheTutorialsLines() throws Exception {
        Path png = dir.resolve("fit.png");
        CliRun r = CliRun.of("regress", "--data", csv().toString(), "--lr", "0.01", "--plot", png.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Starting gradient descent at b = 0, m = 0, error = 18.06\n")
                .contains("After 1000 iterations b = 0.9483189549955982, m = 1.0160053018095447, error = 0.019885560547757315\n")
                .contains("Least squares:").contains("gap: error - least-squares error = ").contains("wrote " + png);
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    void syntheticDefaultApproachesTheLeastSquaresLine() {
        CliRun r = CliRun.of("regress", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        double gap = Double.parseDouble(r.out().split("\"gap\":")[1].split(",")[0]);
        assertThat(gap).isBetween(0.0, 0.05);
        CliRun same = CliRun.of("regress", "--synthetic", "100", "--seed", "0", "--range", "0,15", "--json");
        assertThat(same.out()).isEqualTo(r.out());
        CliRun other = CliRun.of("regress", "--seed", "1", "--json");
        assertThat(other.out()).isNotEqualTo(r.out());
        CliRun adam = CliRun.of("regress", "--optimizer", "adam", "--lr", "0.1", "--iters", "3000", "--json");
        double adamGap = Double.parseDouble(adam.out().split("\"gap\":")[1].split(",")[0]);
        assertThat(adamGap).isCloseTo(0.0, within(1e-6)); // may be a rounding below 0
    }

    @Test
    void badInput() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y\n1,2\n2,x\n");
        CliRun r = CliRun.of("regress", "--data", bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("grad4j: bad.csv:3: expected 2 numbers, got '2,x'\n");
        r = CliRun.of("regress", "--data", dir.resolve("missing.csv").toString());
        assertThat(r.err()).isEqualTo("grad4j: --data: no such file: " + dir.resolve("missing.csv") + "\n");
        r = CliRun.of("regress", "--data", csv().toString(), "--synthetic", "10");
        assertThat(r.err()).isEqualTo("grad4j: --data and --synthetic: give one of them, not both\n");
        r = CliRun.of("regress", "--gradient", "richardson");
        assertThat(r.err()).isEqualTo("grad4j: --gradient: unknown gradient 'richardson' (expected exact, book)\n");
        r = CliRun.of("regress", "--range", "5,1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("grad4j: x range must be finite with xMin < xMax");
    }
}
