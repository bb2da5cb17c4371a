package org.grad4j.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the sample figures for a human to look at:
 * {@code mvn -pl plot -am test -Dtest=Samples -Dgrad4j.plot.samples=/tmp/plot-samples -Dsurefire.failIfNoSpecifiedTests=false}.
 * Skipped unless the property names an output directory.
 */
@EnabledIfSystemProperty(named = "grad4j.plot.samples", matches = ".+")
class Samples {

    private static Path dir() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("grad4j.plot.samples")));
    }

    /** Gradient descent x <- x - lr * 2x on x0^2 + x1^2, as in the book's gradient_method.py. */
    static double[][] descent(double[] init, double lr, int steps) {
        double[][] path = new double[steps + 1][];
        double[] x = init.clone();
        path[0] = x.clone();
        for (int k = 1; k <= steps; k++) {
            x[0] -= lr * 2 * x[0];
            x[1] -= lr * 2 * x[1];
            path[k] = x.clone();
        }
        return path;
    }

    @Test
    void gradientFields() throws IOException {
        Path dir = dir();
        GradientField.of(x -> x[0] * x[0] + x[1] * x[1], x -> new double[] {2 * x[0], 2 * x[1]})
                .write(dir.resolve("field-square-book.png"));
        GradientField.of(x -> x[0] * x[0] + x[1] * x[1], x -> new double[] {2 * x[0], 2 * x[1]})
                .xRange(-4, 4).yRange(-4, 5).step(0.5)
                .title("gradient descent on x0² + x1², lr 0.1, 20 steps")
                .addPath("lr = 0.1", descent(new double[] {-3, 4}, 0.1, 20))
                .write(dir.resolve("field-square-path.png"));
        GradientField.of(x -> x[0] * x[0] / 20 + x[1] * x[1], x -> new double[] {x[0] / 10, 2 * x[1]})
                .xRange(-10, 10).yRange(-5, 5).step(1)
                .background(GradientField.Background.CONTOUR)
                .title("f(x, y) = x²/20 + y²").xLabel("x").yLabel("y")
                .write(dir.resolve("field-ellipse-contour.png"), 900, 560);
        GradientField.of(x -> x[0] * x[0] / 20 + x[1] * x[1], x -> new double[] {x[0] / 10, 2 * x[1]})
                .xRange(-10, 10).yRange(-5, 5).step(1)
                .arrowScale(GradientField.ArrowScale.UNIT)
                .title("f(x, y) = x²/20 + y² (unit arrows)").xLabel("x").yLabel("y")
                .addPath("diverging lr 1.05", descent(new double[] {-7, 2}, 1.05, 30))
                .write(dir.resolve("field-ellipse-heatmap.svg"), 900, 560);
    }
}
