package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --data FILE.csv ... --report FILE.html --plot FILE.svg --json} for both tasks: the
 * page holds the run's settings, architecture and normalisation, the final metrics (the values the
 * JSON reports), the curves of the task's metrics, and the confusion matrix or the test split's
 * predictions against the actual values; the history's JSON has a series per metric.
 */
class ModuleReportCommandTest {

    @TempDir
    static Path dir;
    static Path regression;
    static Path classes;

    /** Tables made here with a seeded generator: 5 features and a nonlinear target plus noise; 2 features and 3 classes. */
    @BeforeAll
    static void tables() throws IOException {
        GeneratedTables t = GeneratedTables.write(dir, 23, (p, q) -> p + q > 0.5 ? 2 : p - q > 0 ? 1 : 0);
        regression = t.regression();
        classes = t.classes();
    }

    @Test
    void regressionReportShowsTheMetricsTheirCurvesAndThePredictionsAgainstTheActualValues() throws IOException {
        Path report = dir.resolve("reg.html");
        Path plot = dir.resolve("reg.svg");
        CliRun r = CliRun.of("train", "--data", regression.toString(), "--target", "y", "--task", "regression",
                "--hidden", "16", "--activation", "tanh", "--optimizer", "adam", "--lr", "0.01", "--batch", "40",
                "--iters", "60", "--standardize", "--report", report.toString(), "--plot", plot.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, Object> json = json(r.out());
        Map<String, Object> history = map(json.get("history"));
        List<?> at = (List<?>) history.get("epoch_iteration");
        assertThat(at).hasSize(15); // 160 training rows, batch 40: every 4 iterations
        for (String k : new String[] {"train_mse", "test_mse", "train_mae", "test_mae", "train_r2", "test_r2"}) {
            assertThat((List<?>) history.get(k)).as(k).hasSize(at.size());
        }
        assertThat(history).doesNotContainKeys("train_accuracy", "test_accuracy");
        double testMse = last(history, "test_mse");
        assertThat(testMse).isEqualTo((Double) json.get("test_mse"));
        assertThat(last(history, "test_r2")).isEqualTo((Double) json.get("test_r2"));
        assertThat(last(history, "train_mae")).isEqualTo((Double) json.get("train_mae"));
        double r2 = (Double) json.get("test_r2");
        assertThat(1 - testMse / r2).as("MSE and R² of one test split differ").isNotEqualTo(0);

        String svg = Files.readString(plot, StandardCharsets.UTF_8);
        assertThat(svg).as("the legends (the axis labels are drawn as shapes)")
                .contains(">train MSE<", ">test MSE<", ">test MAE<", ">train R²<", ">test R²<", ">mini-batch loss<")
                .doesNotContain("accuracy");

        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</body></html>\n")
                .contains("<p>Linear(5,16) Tanh Linear(16,1) + mse on reg.csv (regression)</p>")
                .contains("<tr><th>target</th><td>y</td></tr>")
                .contains("<tr><td>1</td><td>linear in=5 out=16</td><td>W1, b1</td></tr>")
                .contains("<tr><td>2</td><td>tanh</td><td></td></tr>")
                .contains("<tr><td>3</td><td>linear in=16 out=1</td><td>W2, b2</td></tr>")
                .contains("standardised as (x - mean) / std")
                .contains("<tr><th>test MSE</th><td>" + ModuleReport.number(testMse) + "</td></tr>")
                .contains("<tr><th>test R²</th><td>" + ModuleReport.number(r2) + "</td></tr>")
                .contains("<tr><th>test MAE</th><td>" + ModuleReport.number((Double) json.get("test_mae")) + "</td></tr>")
                .contains("<h2>Loss, MSE, MAE and R²</h2>", "<h2>Predicted against actual (test)</h2>",
                        "<h2>Residuals (test)</h2>")
                .contains("<p>40 test rows: MSE " + ModuleReport.number(testMse))
                .doesNotContain("accuracy", "Confusion");
        for (String feature : new String[] {"a", "b", "c", "d", "e"}) {
            assertThat(html).containsPattern("<tr><td>" + feature + "</td><td>-?[0-9.]+</td><td>[0-9.]+</td></tr>");
        }
        assertThat(images(html)).as("curves, predicted against actual, residuals").hasSize(3)
                .allSatisfy(img -> assertThat(img.getWidth()).isGreaterThanOrEqualTo(700));
        assertThat(r.err()).doesNotContain("--report");
    }

    @Test
    void classificationReportShowsTheAccuracyCurvesAndTheConfusionMatrix() throws IOException {
        Path report = dir.resolve("cls.html");
        Path plot = dir.resolve("cls.svg");
        CliRun r = CliRun.of("train", "--data", classes.toString(), "--target", "label", "--hidden", "8",
                "--activation", "relu", "--optimizer", "adam", "--lr", "0.05", "--batch", "20", "--iters", "80",
                "--report", report.toString(), "--plot", plot.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, Object> json = json(r.out());
        Map<String, Object> history = map(json.get("history"));
        assertThat(history).containsKeys("train_accuracy", "test_accuracy").doesNotContainKeys("test_mse", "test_r2");
        double accuracy = (Double) json.get("test_accuracy");
        assertThat(accuracy).isGreaterThan(0.6);

        assertThat(Files.readString(plot, StandardCharsets.UTF_8)).contains(">accuracy<", ">test<").doesNotContain("MSE");
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(html).contains("<p>Linear(2,8) Relu Linear(8,3) + cross-entropy on cls.csv (classification)</p>")
                .contains("<tr><th>test accuracy</th><td>" + ModuleReport.number(accuracy) + "</td></tr>")
                .contains("<h2>Loss and accuracy</h2>", "<h2>Confusion matrix (test)</h2>")
                .contains("features, used as they are (no normalisation)")
                .doesNotContain("MSE", "Residuals");
        Matcher table = Pattern.compile("(?s)<table class=\"confusion\">(.*?)</table>").matcher(html);
        assertThat(table.find()).isTrue();
        Matcher row = Pattern.compile("<tr><th>(\\d)</th>((?:<td>\\d+</td>)+)</tr>").matcher(table.group(1));
        long total = 0;
        long diagonal = 0;
        int rows = 0;
        while (row.find()) {
            String[] cells = row.group(2).replace("</td>", "").split("<td>");
            assertThat(cells).hasSize(4); // an empty string, then 3 classes
            for (int c = 1; c < cells.length; c++) {
                long n = Long.parseLong(cells[c]);
                total += n;
                diagonal += c - 1 == Integer.parseInt(row.group(1)) ? n : 0;
            }
            rows++;
        }
        assertThat(rows).isEqualTo(3);
        assertThat(total).as("every test row counted once").isEqualTo(40);
        assertThat((double) diagonal / total).as("the diagonal is the accuracy").isEqualTo(accuracy);
        assertThat(html).contains("<p>" + diagonal + " of 40 test examples classified correctly.</p>");
        assertThat(images(html)).as("curves, confusion matrix").hasSize(2);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String out) {
        return (Map<String, Object>) org.grad4j.io.Json.parse(out.strip());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static double last(Map<String, Object> history, String key) {
        List<?> l = (List<?>) history.get(key);
        return (Double) l.get(l.size() - 1);
    }

    /** The embedded PNG pictures, decoded. */
    private static List<BufferedImage> images(String html) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        while (m.find()) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertThat(img).isNotNull();
            out.add(img);
        }
        return out;
    }
}
