package org.grad4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.grad4j.data.Datasets;
import org.grad4j.optim.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizerCompareTest {

    /** Closeness of the smoothing to NumPy (a sum of 11 products; NumPy's i0 is a Chebyshev fit). */
    private static final double SMOOTH_TOL = 1e-14;

    @TempDir
    Path dir;

    @Test
    void matchesTheBooksOptimizersBitForBit() {
        // After 30 updates, from tools/reference/optimizer_compare_naive.py (the book's common/optimizer.py
        // classes in NumPy 1.24 float64): x, y, f.
        double[][] expected = {
            {-0.3503929957523197, 0.0847823165504322, 0.013326803773271945},
            {0.896413858493733, 0.08808560171506971, 0.047936963514487015},
            {-0.12016232231416045, 2.486389893984459e-17, 0.0007219491851966091},
            {0.13600685239498186, 0.31824537553721943, 0.10220501224574535}};
        List<Trajectory> runs = OptimizerCompare.runs();
        assertThat(runs).hasSize(4);
        for (int k = 0; k < 4; k++) {
            Trajectory t = runs.get(k);
            assertThat(t.steps()).isEqualTo(30);
            assertThat(t.last()).as(OptimizerCompare.entries().get(k).name())
                    .containsExactly(expected[k][0], expected[k][1]);
            assertThat(t.lastValue()).isEqualTo(expected[k][2]);
        }
    }

    @Test
    void printsTheFinalPointsAndWritesTheFigure() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new OptimizerCompare().run(new ExampleContext(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir, "png"));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("SGD:      lr = 0.95   x = -0.3503929957523197")
                .contains("AdaGrad:  lr = 1.5    x = -0.12016232231416045    y = 2.486389893984459e-17")
                .contains("f = 0.10220501224574535");
        assertThat(Files.size(dir.resolve("optimizer-compare.png"))).isGreaterThan(10_000);
    }

    @Test
    void smoothCurveIsTheBooks() {
        // np.kaiser(11, 2) and the book's smooth_curve of sin(0.7 i) + 0.01 i^2, i = 0..14, from
        // tools/reference/cli_reference.py (NumPy 1.24).
        double[] kaiser = {0.4386762798370488, 0.6113943543616491, 0.7676749968275236, 0.8921614338542881,
            0.9723298008693713, 1.0, 0.9723298008693713, 0.8921614338542881, 0.7676749968275236,
            0.6113943543616491, 0.4386762798370488};
        double[] smooth = {0.6076075753686259, 0.5698471505174796, 0.4747661257268129, 0.36884319603359433,
            0.30623587996136054, 0.3252385262610104, 0.43263738900026105, 0.5620836063408354, 0.7138376309205541,
            0.8870745175721853, 1.0919785429520363, 1.3307028701943646, 1.5742421665773796, 1.7769585594790533,
            1.8927236084756742};
        double[] w = SmoothCurve.kaiser(11, 2);
        for (int k = 0; k < 11; k++) {
            assertThat(w[k]).as("w[%d]", k).isCloseTo(kaiser[k], within(SMOOTH_TOL));
        }
        double[] x = new double[15];
        for (int i = 0; i < 15; i++) {
            x[i] = Math.sin(0.7 * i) + 0.01 * i * i;
        }
        double[] copy = x.clone();
        double[] y = SmoothCurve.of(x);
        assertThat(x).containsExactly(copy);
        for (int i = 0; i < 15; i++) {
            assertThat(y[i]).as("y[%d]", i).isCloseTo(smooth[i], within(SMOOTH_TOL));
        }
        assertThat(SmoothCurve.of(new double[] {1, 2, 3})).containsExactly(1, 2, 3);
    }

    @Test
    void mnistComparisonPrintsAsTheBookOnTheSample() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        double[][] loss = OptimizerCompareMnist.train(Datasets.sample(), 101, out);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("===========iteration:0===========\nSGD:")
                .contains("\n===========iteration:100===========\nSGD:").contains("\nMomentum:")
                .contains("\nAdaGrad:").contains("\nAdam:");
        assertThat(loss).hasDimensions(4, 101);
        // the same start and the same first batch: SGD and Momentum take the same first step (v = -lr g)
        assertThat(loss[0][0]).isEqualTo(loss[1][0]);
        for (double[] l : loss) {
            assertThat(l[100]).isLessThan(l[0]);
        }
        Path png = dir.resolve("mnist.png");
        OptimizerCompareMnist.chart(loss, "mnist-sample").write(png);
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }
}
