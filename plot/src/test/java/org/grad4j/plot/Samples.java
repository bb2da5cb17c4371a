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

    @Test
    void curvesFiguresMatricesImages() throws IOException {
        Path dir = dir();
        // loss curve: a noisy decreasing loss, as from mini-batch training
        java.util.Random rnd = new java.util.Random(42);
        double[] loss = new double[400];
        for (int k = 0; k < loss.length; k++) {
            loss[k] = 2.3 * Math.exp(-k / 80.0) + 0.1 + 0.15 * rnd.nextGaussian() * Math.exp(-k / 200.0);
        }
        LineChart lossChart = LineChart.titled("training loss").xLabel("iteration").yLabel("loss").add("loss", loss);
        lossChart.write(dir.resolve("loss.png"));
        LineChart.titled("training loss (log)").xLabel("iteration").yLabel("loss").logY(true)
                .add("loss", loss).write(dir.resolve("loss-log.png"));
        // accuracy per epoch
        double[] epochs = new double[17];
        double[] train = new double[17];
        double[] test = new double[17];
        for (int e = 0; e < 17; e++) {
            epochs[e] = e;
            train[e] = 0.95 - 0.85 * Math.exp(-e / 2.0);
            test[e] = 0.94 - 0.84 * Math.exp(-e / 2.1);
        }
        LineChart acc = LineChart.titled("accuracy").xLabel("epoch").yLabel("accuracy").markers(true)
                .yRange(0, 1).add("train", epochs, train).addDashed("test", epochs, test);
        Figure.of(2, lossChart, acc).title("loss + accuracy").write(dir.resolve("loss-accuracy.png"));
        // gradient_1d: f(x) = 0.01x^2 + 0.1x and its tangent at x = 5 (slope 0.2, f(5) = 0.75)
        int n = 200;
        double[] x = new double[n];
        double[] fx = new double[n];
        double[] tangent = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = 20.0 * k / (n - 1);
            fx[k] = 0.01 * x[k] * x[k] + 0.1 * x[k];
            tangent[k] = 0.2 * x[k] - 0.25;
        }
        LineChart.titled("f(x) = 0.01x² + 0.1x and its tangent at x = 5").xLabel("x").yLabel("f(x)")
                .add("f", x, fx).addDashed("tangent at 5", x, tangent).write(dir.resolve("gradient-1d.png"));
        // lr 0.1, 10, 1e-10 side by side (gradient descent from (-3, 4), 100 steps)
        Chart[] panels = new Chart[3];
        double[] lrs = {0.1, 10, 1e-10};
        for (int i = 0; i < 3; i++) {
            panels[i] = GradientField.of(p -> p[0] * p[0] + p[1] * p[1], p -> new double[] {2 * p[0], 2 * p[1]})
                    .xRange(-4, 4).yRange(-5, 5).step(0.5).title("lr = " + (i == 2 ? "1e-10" : String.valueOf(lrs[i])))
                    .addPath("descent", descent(new double[] {-3, 4}, lrs[i], 100));
        }
        Figure.of(3, panels).write(dir.resolve("lr-sweep.png"));
        Figure.of(3, panels).write(dir.resolve("lr-sweep.svg"));
        // confusion matrix of 10 classes
        int[][] counts = new int[10][10];
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                counts[i][j] = i == j ? 900 + rnd.nextInt(100) : (rnd.nextInt(10) < 3 ? rnd.nextInt(40) : 0);
            }
        }
        ConfusionMatrixChart.of(counts).title("test set, 10 000 images").write(dir.resolve("confusion.png"));
        // digits rendered with a font, as stand-ins for MNIST
        ImageGrid grid = ImageGrid.of(8).title("misclassified");
        for (int d = 0; d < 16; d++) {
            grid.add(glyph(Character.forDigit(d % 10, 10)), "pred " + (d + 3) % 10 + " / true " + d % 10);
        }
        grid.write(dir.resolve("images.png"));
        grid.write(dir.resolve("images.svg"));
    }

    /** A 28x28 image of a digit drawn with the default sans-serif font, values in [0, 1]. */
    static double[] glyph(char c) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(28, 28, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 24));
        g.setColor(java.awt.Color.WHITE);
        g.drawString(String.valueOf(c), 7, 23);
        g.dispose();
        double[] px = new double[784];
        for (int k = 0; k < 784; k++) {
            px[k] = (img.getRaster().getSample(k % 28, k / 28, 0)) / 255.0;
        }
        return px;
    }
}
