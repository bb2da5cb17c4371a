package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.grad4j.io.NdArray;
import org.grad4j.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    Path dir;

    @Test
    void jsonHasTheContractKeysAndOneLossPerIteration() {
        CliRun r = CliRun.of("train", "--dataset", "mnist-sample", "--iters", "100", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String out = r.out().strip();
        assertThat(out).startsWith("{\"dataset\":\"mnist-sample\",\"model\":\"two-layer\",").endsWith("}}")
                .contains("\"iterations\":100,\"seconds\":", "\"train_accuracy\":", "\"test_accuracy\":", "\"final_loss\":",
                        "\"blas\":\"", "\"input\":\"dense\",\"history\":{\"iteration\":[0,1,2,", "\"loss\":[", "\"epoch_iteration\":[80,100],");
        assertThat(out.lines().count()).isEqualTo(1);
        String losses = out.replaceAll(".*\"loss\":\\[([^\\]]*)\\].*", "$1");
        assertThat(losses.split(",")).hasSize(100);
        assertThat(r.err()).contains("dataset  mnist-sample: 8000 train, 2000 test");
    }

    @Test
    void theWarmupIsOptInAndReported() {
        CliRun warm = CliRun.of("train", "--dataset", "mnist-sample", "--iters", "30", "--warmup", "--json");
        CliRun cold = CliRun.of("train", "--dataset", "mnist-sample", "--iters", "30", "--json");
        assertThat(warm.exitCode()).as(warm.err()).isZero();
        assertThat(cold.exitCode()).as(cold.err()).isZero();
        assertThat(warm.out()).containsPattern("\"warmup_steps\":\\d+,");
        assertThat(warm.err()).containsPattern("warm-up  \\d+ steps on made-up data");
        assertThat(cold.out()).contains("\"warmup_steps\":0,");
        assertThat(cold.err()).doesNotContain("warm-up");
        // the warm-up trains a spare network: the run itself is the same
        String loss = "\"final_loss\":";
        assertThat(field(warm.out(), loss)).isEqualTo(field(cold.out(), loss));

        // from saved weights, the warm-up trains a copy of them and leaves the loaded ones alone
        Path model = dir.resolve("start.npz");
        assertThat(CliRun.of("train", "--dataset", "mnist-sample", "--iters", "20", "--save", model.toString())
                .exitCode()).isZero();
        CliRun warmInit = CliRun.of("train", "--dataset", "mnist-sample", "--iters", "30", "--init", model.toString(),
                "--warmup", "--json");
        CliRun coldInit = CliRun.of("train", "--dataset", "mnist-sample", "--iters", "30", "--init", model.toString(),
                "--json");
        assertThat(warmInit.exitCode()).as(warmInit.err()).isZero();
        assertThat(warmInit.err()).containsPattern("warm-up  \\d+ steps");
        assertThat(field(warmInit.out(), loss)).isEqualTo(field(coldInit.out(), loss));

        CliRun help = CliRun.of("train", "--help");
        assertThat(help.out()).contains("--[no-]warmup");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"diff", "grad", "descend", "field", "compare", "lr-sweep",
        "regress", "example", "train", "eval", "gradcheck", "info"})
    void helpIsPrintedWithoutFormatWarnings(String command) {
        // picocli formats descriptions with String.format: a lone '%' makes it warn and print the raw text
        CliRun r = CliRun.of(command, "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out() + r.err()).doesNotContain("WARN").contains("Usage:");
    }

    @Test
    void sparseInputGivesTheDenseResultsAndSaysSo() {
        CliRun dense = CliRun.of("train", "--dataset", "mnist-sample", "--iters", "60", "--input", "dense", "--json");
        CliRun sparse = CliRun.of("train", "--dataset", "mnist-sample", "--iters", "60", "--input", "sparse", "--json");
        assertThat(sparse.exitCode()).as(sparse.err()).isZero();
        assertThat(sparse.out()).contains("\"input\":\"sparse\"");
        assertThat(sparse.err()).containsPattern("input    sparse \\(only the nonzero pixels, 1\\d\\.\\d % of");
        // same accuracies; losses equal to rounding (compare the first few digits of the final loss)
        String acc = "\"test_accuracy\":";
        assertThat(field(sparse.out(), acc)).isEqualTo(field(dense.out(), acc));
        assertThat(Double.parseDouble(field(sparse.out(), "\"final_loss\":")))
                .isCloseTo(Double.parseDouble(field(dense.out(), "\"final_loss\":")), org.assertj.core.data.Offset.offset(1e-12));

        CliRun bad = CliRun.of("train", "--dataset", "mnist-sample", "--input", "sparse", "--hidden", "10");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--input: sparse input needs").doesNotContain("Exception");
        CliRun unknown = CliRun.of("train", "--dataset", "mnist-sample", "--input", "csr");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown input mode 'csr' (expected auto, dense or sparse)");
    }

    private static String field(String json, String key) {
        int i = json.indexOf(key) + key.length();
        int j = i;
        while (j < json.length() && ",}".indexOf(json.charAt(j)) < 0) {
            j++;
        }
        return json.substring(i, j);
    }

    @Test
    void saveEvalAndInitRoundTrip() throws Exception {
        Path model = dir.resolve("model.npz");
        CliRun r = CliRun.of("train", "--dataset", "mnist-sample", "--iters", "300", "--hidden", "30", "--save", model.toString(),
                "--plot", dir.resolve("curves.png").toString(), "--report", dir.resolve("report.html").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("result   train acc", "wrote    " + model);
        Map<String, NdArray> arrays = Npz.read(model);
        assertThat(arrays.keySet()).containsExactly("W1", "b1", "W2", "b2", "grad4j_architecture");
        assertThat(arrays.get("W1").shape()).containsExactly(784, 30);
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<h2>Confusion matrix (test)</h2>", "data:image/png;base64,", "Misclassified test images");
        assertThat(Files.size(dir.resolve("curves.png"))).isGreaterThan(1000);

        CliRun e = CliRun.of("eval", "--model", model.toString(), "--dataset", "mnist-sample", "--json");
        assertThat(e.exitCode()).as(e.err()).isZero();
        String trainAcc = r.out().replaceAll("(?s).*result   train acc ([0-9.]+),.*", "$1");
        double evalAcc = Double.parseDouble(e.out().replaceAll(".*\"train_accuracy\":([0-9.]+),.*\\s*", "$1"));
        assertThat(evalAcc).isCloseTo(Double.parseDouble(trainAcc), org.assertj.core.data.Offset.offset(1e-4));

        // --init takes the hidden size from the file
        CliRun i = CliRun.of("train", "--dataset", "mnist-sample", "--iters", "10", "--init", model.toString(), "--json");
        assertThat(i.exitCode()).as(i.err()).isZero();
        assertThat(i.out()).contains("\"architecture\":\"two-layer 784-30-10 sigmoid\"");
    }

    @Test
    void checkpointAndResume() {
        Path ckpt = dir.resolve("ckpt.npz");
        CliRun a = CliRun.of("train", "--dataset", "mnist-sample", "--iters", "100", "--checkpoint", ckpt.toString(),
                "--checkpoint-every", "40", "--json");
        assertThat(a.exitCode()).as(a.err()).isZero();
        CliRun b = CliRun.of("train", "--dataset", "mnist-sample", "--iters", "160", "--checkpoint", ckpt.toString(),
                "--resume", "--json");
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(b.err()).contains("resuming from " + ckpt + " at iteration 100");
        assertThat(b.out()).contains("\"iterations\":160,");
        CliRun c = CliRun.of("train", "--dataset", "mnist-sample", "--iters", "160", "--json");
        // the same 160 iterations in one go end at the same loss
        String lossB = b.out().replaceAll(".*\"final_loss\":([^,]+),.*\\s*", "$1");
        String lossC = c.out().replaceAll(".*\"final_loss\":([^,]+),.*\\s*", "$1");
        assertThat(lossB).isEqualTo(lossC);
    }

    @Test
    void badModelFilesAndOptionsAreOneLineErrors() throws Exception {
        Path bad = dir.resolve("bad.npz");
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("W1", NdArray.matrix(new double[784 * 5], 784, 5));
        arrays.put("b1", NdArray.vector(new double[4]));
        Npz.write(bad, arrays);
        CliRun r = CliRun.of("train", "--dataset", "mnist-sample", "--init", bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("grad4j: " + bad + ": b1 has shape (4,), expected (5,)\n");

        arrays.put("b1", NdArray.vector(new double[5]));
        arrays.put("W2", NdArray.matrix(new double[5 * 10], 5, 10));
        Npz.write(bad, arrays);
        r = CliRun.of("eval", "--model", bad.toString(), "--dataset", "mnist-sample");
        assertThat(r.err()).isEqualTo("grad4j: " + bad + ": missing array 'b2'\n");

        Files.writeString(bad, "not a zip");
        r = CliRun.of("eval", "--model", bad.toString(), "--dataset", "mnist-sample");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("grad4j: bad.npz: not a zip archive (an .npz file is a zip of .npy arrays)\n");

        r = CliRun.of("train", "--dataset", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("grad4j: " + dir + ": no MNIST-format files");

        r = CliRun.of("train", "--dataset", "mnist-sample", "--batch", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("grad4j: --batch: must be at least 1, got 0\n");
        r = CliRun.of("train", "--dataset", "mnist-sample", "--resume");
        assertThat(r.err()).isEqualTo("grad4j: --resume needs --checkpoint FILE.npz\n");
        r = CliRun.of("train", "--dataset", "mnist-sample", "--sampling", "random");
        assertThat(r.err()).isEqualTo("grad4j: unknown sampling 'random' (expected replacement, shuffle, sequential)\n");
        r = CliRun.of("train", "--dataset", "mnist-sample", "--model", "two-layer", "--hidden", "50,50");
        assertThat(r.err()).isEqualTo("grad4j: --hidden: two-layer takes one hidden size, got 50,50 (use --model multi-layer)\n");
    }

    @Test
    void sparkIsNotNeededOnTheClassPathUnlessAskedForAndItsOptionsAreChecked() {
        CliRun r = CliRun.of("train", "--dataset", "mnist-sample", "--iters", "1", "--spark", "local[2]");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).endsWith("grad4j: --spark: the Spark module (grad4j-spark) and Spark are not on the class "
                + "path; run through ./grad4j, which adds them when --spark is given\n");
        r = CliRun.of("train", "--dataset", "mnist-sample", "--spark", "yarn");
        assertThat(r.err()).isEqualTo("grad4j: --spark: expected local[N] or spark://HOST:PORT, got 'yarn'\n");
        r = CliRun.of("train", "--dataset", "mnist-sample", "--spark", "local[2]", "--spark-mode", "async");
        assertThat(r.err()).isEqualTo("grad4j: --spark-mode: unknown mode 'async' (expected sync, average)\n");
        r = CliRun.of("train", "--dataset", "mnist-sample", "--spark", "local[2]", "--spark-local-steps", "0");
        assertThat(r.err()).isEqualTo("grad4j: --spark-local-steps: must be at least 1, got 0\n");
        r = CliRun.of("train", "--dataset", "mnist-sample", "--spark", "local[2]", "--checkpoint", "c.npz");
        assertThat(r.err()).isEqualTo("grad4j: --spark: --checkpoint and --resume are not supported on Spark; use --save\n");
    }

    @Test
    void divergingTrainingStopsWithExitCode2() {
        CliRun r = CliRun.of("train", "--dataset", "mnist-sample", "--iters", "300", "--lr", "1e308");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).matches("grad4j: training diverged at iteration \\d+: .*\\n");
    }

    @Test
    void multiLayerReluWithAdamAndTheNumericalGradient() {
        CliRun r = CliRun.of("train", "--dataset", "mnist-sample", "--model", "multi-layer", "--hidden", "40,30",
                "--activation", "relu", "--weight-init", "he", "--optimizer", "adam", "--lr", "0.001", "--iters", "200", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"architecture\":\"multi-layer 784-40-30-10 relu\"");
        CliRun n = CliRun.of("train", "--dataset", "mnist-sample", "--hidden", "2", "--batch", "2", "--gradient", "numerical",
                "--threads", "2");
        assertThat(n.exitCode()).as(n.err()).isZero();
        assertThat(n.out()).contains("done     3 iterations", "numerical gradient: ", "the book's 10000 iterations would take");
    }

    @Test
    void gradcheckAndInfo() {
        CliRun r = CliRun.of("gradcheck", "--json");
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).startsWith("{\"activation\":\"sigmoid\",\"samples\":3,\"mean_abs_diff\":{\"W1\":")
                .contains("\"pass\":true");
        CliRun i = CliRun.of("info", "--json");
        assertThat(i.out()).contains("\"blas\":\"");
    }
}
