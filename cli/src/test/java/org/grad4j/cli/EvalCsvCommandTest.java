package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.grad4j.io.Architecture;
import org.grad4j.io.ArchitectureFile;
import org.grad4j.io.NdArray;
import org.grad4j.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval --model FILE.npz --data FILE.csv} against NumPy: the model files and tables in
 * {@code src/test/resources/org/grad4j/cli/eval} were written, and the values below printed, by
 * {@code /usr/bin/python3 tools/reference/eval_csv_reference.py write|check} (NumPy 1.24.2, float64).
 */
class EvalCsvCommandTest {

    /** Agreement with NumPy: the same products summed in another order (50 rows, 8 hidden units). */
    private static final double NUMPY = 1e-12;

    static final double MSE = 3.851975501220237;
    static final double MAE = 1.5056204397342725;
    static final double R2 = -0.21643181432462644;
    static final double ACCURACY = 0.85;
    static final int[][] CONFUSION = {{26, 0, 0}, {0, 22, 0}, {8, 1, 3}};

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(EvalCsvCommandTest.class.getResource("eval/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void regressionPrintsMseMaeAndR2AsNumPyComputesThem() {
        String model = resource("eval_regression.npz").toString();
        String data = resource("eval_regression.csv").toString();
        CliRun r = CliRun.of("eval", "--model", model, "--data", data, "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, Object> j = json(r.out());
        assertThat(j).containsEntry("task", "regression").containsEntry("target", "y").containsEntry("rows", 50.0)
                .containsEntry("architecture", "Linear(5,8) Tanh Linear(8,1) + mse");
        assertThat((Double) j.get("mse")).isCloseTo(MSE, within(NUMPY * MSE));
        assertThat((Double) j.get("mae")).isCloseTo(MAE, within(NUMPY * MAE));
        assertThat((Double) j.get("r2")).isCloseTo(R2, within(NUMPY));

        CliRun text = CliRun.of("eval", "--model", model, "--data", data, "--target", "-1");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("data     eval_regression.csv: 50 rows, target 'y' (regression; the model file's "
                + "normalization: standardize)", "result   MSE 3.85198, MAE 1.50562, R² -0.216432 (50 rows)");
    }

    @Test
    void classificationPrintsTheAccuracyAndConfusionMatrixAsNumPyComputesThem() {
        String model = resource("eval_classes.npz").toString();
        String data = resource("eval_classes.csv").toString();
        CliRun r = CliRun.of("eval", "--model", model, "--data", data, "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, Object> j = json(r.out());
        assertThat(j).containsEntry("accuracy", ACCURACY).containsEntry("correct", 51.0).containsEntry("rows", 60.0);
        assertThat(j.get("confusion")).isEqualTo(List.of(List.of(26.0, 0.0, 0.0), List.of(0.0, 22.0, 0.0),
                List.of(8.0, 1.0, 3.0)));
        CliRun text = CliRun.of("eval", "--model", model, "--data", data, "--target", "label");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("result   accuracy 0.8500 (51 of 60 rows)\n"
                + "confusion (rows: true class, columns: predicted)\n"
                + "      0  1  2\n"
                + " 0 | 26  0  0\n"
                + " 1 |  0 22  0\n"
                + " 2 |  8  1  3\n");
    }

    /** A model trained with --test-data scores on that file as train reported, its target column recorded. */
    @Test
    void aTrainedModelRecordsItsTargetAndScoresAsTrainReported() {
        String data = resource("eval_regression.csv").toString();
        Path model = dir.resolve("trained.npz");
        CliRun t = CliRun.of("train", "--data", data, "--test-data", data, "--target", "y", "--task", "regression",
                "--hidden", "8", "--activation", "tanh", "--optimizer", "adam", "--lr", "0.01", "--batch", "10",
                "--iters", "50", "--standardize", "--save", model.toString(), "--json");
        assertThat(t.exitCode()).as(t.err()).isZero();
        Map<String, Object> trained = json(t.out());
        CliRun e = CliRun.of("eval", "--model", model.toString(), "--data", data, "--json");
        assertThat(e.exitCode()).as(e.err()).isZero();
        Map<String, Object> j = json(e.out());
        assertThat(j).containsEntry("target", "y");
        for (String k : new String[] {"mse", "mae", "r2"}) {
            assertThat((Double) j.get(k)).as(k).isCloseTo((Double) trained.get("test_" + k), within(NUMPY));
        }
    }

    @Test
    void badInputIsOneLineNamingTheFileLineAndColumnWithExitCode2() throws IOException {
        String model = resource("eval_regression.npz").toString();
        List<String> lines = Files.readAllLines(resource("eval_regression.csv"), StandardCharsets.UTF_8);
        Path bad = dir.resolve("bad.csv");
        Files.write(bad, List.of(lines.get(0), lines.get(1), lines.get(2).replaceFirst(",[^,]*,", ",x,")));
        Path short_ = dir.resolve("short.csv");
        Files.write(short_, lines.stream().map(l -> l.substring(l.indexOf(',') + 1)).toList());
        Path cls = dir.resolve("cls.csv");
        Files.writeString(cls, "p,q,label\n0.5,0.25,1\n1,2,7\n");

        Path noTarget = dir.resolve("no-target.npz");
        Map<String, NdArray> arrays = Npz.read(resource("eval_regression.npz"));
        Architecture a = ArchitectureFile.of("eval_regression.npz", arrays).orElseThrow();
        arrays.remove(ArchitectureFile.ARRAY);
        ArchitectureFile.save(noTarget, arrays, a.withTarget(null));

        String[][] cases = {
            {model, resource("eval_regression.csv").toString(), "price",
                "eval_regression.csv: no column 'price'; the columns are a, b, c, d, e, y"},
            {model, bad.toString(), null, "bad.csv:3: column 1 ('b'): 'x' is not a number"},
            {model, short_.toString(), null, "short.csv:1: 4 feature columns (b, c, d, e) besides the target 'y', but "
                + model + " takes 5 inputs"},
            {noTarget.toString(), resource("eval_regression.csv").toString(), null,
                noTarget + " records no target column; give --target NAME|INDEX (the column of eval_regression.csv to "
                + "score against)"},
            {resource("eval_classes.npz").toString(), cls.toString(), null,
                "cls.csv: data row 2: class label 7 in column 'label' is not one of the model's 3 classes 0..2"},
        };
        for (String[] c : cases) {
            CliRun r = c[2] == null ? CliRun.of("eval", "--model", c[0], "--data", c[1])
                    : CliRun.of("eval", "--model", c[0], "--data", c[1], "--target", c[2]);
            assertThat(r.exitCode()).as(c[3] + " / " + r.err()).isEqualTo(2);
            assertThat(r.err().strip()).isEqualTo("grad4j: " + c[3]);
            assertThat(r.out()).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String out) {
        return (Map<String, Object>) org.grad4j.io.Json.parse(out.strip());
    }
}
