package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareSweepCommandTest {

    /** The exact gradient of 'x^2/20 + y^2' may round differently from the book's x/10 in the last bit. */
    private static final double REL_TOL = 1e-13;

    @TempDir
    Path dir;

    @Test
    void compareWithPlainSgdIsExact() {
        // f = x^2 + y^2, lr 0.25: x -> x - 0.25 * 2x = x / 2, exactly.
        CliRun r = CliRun.of("compare", "x^2 + y^2", "--from", "1,2", "--steps", "2", "--optimizers", "sgd:0.25", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("{\"results\":[{\"name\":\"sgd\",\"lr\":0.25,\"x\":[0.25,0.5],\"f\":0.3125,"
                + "\"status\":\"max-steps\",\"history\":[[1.0,2.0],[0.5,1.0],[0.25,0.5]],\"warnings\":[]}]}\n");
    }

    @Test
    void compareTakesFurtherSettings() {
        // torch's SGD with momentum 0.9 on x^2 from 1, written out: v1 = g0, v2 = 0.9 v1 + g1, x -= lr v.
        CliRun r = CliRun.of("compare", "x^2", "--from", "1", "--steps", "2", "--optimizers",
                "sgd:0.1:momentum=0.9,sgd:0.1:momentum=0.9:nesterov=1", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        double x1 = 1 - 0.1 * 2.0;
        double x2 = x1 - 0.1 * (0.9 * 2.0 + 2 * x1);
        assertThat(number(r.out(), "x", 0)).isEqualTo(x2);
        // Nesterov: g + 0.9 v
        double n1 = 1 - 0.1 * (2.0 + 0.9 * 2.0);
        double v2 = 0.9 * 2.0 + 2 * n1;
        double n2 = n1 - 0.1 * (2 * n1 + 0.9 * v2);
        assertThat(number(r.out(), "x", 1)).isEqualTo(n2);
    }

    @Test
    void compareReproducesTheBooksOptimizers() throws Exception {
        // From tools/reference/optimizer_compare_naive.py (the book's classes, NumPy 1.24): x, y after 30 updates.
        double[][] expected = {{-0.3503929957523197, 0.0847823165504322}, {0.896413858493733, 0.08808560171506971},
            {-0.12016232231416045, 2.486389893984459e-17}, {0.13600685239498186, 0.31824537553721943}};
        Path png = dir.resolve("compare.png");
        CliRun r = CliRun.of("compare", "x^2/20 + y^2", "--from", "-7,2", "--steps", "30", "--optimizers",
                "sgd:0.95,momentum:0.1,adagrad-book:1.5,adam-book:0.3", "--plot", png.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("{\"results\":[{\"name\":\"sgd\",\"lr\":0.95,\"x\":[")
                .contains("{\"name\":\"adam-book\",\"lr\":0.3,").doesNotContain("wrote");
        for (int k = 0; k < 4; k++) {
            assertThat(number(r.out(), "x", k)).isCloseTo(expected[k][0], within(REL_TOL * Math.abs(expected[k][0])));
        }
        assertThat(Files.size(png)).isGreaterThan(10_000);
        // the default is the book's set
        CliRun table = CliRun.of("compare", "x^2/20 + y^2", "--from", "-7,2");
        assertThat(table.out()).contains("sgd lr=0.95").contains("momentum lr=0.1").contains("adagrad-book lr=1.5")
                .contains("adam-book lr=0.3").contains("max-steps");
    }

    @Test
    void badOptimizerSpecs() {
        assertThat(compareError("sgd:abc")).isEqualTo("grad4j: --optimizers: 'sgd:abc': learning rate: 'abc' is not a number\n");
        assertThat(compareError("foo:0.1")).startsWith("grad4j: --optimizers: unknown optimizer 'foo' in 'foo:0.1' (expected sgd, momentum,");
        assertThat(compareError("sgd:0.1:momentum"))
                .isEqualTo("grad4j: --optimizers: 'sgd:0.1:momentum': expected KEY=VALUE, got 'momentum' (NAME:LR[:KEY=VALUE...])\n");
        assertThat(compareError("adam:0.1:momentum=0.9"))
                .isEqualTo("grad4j: --optimizers: 'adam:0.1:momentum=0.9': unknown option 'momentum' for adam "
                        + "(expected amsgrad, beta1, beta2, eps, lr, weight_decay)\n");
        assertThat(compareError("sgd:-1")).isEqualTo("grad4j: --optimizers: 'sgd:-1': Invalid learning rate: -1.0\n");
        assertThat(compareError("sgd:0.1,,adam")).startsWith("grad4j: --optimizers: empty optimizer in 'sgd:0.1,,adam'");
        assertThat(compareError("sgd:0.1:nesterov=1"))
                .isEqualTo("grad4j: --optimizers: 'sgd:0.1:nesterov=1': Nesterov momentum requires a momentum and zero dampening\n");
        CliRun r = CliRun.of("compare", "x^2", "--from", "1", "--foo");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("grad4j: Unknown option: '--foo' (try 'grad4j compare --help')\n");
        r = CliRun.of("compare", "x^2", "--from", "1,2");
        assertThat(r.err()).isEqualTo("grad4j: --from: expected 1 value [x], got 2\n");
    }

    private static String compareError(String spec) {
        CliRun r = CliRun.of("compare", "x^2 + y^2", "--from", "1,2", "--optimizers", spec);
        assertThat(r.exitCode()).as(spec).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        return r.err();
    }

    @Test
    void lrSweepClassifiesTheBooksRates() throws Exception {
        Path svg = dir.resolve("sweep.svg");
        CliRun r = CliRun.of("lr-sweep", "x0^2 + x1^2", "--from", "-3,4", "--lrs", "1e-10,1e-3,0.1,0.9,1.0,10",
                "--steps", "100", "--plot", svg.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("{\"minimum\":[").contains("\"minimum_source\":\"lowest f visited by the runs")
                .contains("{\"lr\":1e-10,\"x\":[-2.999999939999995,3.9999999199999934],").contains("\"behaviour\":\"too-slow\"")
                .contains("{\"lr\":1.0,\"x\":[-3.0,4.0],\"f\":25.0,\"status\":\"max-steps\",\"behaviour\":\"oscillating\"")
                .contains("\"status\":\"diverged\",\"behaviour\":\"diverged\"");
        String[] behaviours = r.out().split("\"behaviour\":\"");
        assertThat(behaviours).hasSize(7);
        assertThat(behaviours[1]).startsWith("too-slow");
        assertThat(behaviours[2]).startsWith("too-slow");
        assertThat(behaviours[3]).startsWith("converged");
        assertThat(behaviours[4]).startsWith("converged");
        assertThat(behaviours[5]).startsWith("oscillating");
        assertThat(behaviours[6]).startsWith("diverged");
        assertThat(Files.readString(svg)).contains("<svg");
    }

    @Test
    void lrSweepSearchesBeyondShortRuns() {
        // Two steps of lr 0.25 halve x: not converged, although its end is the best point the runs visited.
        CliRun r = CliRun.of("lr-sweep", "x^2 + y^2", "--from", "1,2", "--steps", "2", "--lrs", "0.25,1", "--json");
        assertThat(r.out()).contains("{\"lr\":0.25,\"x\":[0.25,0.5],\"f\":0.3125,\"status\":\"max-steps\",\"behaviour\":\"too-slow\"");
        r = CliRun.of("lr-sweep", "x^2 + y^2", "--from", "1,2", "--steps", "2", "--lrs", "0.25", "--minimum", "0.25,0.5", "--json");
        assertThat(r.out()).isEqualTo("{\"minimum\":[0.25,0.5],\"minimum_source\":\"--minimum\",\"results\":[{\"lr\":0.25,"
                + "\"x\":[0.25,0.5],\"f\":0.3125,\"status\":\"max-steps\",\"behaviour\":\"converged\",\"warnings\":[]}]}\n");
    }

    @Test
    void lrSweepTableWithAdamAndAPlotOfOneVariable() throws Exception {
        Path png = dir.resolve("sweep1.png");
        CliRun r = CliRun.of("lr-sweep", "(x - 1)^2 - 3", "--from", "4", "--lrs", "0.01,0.5", "--steps", "50",
                "--optimizer", "adam", "--plot", png.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("optimizer: adam").contains("lr    end").contains("wrote " + png);
        assertThat(Files.size(png)).isGreaterThan(5_000);
    }

    @Test
    void badLearningRates() {
        CliRun r = CliRun.of("lr-sweep", "x^2", "--from", "1", "--lrs", "0.1,abc");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("grad4j: --lrs: 'abc' is not a number\n");
        r = CliRun.of("lr-sweep", "x^2", "--from", "1", "--lrs", "0.1,-1");
        assertThat(r.err()).isEqualTo("grad4j: --lrs: learning rates must be at least 0, got -1.0\n");
        r = CliRun.of("lr-sweep", "x^2", "--from", "1", "--lrs", "0.1", "--minimum", "0,0");
        assertThat(r.err()).isEqualTo("grad4j: --minimum: expected 1 value [x], got 2\n");
        r = CliRun.of("lr-sweep", "x^2", "--from", "1", "--optimizer", "adam", "--momentum", "0.9");
        assertThat(r.err()).startsWith("grad4j: unknown option 'momentum' for adam");
    }

    /** The first number of the {@code n}-th array under {@code "key":[...]}. */
    static double number(String json, String key, int n) {
        Matcher m = Pattern.compile("\"" + key + "\":\\[([-0-9.eE+]+)[,\\]]").matcher(json);
        for (int i = 0; i <= n; i++) {
            assertThat(m.find()).as("occurrence %d of %s in %s", i, key, json).isTrue();
        }
        return Double.parseDouble(m.group(1));
    }
}
