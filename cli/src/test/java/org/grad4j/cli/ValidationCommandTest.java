package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.grad4j.io.NdArray;
import org.grad4j.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models, checkpoints and data sets are validated whole before use; each of these used to pass or crash. */
class ValidationCommandTest {
    @TempDir
    Path dir;

    private static NdArray filled(double v, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] data = new double[n];
        java.util.Arrays.fill(data, v);
        return new NdArray(data, shape);
    }

    private Path model(Map<String, NdArray> arrays) throws IOException {
        Path file = dir.resolve("m" + arrays.hashCode() + ".npz");
        Npz.write(file, arrays);
        return file;
    }

    private static Map<String, NdArray> twoLayer(int hidden, int classes) {
        Map<String, NdArray> a = new LinkedHashMap<>();
        a.put("W1", filled(0.01, 784, hidden));
        a.put("b1", filled(0, hidden));
        a.put("W2", filled(0.01, hidden, classes));
        a.put("b2", filled(0, classes));
        return a;
    }

    private static String evalError(Path model) {
        CliRun r = CliRun.of("eval", "--model", model.toString(), "--dataset", "mnist-sample");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        return r.err();
    }

    @Test
    void evalRefusesModelsThatDoNotFitTheDataOrHoldNonFiniteValues() throws IOException {
        Map<String, NdArray> nan = twoLayer(50, 10);
        nan.put("b1", filled(Double.NaN, 50));
        assertThat(evalError(model(nan))).endsWith(": b1 holds a non-finite value (NaN)\n");
        Map<String, NdArray> inf = twoLayer(50, 10);
        inf.put("b2", filled(Double.POSITIVE_INFINITY, 10));
        assertThat(evalError(model(inf))).endsWith(": b2 holds a non-finite value (Infinity)\n");
        assertThat(evalError(model(twoLayer(50, 5)))).endsWith(": the last layer has 5 outputs, but mnist-sample has 10 classes\n");
        assertThat(evalError(model(twoLayer(50, 11)))).endsWith(": the last layer has 11 outputs, but mnist-sample has 10 classes\n");
        Map<String, NdArray> gap = new LinkedHashMap<>();
        gap.put("W1", filled(0.01, 784, 50));
        gap.put("b1", filled(0, 50));
        gap.put("W3", filled(0.01, 50, 10));
        gap.put("b3", filled(0, 10));
        assertThat(evalError(model(gap))).endsWith(": W3 follows a gap in the layers: no W2 (expected W1, b1, W2, b2, ... numbered without gaps)\n");
        Map<String, NdArray> empty = twoLayer(50, 10);
        empty.put("W1", new NdArray(new double[0], new int[] {784, 0}));
        assertThat(evalError(model(empty))).endsWith(": W1 has shape (784, 0), expected at least one input and one output\n");
    }

    @Test
    void evalNamesAMissingModelAndADirectory() {
        assertThat(evalError(dir)).isEqualTo("grad4j: " + dir + ": is a directory, expected a .npz file of weights\n");
        Path missing = dir.resolve("missing.npz");
        assertThat(evalError(missing)).isEqualTo("grad4j: " + missing + ": no such file\n");
    }

    /** A small compressed .npz whose header declares a 17 GB array: refused from the header, before allocating. */
    @Test
    void aHugeDeclaredArrayIsRefusedFromItsHeader() throws IOException {
        Path file = dir.resolve("bomb.npz");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("W1.npy"));
            String dict = "{'descr': '|u1', 'fortran_order': False, 'shape': (46000, 46000), }";
            StringBuilder header = new StringBuilder(dict);
            while ((10 + header.length() + 1) % 64 != 0) {
                header.append(' ');
            }
            header.append('\n');
            zip.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
            zip.write(header.toString().getBytes(StandardCharsets.US_ASCII));
            zip.write(new byte[1 << 20]); // 1 MB of the zeros, compressing to a few KB
            zip.closeEntry();
        }
        assertThat(evalError(file)).startsWith("grad4j: " + file.getFileName() + ": W1.npy: shape (46000, 46000) of |u1 needs 19044 MB"
                + " after decompression, but the Java heap has ");
        CliRun r = CliRun.of("train", "--dataset", "mnist-sample", "--init", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("needs 19044 MB after decompression");
    }

    private Path checkpoint() throws IOException {
        Path ck = dir.resolve("ck.npz");
        CliRun r = CliRun.of("train", "--dataset", "mnist-sample", "--iters", "160", "--checkpoint", ck.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return ck;
    }

    private static String resumeError(Path ck) {
        CliRun r = CliRun.of("train", "--dataset", "mnist-sample", "--iters", "240", "--checkpoint", ck.toString(), "--resume");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        return r.err();
    }

    private static void replace(Path ck, String key, NdArray value) throws IOException {
        LinkedHashMap<String, NdArray> a = Npz.read(ck);
        a.put(key, value);
        Npz.write(ck, a);
    }

    @Test
    void resumeRefusesInconsistentCheckpoints() throws IOException {
        Path ck = checkpoint();
        LinkedHashMap<String, NdArray> good = Npz.read(ck);
        replace(ck, "grad4j_iteration", NdArray.vector(new double[0]));
        assertThat(resumeError(ck)).endsWith(": grad4j_iteration has 0 entries, expected 1\n");
        Npz.write(ck, good);
        replace(ck, "grad4j_seed", NdArray.vector(new double[] {Double.NaN}));
        assertThat(resumeError(ck)).endsWith(": grad4j_seed = NaN, expected a whole number in [-9223372036854775808, 9223372036854775807]\n");
        Npz.write(ck, good);
        double[] loss = good.get("grad4j_loss").data().clone();
        loss[7] = Double.NaN;
        replace(ck, "grad4j_loss", NdArray.vector(loss));
        assertThat(resumeError(ck)).endsWith(": grad4j_loss[7] = NaN (a checkpoint holds finite losses only)\n");
        Npz.write(ck, good);
        replace(ck, "grad4j_test_accuracy", NdArray.vector(new double[] {0.5, 0.5, 0.5}));
        assertThat(resumeError(ck)).endsWith(": grad4j_eval_iteration has 2 entries, grad4j_train_accuracy 2,"
                + " grad4j_test_accuracy 3 (expected the same number)\n");
        Npz.write(ck, good);
        CliRun ok = CliRun.of("train", "--dataset", "mnist-sample", "--iters", "240", "--checkpoint", ck.toString(), "--resume");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
    }

    @Test
    void anEmptyTestSplitIsRefused() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        for (String f : new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"}) {
            try (var in = ValidationCommandTest.class.getResourceAsStream("/org/grad4j/data/mnist-sample/" + f)) {
                Files.copy(in, data.resolve(f));
            }
        }
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(data.resolve("t10k-images-idx3-ubyte.gz")))) {
            out.write(new byte[] {0, 0, 8, 3, 0, 0, 0, 0, 0, 0, 0, 28, 0, 0, 0, 28});
        }
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(data.resolve("t10k-labels-idx1-ubyte.gz")))) {
            out.write(new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        }
        CliRun r = CliRun.of("train", "--dataset", data.toString(), "--iters", "10");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("grad4j: " + data.resolve("t10k-images-idx3-ubyte.gz")
                + ": holds 0 images; the test split must not be empty\n");
    }

    @Test
    void aLossThatGrowsByOrdersOfMagnitudeIsReported() {
        CliRun r = CliRun.of("train", "--dataset", "mnist-sample", "--iters", "200", "--lr", "1e6", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("grad4j: warning: training diverged: the loss grew from ");
        assertThat(r.out()).contains("\"warnings\":[\"training diverged: the loss grew from ");
    }
}
