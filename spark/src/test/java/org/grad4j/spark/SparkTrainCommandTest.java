package org.grad4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.grad4j.cli.Main;
import org.grad4j.io.Json;
import org.grad4j.io.NdArray;
import org.grad4j.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grad4j train --data FILE.csv --spark local[2]} through the command line, in this JVM with
 * this module on the class path as {@code ./grad4j} puts it there: sync mode gives the weights of the
 * same command without {@code --spark}, the JSON keeps every key and adds {@code spark}, and the
 * saved model file is one {@code predict} reads.
 */
class SparkTrainCommandTest {

    record Run(int exitCode, String out, String err) {}

    static synchronized Run grad4j(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** 300 rows of x0..x4 ~ N(0, 1) and y = sin(x0) + x1 x2 + 0.5 x3 + 0.1 N(0, 1), or its sign class when {@code classes}. */
    static Path csv(Path dir, boolean classes) throws IOException {
        Random r = new Random(9);
        StringBuilder sb = new StringBuilder("x0,x1,x2,x3,x4,y\n");
        for (int i = 0; i < 300; i++) {
            double[] x = new double[5];
            for (int j = 0; j < 5; j++) {
                x[j] = r.nextGaussian();
                sb.append(String.format(Locale.ROOT, "%.6f,", x[j]));
            }
            double y = Math.sin(x[0]) + x[1] * x[2] + 0.5 * x[3] + 0.1 * r.nextGaussian();
            sb.append(classes ? (y > 0 ? "1" : "0") : String.format(Locale.ROOT, "%.6f", y)).append('\n');
        }
        Path f = dir.resolve(classes ? "classes.csv" : "target.csv");
        Files.writeString(f, sb);
        return f;
    }

    static List<String> args(Path data, Path save, String... more) {
        List<String> a = new ArrayList<>(List.of("train", "--data", data.toString(), "--target", "y", "--hidden", "8",
                "--iters", "40", "--batch", "20", "--seed", "3", "--standardize", "--json", "--save", save.toString()));
        a.addAll(List.of(more));
        return a;
    }

    static double maxDifference(Path a, Path b) throws IOException {
        Map<String, NdArray> x = Npz.read(a);
        Map<String, NdArray> y = Npz.read(b);
        double m = 0;
        for (String k : List.of("W1", "b1", "W2", "b2")) {
            double[] p = x.get(k).data();
            double[] q = y.get(k).data();
            for (int i = 0; i < p.length; i++) {
                m = Math.max(m, Math.abs(p[i] - q[i]));
            }
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Run r) {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return (Map<String, Object>) Json.parse(r.out());
    }

    @Test
    void regressionInSyncModeGivesTheInProcessWeightsAndKeepsTheJsonKeys(@TempDir Path dir) throws IOException {
        Path data = csv(dir, false);
        String[] model = {"--task", "regression", "--activation", "tanh", "--optimizer", "adam", "--lr", "0.01"};
        Map<String, Object> here = json(grad4j(args(data, dir.resolve("here.npz"), model).toArray(new String[0])));
        List<String> spark = args(data, dir.resolve("spark.npz"), model);
        spark.addAll(List.of("--spark", "local[2]"));
        Map<String, Object> there = json(grad4j(spark.toArray(new String[0])));

        assertThat(maxDifference(dir.resolve("here.npz"), dir.resolve("spark.npz")))
                .isLessThanOrEqualTo(SyncParityTest.PARITY);
        assertThat(there.keySet()).containsAll(here.keySet()).contains("spark");
        assertThat(there).containsKeys("test_mse", "test_r2").containsEntry("task", "regression");
        assertThat((double) there.get("test_mse")).isCloseTo((double) here.get("test_mse"),
                org.assertj.core.data.Offset.offset(1e-9));
        // the history names MSE, MAE and R² per evaluation as in-process, not R² under the accuracy keys
        Map<String, Object> hereHistory = (Map<String, Object>) here.get("history");
        Map<String, Object> thereHistory = (Map<String, Object>) there.get("history");
        assertThat(thereHistory.keySet()).containsExactlyInAnyOrderElementsOf(hereHistory.keySet());
        List<Double> mse = (List<Double>) thereHistory.get("test_mse");
        assertThat(mse.get(mse.size() - 1)).isCloseTo((double) there.get("test_mse"),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat((double) there.get("train_mse")).isCloseTo((double) here.get("train_mse"),
                org.assertj.core.data.Offset.offset(1e-9));
        Map<String, Object> details = (Map<String, Object>) there.get("spark");
        assertThat(details).containsEntry("master", "local[2]").containsEntry("mode", "sync")
                .containsEntry("partitions", 2.0).containsEntry("jobs", 40.0);

        Run predicted = grad4j("predict", "--model", dir.resolve("spark.npz").toString(), "--data", data.toString(),
                "--target", "y", "--json");
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        assertThat((List<Object>) ((Map<String, Object>) Json.parse(predicted.out())).get("predictions")).hasSize(300);
    }

    /** More partitions asked for than there are training rows: the JSON says how many were used. */
    @Test
    @SuppressWarnings("unchecked")
    void theJsonNamesThePartitionsUsed(@TempDir Path dir) throws IOException {
        Path data = csv(dir, true);
        List<String> spark = args(data, dir.resolve("spark.npz"), "--spark", "local[2]", "--partitions", "1000");
        spark.set(spark.indexOf("--iters") + 1, "2");
        Map<String, Object> details = (Map<String, Object>) json(grad4j(spark.toArray(new String[0]))).get("spark");
        assertThat(details).containsEntry("partitions", 240.0); // one a row of the 240 training rows
    }

    /** The book's network shape on a table of doubles: the executors use the book's backprop, in-process autograd. */
    @Test
    void classificationInSyncModeGivesTheInProcessWeights(@TempDir Path dir) throws IOException {
        Path data = csv(dir, true);
        Map<String, Object> here = json(grad4j(args(data, dir.resolve("here.npz")).toArray(new String[0])));
        List<String> spark = args(data, dir.resolve("spark.npz"), "--spark", "local[2]", "--partitions", "3");
        Map<String, Object> there = json(grad4j(spark.toArray(new String[0])));
        assertThat(maxDifference(dir.resolve("here.npz"), dir.resolve("spark.npz")))
                .isLessThanOrEqualTo(SyncParityTest.PARITY);
        assertThat(there.keySet()).containsAll(here.keySet());
        assertThat(there.get("test_accuracy")).isEqualTo(here.get("test_accuracy"));
    }

    @Test
    void dropoutIsRefusedWithOneLine(@TempDir Path dir) throws IOException {
        Run r = grad4j(args(csv(dir, true), dir.resolve("m.npz"), "--dropout", "0.2", "--spark", "local[2]")
                .toArray(new String[0]));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("grad4j: --spark: every partition must compute the same function of the "
                + "weights; it does not take --dropout or --batchnorm\n");
    }
}
