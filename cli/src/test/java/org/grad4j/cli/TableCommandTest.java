package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.grad4j.io.ArchitectureFile;
import org.grad4j.io.NdArray;
import org.grad4j.io.Npz;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --data FILE.csv, predict, and the one-line errors of bad tables and model files. */
class TableCommandTest {

    @TempDir
    static Path dir;
    static Path regression;
    static Path classes;

    @BeforeAll
    static void tables() throws IOException {
        GeneratedTables t = GeneratedTables.write(dir, 17, (p, q) -> p + q > 0 ? 1 : 0);
        regression = t.regression();
        classes = t.classes();
    }

    static Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void regressionTrainsSavesAndPredictsWithTheRecordedStandardization() throws IOException {
        Path model = dir.resolve("reg.npz");
        CliRun r = CliRun.of("train", "--data", regression.toString(), "--target", "y", "--task", "regression",
                "--hidden", "32", "--activation", "tanh", "--optimizer", "adam", "--lr", "0.01", "--iters", "400",
                "--standardize", "--weight-init", "xavier", "--save", model.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"task\":\"regression\"", "\"test_mse\":", "\"test_r2\":", "\"train_accuracy\":null",
                "\"architecture\":\"Linear(5,32) Tanh Linear(32,1) + mse\"");
        assertThat(r.err()).contains("step     autograd step", "standardize normalization");
        double r2 = Double.parseDouble(r.out().replaceAll("(?s).*\"test_r2\":([-0-9.eE]+).*", "$1"));
        assertThat(r2).as("test R² after 400 Adam steps").isGreaterThan(0.5);
        assertThat(Npz.read(model)).containsKey(ArchitectureFile.ARRAY);

        CliRun one = CliRun.of("predict", "--model", model.toString(), "--values", "0.5,1.2,-0.3,2,0.1", "--json");
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(one.out().strip()).matches("\\{\"predictions\":\\[[-0-9.eE]+\\]\\}");
        CliRun all = CliRun.of("predict", "--model", model.toString(), "--data", regression.toString(), "--target", "y",
                "--json");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out().split(",")).hasSize(200);
    }

    @Test
    void classificationPredictsClassesAndProbabilities() {
        Path model = dir.resolve("cls.npz");
        CliRun r = CliRun.of("train", "--data", classes.toString(), "--target", "label", "--model", "logistic",
                "--optimizer", "adam", "--lr", "0.05", "--iters", "200", "--save", model.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        double test = Double.parseDouble(r.out().replaceAll("(?s).*test acc ([0-9.]+),.*", "$1"));
        assertThat(test).as(r.out()).isGreaterThan(0.85);
        CliRun p = CliRun.of("predict", "--model", model.toString(), "--values", "2,2", "--json");
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(p.out().strip()).as(p.out()).matches("\\{\"predictions\":\\[1\\],\"probabilities\":\\[\\[[0-9.eE-]+,[0-9.eE-]+\\]\\]\\}");
    }

    @Test
    void badTablesAndModelFilesFailInOneLineAndLoseNothingSaved() throws IOException {
        Path saved = dir.resolve("kept.npz");
        Files.write(saved, new byte[] {1, 2, 3});
        String[][] cases = {
            {"a,b,y\n1,2,3\n4,x,6\n", "regression", "y", "bad.csv:3: column 1 ('b'): 'x' is not a number"},
            {"a,b,y\n1,2,3\n4,5,6\n", "regression", "price", "no column 'price'; the columns are a, b, y"},
            {"a,b,y\n1,2,0\n4,5,1.5\n", "classification", "y", "1.5"},
            {"a,b,y\n1,2,0\n4,5,cat\n", "regression", "y", "'cat' is not a number"},
        };
        for (String[] c : cases) {
            Path csv = write("bad.csv", c[0]);
            CliRun r = CliRun.of("train", "--data", csv.toString(), "--target", c[2], "--task", c[1], "--iters", "5",
                    "--save", saved.toString());
            assertThat(r.exitCode()).as(c[3] + " / " + r.err()).isEqualTo(2);
            assertThat(r.err().strip()).contains(c[3]).doesNotContain("\n");
            assertThat(Files.readAllBytes(saved)).containsExactly(1, 2, 3);
        }
        CliRun empty = CliRun.of("train", "--data", write("two.csv", "a,y\n1,2\n3,4\n").toString(), "--target", "y",
                "--task", "regression", "--test-fraction", "0.1");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err().strip()).contains("leaves no test rows").doesNotContain("\n");

        Path model = dir.resolve("corrupt.npz");
        CliRun ok = CliRun.of("train", "--data", classes.toString(), "--target", "label", "--model", "logistic",
                "--iters", "5", "--save", model.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        var arrays = Npz.read(model);
        byte[] architecture = bytes(arrays.remove(ArchitectureFile.ARRAY));
        Npz.write(model, arrays, java.util.Map.of(ArchitectureFile.ARRAY, "{\"format\": ".getBytes(StandardCharsets.UTF_8)));
        CliRun corrupt = CliRun.of("predict", "--model", model.toString(), "--values", "1,2");
        assertThat(corrupt.exitCode()).isEqualTo(2);
        assertThat(corrupt.err().strip()).contains("grad4j_architecture is corrupt").doesNotContain("\n");
        arrays.put("W1", new NdArray(new double[6], new int[] {3, 2}));
        Npz.write(model, arrays, java.util.Map.of(ArchitectureFile.ARRAY, architecture));
        CliRun mismatch = CliRun.of("predict", "--model", model.toString(), "--values", "1,2");
        assertThat(mismatch.exitCode()).isEqualTo(2);
        assertThat(mismatch.err().strip()).contains("does not match the arrays").doesNotContain("\n");
    }

    private static byte[] bytes(NdArray a) {
        byte[] b = new byte[a.data().length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) a.data()[i];
        }
        return b;
    }
}
