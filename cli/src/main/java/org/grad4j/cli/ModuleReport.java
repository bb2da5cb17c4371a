package org.grad4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.grad4j.data.Examples;
import org.grad4j.data.Normalization;
import org.grad4j.data.Task;
import org.grad4j.examples.Pictures;
import org.grad4j.io.AtomicFile;
import org.grad4j.io.Architecture;
import org.grad4j.io.LayerSpec;
import org.grad4j.io.Repr;
import org.grad4j.plot.ConfusionMatrixChart;
import org.grad4j.plot.LineChart;
import org.grad4j.train.ConfusionMatrix;
import org.grad4j.train.Evaluation;
import org.grad4j.train.History;
import org.grad4j.train.RegressionMetrics;
import org.grad4j.train.TrainResult;

/**
 * The HTML report ({@code --report}) of a module run, one self-contained page as
 * {@link TrainingReport} writes for the book's networks: the settings, the recorded architecture
 * (layers and input normalisation), the final metrics and their curves, and for classification the
 * confusion matrix of the test split (a picture and a table of counts), for regression the test
 * split's predictions against the actual values and their residuals.
 */
final class ModuleReport {
    /** Features whose normalisation the page lists one by one, at most. */
    static final int FEATURES_LISTED = 50;

    private final String dataset;
    private final Architecture architecture;
    private final List<String> featureNames;
    private final Examples test;
    private final Evaluation evaluation;
    private final TrainResult result;
    private final String description;
    private final String[][] settings;

    /**
     * @param featureNames the names of the features (for the normalisation table), or null
     * @param evaluation the trained model's evaluation, for the test split's predictions
     */
    ModuleReport(String dataset, Architecture architecture, List<String> featureNames, Examples test,
            Evaluation evaluation, TrainResult result, String description, String[][] settings) {
        this.dataset = dataset;
        this.architecture = architecture;
        this.featureNames = featureNames;
        this.test = test;
        this.evaluation = evaluation;
        this.result = result;
        this.description = description;
        this.settings = settings;
    }

