package org.grad4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Optimizer} keeps; one concrete subclass per implementation (nested in
 * {@link OptimizerContractTest}).
 */
abstract class OptimizerContract {

    private static final long SEED = 20240611L;

    /** A fresh optimizer with learning rate {@code lr}; invalid lr must throw. */
    abstract Optimizer create(double lr);

    private static double[][] randomArrays(Random rnd) {
        double[][] a = {new double[7], new double[3]};
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        return a;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Test
    void gradientsAreNeverModified() {
        Random rnd = new Random(SEED);
        Optimizer opt = create(0.05);
        double[][] params = randomArrays(rnd);
        for (int s = 0; s < 5; s++) {
            double[][] grads = randomArrays(rnd);
            double[][] before = copy(grads);
            opt.step(params, grads);
            assertThat(grads).isDeepEqualTo(before);
        }
    }

    @Test
    void stepsMoveTheParametersAgainstTheGradient() {
        double[][] params = {{1.0, -2.0}};
        double[][] grads = {{0.5, -0.25}};
        create(0.01).step(params, grads);
        assertThat(params[0][0]).isLessThan(1.0);
        assertThat(params[0][1]).isGreaterThan(-2.0);
    }

    @Test
    void resetForgetsAllState() {
        Random rnd = new Random(SEED);
        double[][] start = randomArrays(rnd);
        double[][][] grads = {randomArrays(rnd), randomArrays(rnd), randomArrays(rnd)};

        double[][] fresh = copy(start);
        Optimizer a = create(0.05);
        for (double[][] g : grads) {
            a.step(fresh, g);
        }
        Optimizer b = create(0.05);
        double[][] warm = copy(start);
        b.step(warm, randomArrays(rnd));
        b.step(warm, randomArrays(rnd));
        b.reset();
        warm = copy(start);
        for (double[][] g : grads) {
            b.step(warm, g);
        }
        assertThat(warm).isDeepEqualTo(fresh);
    }

    @Test
    void zeroLearningRateLeavesTheParametersAlone() {
        Random rnd = new Random(SEED);
        double[][] params = randomArrays(rnd);
        double[][] before = copy(params);
        Optimizer opt = create(0);
        for (int s = 0; s < 3; s++) {
            opt.step(params, randomArrays(rnd));
        }
        assertThat(params).isDeepEqualTo(before);
    }

    @Test
    void lrIsReadAndWritten() {
        Optimizer opt = create(0.05);
        assertThat(opt.lr()).isEqualTo(0.05);
        opt.setLr(0.5);
        assertThat(opt.lr()).isEqualTo(0.5);
    }

    @Test
    void negativeOrNanLearningRatesAreRejected() {
        assertThatThrownBy(() -> create(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid learning rate: -0.1");
        assertThatThrownBy(() -> create(Double.NaN)).hasMessage("Invalid learning rate: nan");
        Optimizer opt = create(0.1);
        assertThatThrownBy(() -> opt.setLr(Double.NaN)).hasMessage("Invalid learning rate: nan");
        assertThatThrownBy(() -> opt.setLr(-1)).hasMessage("Invalid learning rate: -1.0");
        assertThat(opt.lr()).isEqualTo(0.1);
    }

    @Test
    void mismatchedShapesAreRejected() {
        Optimizer opt = create(0.1);
        assertThatThrownBy(() -> opt.step(new double[][] {{1, 2}}, new double[][] {{1, 2, 3}}))
                .hasMessage("step: params[0] has length 2 but grads[0] has length 3");
        assertThatThrownBy(() -> opt.step(new double[][] {{1, 2}}, new double[][] {}))
                .hasMessage("step: 1 parameter arrays but 0 gradient arrays");
    }
}
