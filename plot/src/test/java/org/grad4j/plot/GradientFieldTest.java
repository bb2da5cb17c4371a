package org.grad4j.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GradientFieldTest {

    private static final double TOL = 1e-12;

    private static GradientField square() {
        return GradientField.of(x -> x[0] * x[0] + x[1] * x[1], x -> new double[] {2 * x[0], 2 * x[1]});
    }

    @ParameterizedTest
    @EnumSource(GradientField.ArrowScale.class)
    void arrowsPointAlongMinusGradientOfSquare(GradientField.ArrowScale scale) {
        double[][] arrows = square().arrowScale(scale).arrows();
        assertThat(arrows).hasNumberOfRows(17 * 17); // the book's grid: -2, -1.75, ..., 2 on both axes
        for (double[] a : arrows) {
            double gx = 2 * a[0];
            double gy = 2 * a[1];
            double g = Math.hypot(gx, gy);
            if (g == 0) {
                assertThat(a[2]).isZero();
                assertThat(a[3]).isZero();
                continue;
            }
            double len = Math.hypot(a[2], a[3]);
            assertThat(len).isPositive();
            // unit vectors of the arrow and of -grad f coincide
            assertThat(a[2] / len).as("u at (%s, %s)", a[0], a[1]).isCloseTo(-gx / g, within(TOL));
            assertThat(a[3] / len).as("v at (%s, %s)", a[0], a[1]).isCloseTo(-gy / g, within(TOL));
            assertThat(len).isLessThanOrEqualTo(0.9 * 0.25 + TOL); // never longer than the grid step
        }
    }

    @Test
    void proportionalArrowsScaleWithTheGradientNorm() {
        double[][] arrows = square().arrows();
        double longest = 0;
        for (double[] a : arrows) {
            longest = Math.max(longest, Math.hypot(a[2], a[3]));
        }
        assertThat(longest).isCloseTo(0.9 * 0.25, within(TOL));
        for (double[] a : arrows) {
            // |grad| = 2 r and the longest arrow is at a corner, r = 2 sqrt 2
            double expected = 0.9 * 0.25 * Math.hypot(a[0], a[1]) / (2 * Math.sqrt(2));
            assertThat(Math.hypot(a[2], a[3])).isCloseTo(expected, within(TOL));
        }
    }

    @Test
    void arrowsPointDownhillForARandomQuadratic() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            double a = 0.1 + rnd.nextDouble(), b = rnd.nextDouble() - 0.5, c = 0.1 + rnd.nextDouble();
            GradientField field = GradientField.of(x -> a * x[0] * x[0] + b * x[0] * x[1] + c * x[1] * x[1],
                    x -> new double[] {2 * a * x[0] + b * x[1], b * x[0] + 2 * c * x[1]}).step(0.5);
            for (double[] r : field.arrows()) {
                double f0 = a * r[0] * r[0] + b * r[0] * r[1] + c * r[1] * r[1];
                double x = r[0] + 1e-3 * r[2], y = r[1] + 1e-3 * r[3];
                double f1 = a * x * x + b * x * y + c * y * y;
                assertThat(f1).as("f decreases along the arrow at (%s, %s)", r[0], r[1]).isLessThanOrEqualTo(f0);
            }
        }
    }

    @Test
    void axesStayFixedWhenAPathDiverges() {
        double[][] path = Samples.descent(new double[] {-3, 4}, 10, 100); // |x| grows like 19^k, to 1e128
        GradientField field = square().xRange(-4, 4).yRange(-5, 5).addPath("lr 10", path);
        XYPlot plot = field.jfreechart().getXYPlot();
        assertThat(plot.getDomainAxis().getRange()).isEqualTo(new Range(-4, 4));
        assertThat(plot.getRangeAxis().getRange()).isEqualTo(new Range(-5, 5));
        assertThat(field.png(300, 300)).isNotEmpty();
    }

    @Test
    void pathsAreClippedExactlyAndKeepTheirMarkers() {
        // (0,0) -> (4,0) leaves the box [-1,1]^2 at (1,0); (4,0) -> (0,0.5) re-enters at (1, 0.375)
        Series p = new Series("p", new double[] {0, 4, 0}, new double[] {0, 0, 0.5}, false);
        XYSeries out = new XYSeries("p", false, true);
        int[] origin = PathRenderer.clip(p, -1, 1, -1, 1, out);
        assertThat(origin).containsExactly(0, -1, -1, -1, 2);
        assertThat(out.getX(1).doubleValue()).isCloseTo(1, within(TOL));
        assertThat(out.getY(1).doubleValue()).isCloseTo(0, within(TOL));
        assertThat(out.getX(2).doubleValue()).isNaN();
        assertThat(out.getX(3).doubleValue()).isCloseTo(1, within(TOL));
        assertThat(out.getY(3).doubleValue()).isCloseTo(0.375, within(TOL));
    }

    @Test
    void hugeSegmentsAreLeftOutRatherThanDrawnWrongly() {
        Series p = new Series("p", new double[] {-1e127, 1.9e128}, new double[] {1.3e127, -2.5e128}, false);
        XYSeries out = new XYSeries("p", false, true);
        assertThat(PathRenderer.clip(p, -1, 1, -1, 1, out)).isEmpty();
    }

    @Test
    void contourSegmentsLieOnTheLevelSet() {
        int n = 41;
        double[] xs = new double[n];
        double[] z = new double[n * n];
        for (int i = 0; i < n; i++) {
            xs[i] = -2 + 4.0 * i / (n - 1);
        }
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                z[j * n + i] = xs[i] * xs[i] + xs[j] * xs[j];
            }
        }
        XYSeries out = new XYSeries("c", false, true);
        Contours.segments(xs, xs, z, 1.0, out);
        assertThat(out.getItemCount()).isGreaterThan(3 * 50);
        for (int k = 0; k < out.getItemCount(); k++) {
            double x = out.getX(k).doubleValue();
            double y = out.getY(k).doubleValue();
            if (!Double.isNaN(x)) {
                // linear interpolation of r^2 along a cell edge of width 0.1: error below h^2/4
                assertThat(Math.hypot(x, y)).isCloseTo(1.0, within(0.01));
            }
        }
    }

    @Test
    void badSettingsAreRejectedWithTheOffendingValue() {
        assertThatThrownBy(() -> square().step(0)).hasMessage("Invalid grid step: 0.0");
        assertThatThrownBy(() -> square().xRange(1, 1)).hasMessage("Invalid x range: [1.0, 1.0]");
        assertThatThrownBy(() -> square().yRange(0, Double.NaN)).hasMessage("Invalid y range: [0.0, NaN]");
        assertThatThrownBy(() -> square().step(1e-3).arrows())
                .hasMessage("grid step 0.001 gives 4001 arrows along x (at most 200)");
        assertThatThrownBy(() -> square().addPath("p", new double[][] {{0, 0}, {1, 2, 3}}))
                .hasMessage("path 'p': point 1 has 3 coordinates, expected 2");
        assertThatThrownBy(() -> square().addPath("p", new double[][] {{0, 0}}).addPath("p", new double[][] {{1, 1}}))
                .hasMessage("duplicate path label 'p'");
        assertThatThrownBy(() -> GradientField.of(x -> 0, x -> new double[3]).arrows())
                .hasMessage("gradient at (-2.0, -2.0) has length 3, expected 2");
    }
}