    void write(Path file) throws IOException {
        StringBuilder h = new StringBuilder(1 << 20);
        TrainingReport.head(h, dataset);
        h.append("<h1>grad4j training report</h1>\n<p>").append(TrainingReport.esc(description)).append(" on ")
                .append(TrainingReport.esc(dataset)).append(" (").append(result.task().id()).append(")</p>\n");
        h.append("<h2>Settings</h2>\n<table>\n");
        for (String[] row : settings) {
            TrainingReport.row(h, row[0], row[1]);
        }
        h.append("</table>\n");
        architecture(h);
        h.append("<h2>Result</h2>\n<table>\n");
        TrainingReport.row(h, "iterations", Integer.toString(result.iterations()));
        TrainingReport.row(h, "training time", Progress.duration(result.seconds()) + " (evaluation "
                + Progress.duration(result.evalSeconds()) + ")");
        History hist = result.history();
        int last = hist.evaluations() - 1;
        for (History.Metric m : hist.metrics()) {
            TrainingReport.row(h, m.label(), number(hist.values(m)[last]));
        }
        TrainingReport.row(h, "final loss", number(result.finalLoss()));
        h.append("</table>\n");
        if (result.task() == Task.REGRESSION) {
            h.append("<h2>Loss, MSE, MAE and R²</h2>\n");
            TrainingReport.img(h, Pictures.trainingCurves(hist, dataset), 1100, 900, "loss, MSE, MAE and R² curves");
            regression(h);
        } else {
            h.append("<h2>Loss and accuracy</h2>\n");
            TrainingReport.img(h, Pictures.trainingCurves(hist, dataset), 1100, 450, "loss and accuracy curves");
            classification(h);
        }
        h.append("</body></html>\n");
        AtomicFile.write(file, h.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The layers in order with their arrays, and the normalisation of the inputs. */
    private void architecture(StringBuilder h) {
        h.append("<h2>Architecture</h2>\n<table>\n<tr><th>#</th><th>layer</th><th>arrays</th></tr>\n");
        List<LayerSpec> layers = architecture.layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            StringBuilder what = new StringBuilder(l.type());
            l.options().forEach((k, v) -> {
                if (!l.params().containsKey(k) && !(v instanceof String)) {
                    what.append(' ').append(k).append('=').append(v instanceof Double d && d == Math.rint(d)
                            && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : v instanceof Double d ? Repr.of(d) : v);
                }
            });
            h.append("<tr><td>").append(i + 1).append("</td><td>").append(TrainingReport.esc(what.toString()))
                    .append("</td><td>").append(TrainingReport.esc(String.join(", ", l.params().values())))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<p>Loss: ").append(TrainingReport.esc(architecture.loss())).append(". Inputs: ")
                .append(architecture.inputs()).append(" features, ");
        Normalization n = architecture.normalization();
        switch (n.kind()) {
            case NONE -> h.append("used as they are (no normalisation).</p>\n");
            case DIVIDE -> h.append("divided by ").append(Repr.of(n.scale()[0])).append(".</p>\n");
            case STANDARDIZE -> {
                h.append("standardised as (x - mean) / std with the training rows' mean and std:</p>\n<table>\n"
                        + "<tr><th>feature</th><th>mean</th><th>std</th></tr>\n");
                int shown = Math.min(n.features(), FEATURES_LISTED);
                for (int j = 0; j < shown; j++) {
                    String name = featureNames != null && j < featureNames.size() ? featureNames.get(j) : "x" + j;
                    h.append("<tr><td>").append(TrainingReport.esc(name)).append("</td><td>")
                            .append(number(n.shift()[j])).append("</td><td>").append(number(n.scale()[j]))
                            .append("</td></tr>\n");
                }
                h.append("</table>\n");
                if (shown < n.features()) {
                    h.append("<p>(the first ").append(shown).append(" of ").append(n.features()).append(")</p>\n");
                }
            }
        }
    }

    private void classification(StringBuilder h) {
        ConfusionMatrix cm = evaluation.confusion(test);
        int[][] counts = cm.counts();
        h.append("<h2>Confusion matrix (test)</h2>\n");
        TrainingReport.img(h, ConfusionMatrixChart.of(counts).title("rows: true class, columns: predicted"), 640, 600,
                "confusion matrix");
        h.append("<table class=\"confusion\">\n<tr><th>true \\ predicted</th>");
        for (int c = 0; c < counts.length; c++) {
            h.append("<th>").append(c).append("</th>");
        }
        h.append("</tr>\n");
        for (int t = 0; t < counts.length; t++) {
            h.append("<tr><th>").append(t).append("</th>");
            for (int c = 0; c < counts.length; c++) {
                h.append("<td>").append(counts[t][c]).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<p>").append(cm.correct()).append(" of ").append(cm.total())
                .append(" test examples classified correctly.</p>\n");
    }

    private void regression(StringBuilder h) {
        double[] predicted = evaluation.outputs(test);
        double[] actual = new double[predicted.length];
        int[] all = new int[test.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        test.gatherTargets(all, 0, all.length, actual);
        RegressionMetrics m = RegressionMetrics.of(actual, predicted, test.targetWidth());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] residual = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            lo = Math.min(lo, Math.min(actual[i], predicted[i]));
            hi = Math.max(hi, Math.max(actual[i], predicted[i]));
            residual[i] = actual[i] - predicted[i];
        }
        String outputs = test.targetWidth() == 1 ? "" : " (all " + test.targetWidth() + " outputs)";
        h.append("<h2>Predicted against actual (test)</h2>\n<p>").append(test.size()).append(" test rows")
                .append(TrainingReport.esc(outputs)).append(": MSE ").append(number(m.mse())).append(", MAE ")
                .append(number(m.mae())).append(", R² ").append(number(m.r2()))
                .append(". A perfect model puts every point on the dashed line y = x.</p>\n");
        LineChart scatter = LineChart.titled("predicted against actual").xLabel("actual").yLabel("predicted")
                .lines(false).markers(true).add("test rows", actual, predicted)
                .addDashed("y = x", new double[] {lo, hi}, new double[] {lo, hi});
        TrainingReport.img(h, scatter, 700, 600, "predicted against actual values of the test rows");
        h.append("<h2>Residuals (test)</h2>\n<p>actual - predicted against predicted.</p>\n");
        double pLo = Double.POSITIVE_INFINITY;
        double pHi = Double.NEGATIVE_INFINITY;
        for (double p : predicted) {
            pLo = Math.min(pLo, p);
            pHi = Math.max(pHi, p);
        }
        LineChart res = LineChart.titled("residuals").xLabel("predicted").yLabel("actual - predicted")
                .lines(false).markers(true).add("test rows", predicted, residual)
                .addDashed("0", new double[] {pLo, pHi}, new double[] {0, 0});
        TrainingReport.img(h, res, 700, 500, "residuals of the test rows");
    }

    /** Six significant digits, as the command line prints metrics. */
    static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
