package org.grad4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.grad4j.data.Dataset;
import org.grad4j.data.Split;
import org.grad4j.examples.Pictures;
import org.grad4j.io.AtomicFile;
import org.grad4j.nn.Network;
import org.grad4j.plot.Chart;
import org.grad4j.plot.ConfusionMatrixChart;
import org.grad4j.plot.ImageGrid;
import org.grad4j.train.Evaluation;
import org.grad4j.train.TrainResult;

/**
 * One self-contained HTML page about a training run: settings, loss and accuracy curves, the
 * confusion matrix on the test split, and a grid of misclassified test digits. Pictures are
 * embedded as PNG data URIs, so the page needs no other file.
 */
final class TrainingReport {
    static final int MISCLASSIFIED_SHOWN = 48;

    private final Dataset ds;
    private final Network net;
    private final TrainResult result;
    private final String description;
    private final String[][] settings;

    TrainingReport(Dataset ds, Network net, TrainResult result, String description, String[][] settings) {
        this.ds = ds;
        this.net = net;
        this.result = result;
        this.description = description;
        this.settings = settings;
    }

    void write(Path file) throws IOException {
        Split test = ds.test();
        int[] pred = new Evaluation(ds.features()).predictions(net, test);
        int[][] confusion = Evaluation.confusion(pred, test, ds.classes());
        ImageGrid grid = ImageGrid.of(12).title("Misclassified test images (predicted / true)");
        int shown = 0;
        int wrong = 0;
        double[] pixels = new double[ds.features()];
        for (int i = 0; i < pred.length; i++) {
            if (pred[i] != test.label(i)) {
                wrong++;
                if (shown < MISCLASSIFIED_SHOWN) {
                    test.gatherRows(new int[] {i}, 0, 1, pixels);
                    grid.add(pixels.clone(), ds.cols(), ds.rows(), "pred " + pred[i] + " / true " + test.label(i));
                    shown++;
                }
            }
        }
        StringBuilder h = new StringBuilder(1 << 20);
        head(h, ds.name());
        h.append("<h1>grad4j training report</h1>\n<p>").append(esc(description)).append(" on ").append(esc(ds.name()))
                .append("</p>\n<h2>Settings</h2>\n<table>\n");
        for (String[] row : settings) {
            h.append("<tr><th>").append(esc(row[0])).append("</th><td>").append(esc(row[1])).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Result</h2>\n<table>\n");
        row(h, "iterations", Integer.toString(result.iterations()));
        row(h, "training time", Progress.duration(result.seconds()) + " (" + String.format("%.0f", 1e6 * result.seconds()
                / Math.max(1, result.history().iterations())) + " µs per iteration; evaluation "
                + Progress.duration(result.evalSeconds()) + ")");
        row(h, "train accuracy", String.format("%.4f", result.trainAccuracy()));
        row(h, "test accuracy", String.format("%.4f", result.testAccuracy()));
        row(h, "final loss", String.format("%.4f", result.finalLoss()));
        row(h, "misclassified test images", wrong + " of " + pred.length);
        h.append("</table>\n<h2>Loss and accuracy</h2>\n");
        img(h, Pictures.trainingCurves(result.history(), ds.name()), 1100, 450, "loss and accuracy curves");
        h.append("<h2>Confusion matrix (test)</h2>\n");
        img(h, ConfusionMatrixChart.of(confusion).title("rows: true class, columns: predicted"), 640, 600, "confusion matrix");
        h.append("<h2>Misclassified test images</h2>\n<p>The first ").append(shown).append(" of ").append(wrong)
                .append(", in file order.</p>\n");
        if (shown > 0) {
            img(h, grid, 1100, 110 * ((shown + 11) / 12) + 60, "misclassified digits");
        }
        h.append("</body></html>\n");
        byte[] bytes = h.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, bytes);
    }

    /** The page's head and the start of its body, titled by the data set's name. */
    static void head(StringBuilder h, String name) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>grad4j training report: ")
                .append(esc(name)).append("</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;"
                        + "color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 10px;text-align:left}"
                        + "img{max-width:100%}h1{font-size:1.6em}</style></head><body>\n");
    }

    static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n");
    }

    static void img(StringBuilder h, Chart c, int w, int ht, String alt) {
        h.append("<p><img alt=\"").append(esc(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(c.png(w, ht))).append("\"></p>\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
