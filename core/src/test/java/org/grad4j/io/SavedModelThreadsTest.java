package org.grad4j.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.grad4j.data.Normalization;
import org.grad4j.data.Task;
import org.grad4j.nn.Activation;
import org.grad4j.nn.Init;
import org.grad4j.nn.module.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A loaded model answers from 8 threads at once exactly as from one. */
class SavedModelThreadsTest {

    @TempDir
    Path dir;

    @Test
    void eightThreadsGetTheSingleThreadedAnswers() throws Exception {
        List<LayerSpec> layers = List.of(LayerSpec.linear(6, 40, "W1", "b1"), LayerSpec.batchnorm(40, 1e-5, 0.1, "1"),
                LayerSpec.activation("tanh"), LayerSpec.dropout(0.5), LayerSpec.linear(40, 3, "W2", "b2"));
        Normalization norm = new Normalization(Normalization.Kind.STANDARDIZE, new double[] {1, 2, 3, 4, 5, 6},
                new double[] {2, 2, 2, 3, 3, 3});
        Architecture a = new Architecture(Task.CLASSIFICATION, layers, "tanh", "cross-entropy", norm);
        Sequential net = Models.build(a, Init.XAVIER, new Random(3));
        net.namedBuffers().get("running_mean1").data()[0] = 0.25; // statistics other than the initial ones
        Path file = dir.resolve("m.npz");
        ArchitectureFile.save(file, ModelFile.arrays(net), a);
        SavedModel m = SavedModel.load(file, Activation.SIGMOID);

        Random rng = new Random(9);
        int rows = 64;
        double[] batch = new double[rows * 6];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = 3 * rng.nextGaussian();
        }
        double[] expectedBatch = m.outputs(batch, rows);
        double[][] expectedRow = new double[rows][];
        for (int r = 0; r < rows; r++) {
            expectedRow[r] = m.outputs(java.util.Arrays.copyOfRange(batch, r * 6, r * 6 + 6), 1);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> all = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                all.add(pool.submit(() -> {
                    boolean same = true;
                    for (int k = 0; k < 50; k++) {
                        same &= java.util.Arrays.equals(m.outputs(batch, rows), expectedBatch);
                        int r = k % rows;
                        same &= java.util.Arrays.equals(m.outputs(java.util.Arrays.copyOfRange(batch, r * 6, r * 6 + 6), 1),
                                expectedRow[r]);
                    }
                    return same;
                }));
            }
            for (Future<Boolean> f : all) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        // evaluation mode: dropout is off, so the same input always gives the same answer
        assertThat(m.outputs(batch, rows)).containsExactly(expectedBatch);
    }
}
