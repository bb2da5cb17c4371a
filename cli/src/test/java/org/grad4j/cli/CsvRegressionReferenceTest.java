package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.grad4j.io.NdArray;
import org.grad4j.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --data FILE.csv --task regression --hidden 32 --activation tanh --optimizer adam
 * --sampling sequential} against PyTorch 1.13 float64 with the same data and initial weights:
 * values printed by {@code /usr/bin/python3 tools/reference/csv_regression_reference.py} (the data
 * and weights are the dyadic rationals its header defines, so both sides start bit-identical).
 */
class CsvRegressionReferenceTest {

    /** Agreement with PyTorch after 200 Adam steps (sums in different orders on each side). */
    private static final double PYTORCH = 1e-9;

    static final double FIRST_LOSS = 0.22833296371162412;
    static final double LAST_LOSS = 0.0051805632964754995;
    static final double[] W2 = {-0.12016802966988405, -0.08924452921541594, 0.049742051832381534, 0.04680891618557045,
        -0.004882628074226288, -0.13083245666424495, 0.05521578663972235, -0.3111268718543763, -0.30683405328156443,
        0.17522639190933448, -0.03138613175945478, 0.014851537451554774, -0.07053228590215167, 0.13280341422435138,
        -0.19728970327503548, 0.005484370024547872, 0.10091578979002226, -0.5027304343378148, 0.18452076660395986,
        -0.05788087494402318, -0.1945688500556106, -0.12533021801714384, -0.057968147616798464, 0.06552817152414159,
        0.06480583778270105, 0.053544126237521195, 0.070412109359584, -0.01560785236667298, -0.4186070978541656,
        -0.1366754193158121, 0.2884724560191581, 0.08383289986878303};
    static final double B2 = 0.0985594786082211;
    static final double W1_SUM = 3.312099666993452;

    @TempDir
    Path dir;

    @Test
    void twoHundredAdamStepsEqualPyTorch() throws Exception {
        int n = 200;
        int in = 5;
        int h = 32;
        StringBuilder csv = new StringBuilder("x0,x1,x2,x3,x4,y\n");
        for (int r = 0; r < n; r++) {
            double[] x = new double[in];
            for (int i = 0; i < in; i++) {
                x[i] = ((7 * (5 * r + i)) % 17 - 8) / 8.0;
                csv.append(x[i]).append(',');
            }
            double y = x[0] * x[1] - 0.5 * x[2] * x[2] + 0.25 * x[3] - x[4] * x[0] + ((11 * r) % 13 - 6) / 64.0;
            csv.append(y).append('\n');
        }
        Path data = dir.resolve("reg.csv");
        Files.writeString(data, csv);
        double[] w1 = new double[in * h];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < h; j++) {
                w1[i * h + j] = ((5 * (32 * i + j)) % 13 - 6) / 16.0;
            }
        }
        double[] b1 = new double[h];
        double[] w2 = new double[h];
        for (int j = 0; j < h; j++) {
            b1[j] = (j % 3 - 1) / 8.0;
            w2[j] = ((3 * j) % 7 - 3) / 16.0;
        }
        Map<String, NdArray> init = new LinkedHashMap<>();
        init.put("W1", NdArray.matrix(w1, in, h));
        init.put("b1", NdArray.vector(b1));
        init.put("W2", NdArray.matrix(w2, h, 1));
        init.put("b2", NdArray.vector(new double[] {0.125}));
        Path initFile = dir.resolve("init.npz");
        Npz.write(initFile, init);
        Path out = dir.resolve("trained.npz");

        CliRun r = CliRun.of("train", "--data", data.toString(), "--test-data", data.toString(), "--target", "y",
                "--task", "regression", "--hidden", "32", "--activation", "tanh", "--optimizer", "adam", "--lr", "0.01",
                "--batch", "20", "--sampling", "sequential", "--iters", "200", "--init", initFile.toString(),
                "--save", out.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String loss = r.out().replaceAll("(?s).*\"history\":\\{\"iteration\":\\[[0-9,]*\\],\"loss\":\\[([^\\]]*)\\].*", "$1");
        String[] losses = loss.split(",");
        assertThat(losses).hasSize(200);
        assertThat(Double.parseDouble(losses[0])).isCloseTo(FIRST_LOSS, within(PYTORCH));
        assertThat(Double.parseDouble(losses[199])).isCloseTo(LAST_LOSS, within(PYTORCH));
        Map<String, NdArray> trained = Npz.read(out);
        double[] w2After = trained.get("W2").data();
        for (int j = 0; j < h; j++) {
            assertThat(w2After[j]).as("W2[%d]", j).isCloseTo(W2[j], within(PYTORCH));
        }
        assertThat(trained.get("b2").data()[0]).isCloseTo(B2, within(PYTORCH));
        double sum = 0;
        for (double v : trained.get("W1").data()) {
            sum += v;
        }
        assertThat(sum).isCloseTo(W1_SUM, within(PYTORCH));
    }
}
