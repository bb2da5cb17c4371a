package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescendFieldCommandTest {

    @TempDir
    Path dir;

    @Test
    void descendWithTheBooksGradientReproducesItsResult() {
        // The book (ch. 4.4.1) prints array([ -6.11110793e-10,   8.14814391e-10]); these are its
        // float64 values, as NumPy 1.24 computes them with the book's gradient_descent.
        CliRun r = CliRun.of("descend", "x0^2 + x1^2", "--from", "-3,4", "--lr", "0.1", "--steps", "100",
                "--gradient", "book", "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("{\"x\":[-6.111107928998789e-10,8.148143905314271e-10],\"f\":")
                .contains("\"steps\":100,\"status\":\"max-steps\",\"status_step\":null,\"history\":[[-3.0,4.0],")
                .endsWith("\"warnings\":[]}\n");
    }

    @Test
    void learningRate10DivergesWithTheRoundingWarning() {
        // The book prints array([ -2.58983747e+13,  -1.29524862e+12]).
        CliRun r = CliRun.of("descend", "x0^2 + x1^2", "--from", "-3,4", "--lr", "10", "--steps", "100",
                "--gradient", "book", "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("{\"x\":[-25898374737328.363,-1295248616896.5398],")
                .contains("\"status\":\"diverged\",\"status_step\":1,")
                .contains("x[1] + h == x[1]");
    }

    @Test
    void tinyLearningRateHardlyMoves() {
        // The book prints array([-2.99999994,  3.99999992]).
        CliRun r = CliRun.of("descend", "x0^2 + x1^2", "--from", "-3,4", "--lr", "1e-10", "--steps", "100",
                "--gradient", "book", "--json");
        assertThat(r.out()).startsWith("{\"x\":[-2.999999939999995,3.9999999199999934],");
    }

    @Test
    void stopOnDivergenceAndToleranceStopEarly() {
        CliRun r = CliRun.of("descend", "x0^2 + x1^2", "--from", "-3,4", "--lr", "10", "--steps", "100",
                "--stop-on-divergence", "--json");
        assertThat(r.out()).contains("\"status\":\"diverged\"");
        assertThat(r.out()).doesNotContain("\"steps\":100,");
        r = CliRun.of("descend", "x0^2 + x1^2", "--from", "-3,4", "--lr", "0.1", "--steps", "1000", "--tol", "1e-6", "--json");
        assertThat(r.out()).contains("\"status\":\"converged\"").doesNotContain("\"steps\":1000,");
    }

    @Test
    void descendWithAdamAndAPlot() throws Exception {
        Path png = dir.resolve("path.png");
        CliRun r = CliRun.of("descend", "x^2/20 + y^2", "--from", "-7,2", "--lr", "0.3", "--steps", "30",
                "--optimizer", "adam", "--plot", png.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("optimizer: adam").contains("wrote " + png);
        assertThat(Files.size(png)).isGreaterThan(1000);
    }

    @Test
    void badDescendInput() {
        CliRun r = CliRun.of("descend", "x^2", "--from", "1", "--gradient", "magic");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("grad4j: --gradient: unknown gradient 'magic' (expected exact, book, central, richardson)\n");
        r = CliRun.of("descend", "x^2", "--from", "1", "--lr", "-0.1");
        assertThat(r.err()).isEqualTo("grad4j: Invalid learning rate: -0.1\n");
        r = CliRun.of("descend", "x^2", "--from", "1", "--optimizer", "adam", "--momentum", "0.9");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("grad4j: unknown option 'momentum' for adam");
        r = CliRun.of("descend", "x^2", "--from", "1", "--plot", dir.resolve("x.gif").toString());
        assertThat(r.err()).isEqualTo("grad4j: unsupported plot format 'x.gif' (use .png or .svg)\n");
    }

    @Test
    void fieldWritesThePicture() throws Exception {
        Path svg = dir.resolve("field.svg");
        CliRun r = CliRun.of("field", "x0^2 + x1^2", "--range", "-2,2", "--grid", "0.25", "--plot", svg.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(svg)).contains("<svg");
        r = CliRun.of("field", "x^2", "--plot", svg.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("grad4j: field: 'x^2' has 1 variable [x], expected 2\n");
        r = CliRun.of("field", "x*y", "--range", "2,-2", "--plot", svg.toString());
        assertThat(r.err()).isEqualTo("grad4j: --range: empty plot range [2.0, -2.0] x [2.0, -2.0]\n");
    }
}
