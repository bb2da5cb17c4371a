package org.grad4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RegressionMetricsTest {

    /** Reduction order differs from NumPy's pairwise sums; values of order 1. */
    private static final double TOL = 1e-15;

    /** Welford's running mean against the two-pass mean, 10 000 values. */
    private static final double RUNNING_TOL = 1e-12;

    /** Inputs and values from tools/reference/metrics_reference.py (NumPy 1.24.2). */
    private static final double[] Y1 = {3.0, -0.5, 2.0, 7.0, 4.25, -1.75, 0.1, 5.5};
    private static final double[] P1 = {2.5, 0.0, 2.0, 8.0, 3.9, -2.0, 0.3, 4.75};
    private static final double[] Y2 = {0.5, 10.0, 1.5, 12.0, -2.0, 9.5, 3.0, 11.0, 0.25, 13.0};
    private static final double[] P2 = {0.0, 10.5, 2.0, 11.0, -1.0, 9.0, 2.5, 11.5, 0.5, 12.0};

    @Test
    void oneOutputMatchesNumpy() {
        RegressionMetrics m = RegressionMetrics.of(Y1, P1);
        assertThat(m.mse()).isCloseTo(0.2859375, within(TOL));
        assertThat(m.mae()).isCloseTo(0.44375, within(TOL));
        assertThat(m.r2()).isCloseTo(0.9651375447687267, within(TOL));
        assertThat(m.count()).isEqualTo(8);
    }

    @Test
    void twoOutputsAreAveragedAsScikitLearnsUniformAverage() {
        RegressionMetrics m = RegressionMetrics.of(Y2, P2, 2);
        assertThat(m.mse()).isCloseTo(0.45625, within(TOL));
        assertThat(m.mae()).isCloseTo(0.625, within(TOL));
        assertThat(m.r2()).isCloseTo(0.7649378910145979, within(TOL));
        assertThat(m.count()).isEqualTo(5);
    }

    @Test
    void constantTargetsGiveOneWhenExactAndZeroOtherwise() {
        assertThat(RegressionMetrics.of(new double[] {2, 2}, new double[] {2, 2}).r2()).isEqualTo(1.0);
        assertThat(RegressionMetrics.of(new double[] {2, 2}, new double[] {2, 3}).r2()).isEqualTo(0.0);
        assertThat(RegressionMetrics.of(new double[] {1, 2}, new double[] {1, 2}).r2()).isEqualTo(1.0);
    }

    @Test
    void theAccumulatorAgreesBatchByBatch() {
        Random rng = new Random(17);
        int n = 10_000;
        double[] y = new double[2 * n];
        double[] p = new double[2 * n];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1000 + rng.nextGaussian();
            p[i] = y[i] + 0.3 * rng.nextGaussian();
        }
        RegressionMetrics.Accumulator acc = new RegressionMetrics.Accumulator(2);
        double[] by = new double[2 * 64];
        double[] bp = new double[2 * 64];
        for (int from = 0; from < n; from += 64) {
            int count = Math.min(64, n - from);
            System.arraycopy(y, 2 * from, by, 0, 2 * count);
            System.arraycopy(p, 2 * from, bp, 0, 2 * count);
            acc.add(by, bp, count);
        }
        RegressionMetrics all = RegressionMetrics.of(y, p, 2);
        RegressionMetrics batched = acc.result();
        assertThat(batched.count()).isEqualTo(n);
        assertThat(batched.mse()).isCloseTo(all.mse(), within(RUNNING_TOL));
        assertThat(batched.mae()).isCloseTo(all.mae(), within(RUNNING_TOL));
        assertThat(batched.r2()).isCloseTo(all.r2(), within(RUNNING_TOL));
        acc.clear();
        assertThatThrownBy(acc::result).hasMessage("regression metrics: no examples");
    }

    @Test
    void refusesMismatchedArrays() {
        assertThatThrownBy(() -> RegressionMetrics.of(new double[3], new double[2]))
                .hasMessage("regression metrics: 3 targets but 2 predictions");
        assertThatThrownBy(() -> RegressionMetrics.of(new double[3], new double[3], 2))
                .hasMessage("regression metrics: 3 values do not make rows of 2 outputs");
        assertThatThrownBy(() -> RegressionMetrics.of(new double[0], new double[0]))
                .hasMessage("regression metrics: 0 values do not make rows of 1 outputs");
        assertThatThrownBy(() -> new RegressionMetrics.Accumulator(2).add(new double[2], new double[4], 2))
                .hasMessage("regression metrics: 2 rows of 2, but 2 targets and 4 predictions");
    }
}
