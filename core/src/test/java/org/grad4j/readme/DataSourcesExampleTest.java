package org.grad4j.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.grad4j.data.BatchSampler;
import org.grad4j.data.Column;
import org.grad4j.data.CsvOptions;
import org.grad4j.data.Examples;
import org.grad4j.data.Normalization;
import org.grad4j.data.Sampling;
import org.grad4j.data.TableDataset;
import org.grad4j.data.Task;
import org.grad4j.io.Architecture;
import org.grad4j.io.ArchitectureFile;
import org.grad4j.nn.Activation;
import org.grad4j.nn.Init;
import org.grad4j.nn.MultiLayerNet;
import org.grad4j.train.ConfusionMatrix;
import org.grad4j.train.RegressionMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library code of docs/data.md, run on a generated houses.csv, and the doc shows it. */
class DataSourcesExampleTest {

    @TempDir
    Path dir;

    @Test
    void theDocumentedCodeRuns() throws Exception {
        Random rng = new Random(8);
        StringBuilder csv = new StringBuilder("rooms,area,age,floor,distance,price\n");
        for (int i = 0; i < 200; i++) {
            csv.append(1 + rng.nextInt(6)).append(',').append(30 + 100 * rng.nextDouble()).append(',')
                    .append(rng.nextInt(80)).append(',').append(rng.nextInt(10)).append(',')
                    .append(20 * rng.nextDouble()).append(',').append(100 + 1000 * rng.nextDouble()).append('\n');
        }
        Path houses = dir.resolve("houses.csv");
        Files.writeString(houses, csv);
        Path model = dir.resolve("model.npz");
        MultiLayerNet net = new MultiLayerNet(5, new int[] {32}, 1, Activation.SIGMOID, Init.XAVIER, new Random(1));

        CsvOptions o = CsvOptions.of(Column.parse("price"), Task.REGRESSION);
        TableDataset ds = TableDataset.readCsv(houses, null, 0.2, 1, o)
                .normalized(Normalization.Kind.STANDARDIZE);
        Examples train = ds.train();
        int[] idx = new int[64];
        double[] x = new double[64 * train.features()];
        double[] y = new double[64 * train.targetWidth()];
        BatchSampler sampler = new BatchSampler(train.size(), 64, Sampling.SHUFFLE, 1);
        sampler.next(idx);
        train.gatherFeatures(idx, 0, 64, x);
        train.gatherTargets(idx, 0, 64, y);

        RegressionMetrics m = RegressionMetrics.of(new double[] {3, -0.5, 2}, new double[] {2.5, 0, 2});
        ConfusionMatrix c = ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, 2);

        Architecture a = Architecture.feedForward(Task.REGRESSION, new int[] {5, 32, 1}, "tanh", "mse", ds.normalization());
        ArchitectureFile.save(model, net, a);
        Optional<Architecture> back = ArchitectureFile.read(model);

        assertThat(train.size()).isEqualTo(160);
        assertThat(ds.test().size()).isEqualTo(40);
        assertThat(java.util.Arrays.stream(y).allMatch(v -> v >= 100 && v <= 1100)).as("prices of the batch").isTrue();
        assertThat(m.mse()).isCloseTo(0.5 / 3, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(c.accuracy()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(back).contains(a);
        assertThat(back.get().normalization().kind()).isEqualTo(Normalization.Kind.STANDARDIZE);
    }

    @Test
    void theDocShowsThisCode() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "data.md"), StandardCharsets.UTF_8);
        assertThat(doc).contains(
                "CsvOptions o = CsvOptions.of(Column.parse(\"price\"), Task.REGRESSION);",
                "TableDataset ds = TableDataset.readCsv(Path.of(\"houses.csv\"), null, 0.2, 1, o)",
                ".normalized(Normalization.Kind.STANDARDIZE);",
                "BatchSampler sampler = new BatchSampler(train.size(), 64, Sampling.SHUFFLE, 1);",
                "train.gatherFeatures(idx, 0, 64, x);",
                "train.gatherTargets(idx, 0, 64, y);",
                "RegressionMetrics m = RegressionMetrics.of(new double[] {3, -0.5, 2}, new double[] {2.5, 0, 2});",
                "ConfusionMatrix c = ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, 2);",
                "Architecture a = Architecture.feedForward(Task.REGRESSION, new int[] {5, 32, 1}, \"tanh\", \"mse\", ds.normalization());",
                "ArchitectureFile.save(Path.of(\"model.npz\"), net, a);",
                "Optional<Architecture> back = ArchitectureFile.read(Path.of(\"model.npz\"));");
    }
}
