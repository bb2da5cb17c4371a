package org.grad4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.grad4j.data.Table;
import org.grad4j.nn.Init;
import org.grad4j.nn.loss.MSELoss;
import org.grad4j.nn.module.BatchNorm1d;
import org.grad4j.nn.module.Dropout;
import org.grad4j.nn.module.Linear;
import org.grad4j.nn.module.Relu;
import org.grad4j.nn.module.Sequential;
import org.junit.jupiter.api.Test;

/**
 * {@link Predictor}s of one module in training mode, one predictor per thread: each forward runs in
 * evaluation mode (dropout off, batch norm's running statistics, which stay as they were) and gives
 * the single-threaded outputs, and the module is back in training mode afterwards.
 */
class PredictorThreadsTest {

    static final int THREADS = 8;
    static final int CALLS = 300;

    @Test
    void predictorsOfOneModuleOnManyThreadsGiveTheSingleThreadedOutputs() throws Exception {
        Random rng = new Random(5);
        Sequential net = new Sequential(new Linear(4, 16, Init.std(0.5), rng), new BatchNorm1d(16), new Relu(),
                new Dropout(0.5, rng), new Linear(16, 1, Init.std(0.5), rng));
        double[][] x = new double[64][4];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = rng.nextGaussian();
            }
            y[i] = x[i][0];
        }
        Table table = Table.regression(x, y);
        net.train();
        double[] want = new Evaluation(StepPlanner.predictor(net, new MSELoss(), table, false)).outputs(table);
        assertThat(net.isTraining()).isTrue();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int k = 0; k < THREADS; k++) {
                wrong.add(pool.submit(() -> {
                    Evaluation own = new Evaluation(StepPlanner.predictor(net, new MSELoss(), table, false));
                    int bad = 0;
                    for (int c = 0; c < CALLS; c++) {
                        if (!java.util.Arrays.equals(own.outputs(table), want)) {
                            bad++;
                        }
                    }
                    return bad;
                }));
            }
            for (Future<Integer> f : wrong) {
                assertThat(f.get()).as("calls with other outputs than the single-threaded ones").isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(net.isTraining()).isTrue();
        assertThat(new Evaluation(StepPlanner.predictor(net, new MSELoss(), table, false)).outputs(table))
                .containsExactly(want);
    }
}
