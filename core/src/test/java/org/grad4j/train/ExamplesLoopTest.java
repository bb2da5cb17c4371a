package org.grad4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.grad4j.data.BatchSampler;
import org.grad4j.data.Column;
import org.grad4j.data.CsvOptions;
import org.grad4j.data.CsvTable;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;
import org.grad4j.data.Examples;
import org.grad4j.data.Normalization;
import org.grad4j.data.Sampling;
import org.grad4j.data.SplitExamples;
import org.grad4j.data.TableDataset;
import org.grad4j.data.Task;
import org.junit.jupiter.api.Test;

/**
 * The data sources and metrics as a general training loop uses them: batches gathered by index from
 * {@link Examples} into fixed buffers, a linear model {@code y = x W + b} updated by SGD, and the test
 * rows scored batch by batch. Softmax regression on the MNIST digits shipped with grad4j (IDX, through
 * {@link SplitExamples}) and linear regression on a CSV table.
 */
class ExamplesLoopTest {

    private static final int BATCH = 100;

    /** {@code y = x W + b} for {@code count} rows; {@code out} is modified. */
    private static void forward(double[] x, int count, int in, double[] w, double[] b, int outs, double[] out) {
        for (int r = 0; r < count; r++) {
            for (int k = 0; k < outs; k++) {
                double s = b[k];
                for (int j = 0; j < in; j++) {
                    s += x[r * in + j] * w[j * outs + k];
                }
                out[r * outs + k] = s;
            }
        }
    }

    /**
     * SGD on the mean loss over a batch, given {@code d = dLoss/dy * batch} per output (softmax
     * cross-entropy: {@code y - t}; squared error: {@code 2 (y - t)}); {@code w, b} are modified.
     */
    private static void update(double[] x, double[] d, int count, int in, double[] w, double[] b, int outs, double lr) {
        double step = lr / count;
        for (int r = 0; r < count; r++) {
            for (int k = 0; k < outs; k++) {
                double g = d[r * outs + k] * step;
                b[k] -= g;
                for (int j = 0; j < in; j++) {
                    w[j * outs + k] -= g * x[r * in + j];
                }
            }
        }
    }

    private static void softmax(double[] y, int count, int outs) {
        for (int r = 0; r < count; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < outs; k++) {
                max = Math.max(max, y[r * outs + k]);
            }
            double sum = 0;
            for (int k = 0; k < outs; k++) {
                y[r * outs + k] = Math.exp(y[r * outs + k] - max);
                sum += y[r * outs + k];
            }
            for (int k = 0; k < outs; k++) {
                y[r * outs + k] /= sum;
            }
        }
    }

    @Test
    void softmaxRegressionOnTheShippedDigits() throws Exception {
        Dataset ds = Datasets.load("mnist-sample");
        Examples train = SplitExamples.train(ds);
        Examples test = SplitExamples.test(ds);
        int in = train.features();
        int outs = train.targetWidth();
        double[] w = new double[in * outs];
        double[] b = new double[outs];
        int[] idx = new int[BATCH];
        double[] x = new double[BATCH * in];
        double[] t = new double[BATCH * outs];
        double[] y = new double[BATCH * outs];
        BatchSampler sampler = new BatchSampler(train.size(), BATCH, Sampling.SHUFFLE, 1);
        for (int step = 0; step < 300; step++) {
            sampler.next(idx);
            train.gatherFeatures(idx, 0, BATCH, x);
            train.gatherTargets(idx, 0, BATCH, t);
            forward(x, BATCH, in, w, b, outs, y);
            softmax(y, BATCH, outs);
            for (int i = 0; i < y.length; i++) {
                y[i] -= t[i];
            }
            update(x, y, BATCH, in, w, b, outs, 0.5);
        }
        ConfusionMatrix m = new ConfusionMatrix(test.classes());
        int[] labels = new int[BATCH];
        int[] pred = new int[BATCH];
        for (int from = 0; from < test.size(); from += BATCH) {
            int count = Math.min(BATCH, test.size() - from);
            for (int r = 0; r < count; r++) {
                idx[r] = from + r;
            }
            test.gatherFeatures(idx, 0, count, x);
            test.gatherLabels(idx, 0, count, labels);
            forward(x, count, in, w, b, outs, y);
            for (int r = 0; r < count; r++) {
                int best = 0;
                for (int k = 1; k < outs; k++) {
                    best = y[r * outs + k] > y[r * outs + best] ? k : best;
                }
                pred[r] = best;
            }
            m.add(labels, pred, count);
        }
        assertThat(m.total()).isEqualTo(test.size());
        assertThat(m.accuracy()).as("test accuracy of softmax regression after 300 steps").isGreaterThan(0.8);
    }

    @Test
    void linearRegressionOnACsvTable() {
        Random rng = new Random(11);
        StringBuilder csv = new StringBuilder("x0,x1,x2,y\n");
        for (int i = 0; i < 500; i++) {
            double a = 100 * rng.nextDouble();
            double c = rng.nextGaussian();
            double e = 10 + rng.nextDouble();
            csv.append(a).append(',').append(c).append(',').append(e).append(',')
                    .append(0.05 * a - 2 * c + 3 * e + 0.1 * rng.nextGaussian()).append('\n');
        }
        CsvOptions o = CsvOptions.of(Column.named("y"), Task.REGRESSION);
        TableDataset ds = TableDataset.split(CsvTable.read("line.csv", csv.toString().getBytes(StandardCharsets.UTF_8), o),
                0.2, 5).normalized(Normalization.Kind.STANDARDIZE);
        Examples train = ds.train();
        int in = train.features();
        double[] w = new double[in];
        double[] b = new double[1];
        int[] idx = new int[BATCH];
        double[] x = new double[BATCH * in];
        double[] t = new double[BATCH];
        double[] y = new double[BATCH];
        BatchSampler sampler = new BatchSampler(train.size(), BATCH, Sampling.SHUFFLE, 2);
        for (int step = 0; step < 400; step++) {
            sampler.next(idx);
            train.gatherFeatures(idx, 0, BATCH, x);
            train.gatherTargets(idx, 0, BATCH, t);
            forward(x, BATCH, in, w, b, 1, y);
            for (int i = 0; i < BATCH; i++) {
                y[i] = 2 * (y[i] - t[i]);
            }
            update(x, y, BATCH, in, w, b, 1, 0.1);
        }
        Examples test = ds.test();
        RegressionMetrics.Accumulator acc = new RegressionMetrics.Accumulator(1);
        for (int from = 0; from < test.size(); from += BATCH) {
            int count = Math.min(BATCH, test.size() - from);
            for (int r = 0; r < count; r++) {
                idx[r] = from + r;
            }
            test.gatherFeatures(idx, 0, count, x);
            test.gatherTargets(idx, 0, count, t);
            forward(x, count, in, w, b, 1, y);
            acc.add(t, y, count);
        }
        RegressionMetrics m = acc.result();
        assertThat(m.count()).isEqualTo(100);
        assertThat(m.r2()).as("test R² of the line fitted to standardized features").isGreaterThan(0.99);
        assertThat(m.mse()).as("test MSE: the noise's variance is 0.01").isLessThan(0.05);
    }
}
