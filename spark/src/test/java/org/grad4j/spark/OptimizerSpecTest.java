package org.grad4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.grad4j.optim.Optimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The optimizer state {@code average} mode ships and averages ({@link Optimizer#state()} and
 * {@link Optimizer#loadState}): the average of partitions' states, weighted by their rows, restored
 * into a fresh optimizer; per-parameter slots averaged, counters taken as their maximum.
 */
class OptimizerSpecTest {
    static final double ROUNDING = 1e-15;

    static double[][][] gradients(long seed) {
        Random r = new Random(seed);
        double[][][] g = new double[4][2][];
        for (double[][] gi : g) {
            gi[0] = r.doubles(5).toArray();
            gi[1] = r.doubles(3).toArray();
        }
        return g;
    }

    /** Two optimizers that took two steps from different gradients, and their state averaged with weights 1/4, 3/4. */
    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "adagrad", "adagrad-book", "rmsprop", "rmsprop-book",
        "adam", "adamw", "adam-book"})
    void averagedStateIsTheWeightedMeanOfSlotsWithCountersKept(String name) {
        Map<String, Double> options = name.equals("sgd") ? Map.of("lr", 0.1, "momentum", 0.9) : Map.of("lr", 0.01);
        OptimizerSpec spec = new OptimizerSpec(name, options);
        double[][] pa = {new double[5], new double[3]};
        double[][] pb = {new double[5], new double[3]};
        Optimizer a = spec.create();
        Optimizer b = spec.create();
        double[][][] ga = gradients(11);
        double[][][] gb = gradients(12);
        for (int s = 0; s < 2; s++) {
            a.step(pa, ga[s]);
            b.step(pb, gb[s]);
        }
        Partial left = new Partial();
        left.addState(a.state(), 0.25, pa);
        Partial right = new Partial();
        right.addState(b.state(), 0.75, pb);
        Map<String, double[][]> mean = left.merge(right).state();
        Map<String, double[][]> sa = a.state();
        Map<String, double[][]> sb = b.state();
        assertThat(mean.keySet()).isEqualTo(sa.keySet());
        for (String k : sa.keySet()) {
            double[][] x = sa.get(k);
            double[][] y = sb.get(k);
            if (OptimizerSpec.perParameter(x, pa)) {
                for (int i = 0; i < x.length; i++) {
                    for (int j = 0; j < x[i].length; j++) {
                        assertThat(Math.abs(mean.get(k)[i][j] - (0.25 * x[i][j] + 0.75 * y[i][j])))
                                .as("%s[%d][%d]", k, i, j).isLessThanOrEqualTo(ROUNDING);
                    }
                }
            } else {
                assertThat(mean.get(k)[0][0]).as(k).isEqualTo(Math.max(x[0][0], y[0][0]));
            }
        }
        // a fresh optimizer takes the averaged state: the next step is the one from that state
        Optimizer c = spec.create();
        c.loadState(mean);
        assertThat(c.state().keySet()).isEqualTo(mean.keySet());
    }

    /** Adam's step count is the maximum of the partitions' counts (4 and 2 here), not their mean (3). */
    @Test
    void adamsStepCountIsTheMaximumNotTheMean() {
        OptimizerSpec spec = new OptimizerSpec("adam", Map.of("lr", 0.01));
        double[][] pa = {new double[5], new double[3]};
        double[][] pb = {new double[5], new double[3]};
        Optimizer a = spec.create();
        Optimizer b = spec.create();
        double[][][] g = gradients(13);
        for (int s = 0; s < 4; s++) {
            a.step(pa, g[s]);
        }
        b.step(pb, g[0]);
        b.step(pb, g[1]);
        Partial left = new Partial();
        left.addState(a.state(), 0.5, pa);
        Partial right = new Partial();
        right.addState(b.state(), 0.5, pb);
        Map<String, double[][]> mean = left.merge(right).state();
        assertThat(mean.get("t")).isEqualTo(new double[][] {{4}});
        assertThat(mean.get("m")[1][2]).isCloseTo(0.5 * (a.state().get("m")[1][2] + b.state().get("m")[1][2]),
                org.assertj.core.data.Offset.offset(ROUNDING));
    }

    /** A restored state continues exactly as the original optimizer would (the state a round ships). */
    @ParameterizedTest
    @ValueSource(strings = {"momentum", "adagrad", "rmsprop", "adam", "adamw", "adam-book"})
    void restoredStateContinuesExactly(String name) {
        OptimizerSpec spec = new OptimizerSpec(name, Map.of("lr", 0.01));
        double[][] p = {new double[5], new double[3]};
        double[][][] g = gradients(11);
        Optimizer a = spec.create();
        a.step(p, g[0]);
        a.step(p, g[1]);
        double[][] q = {p[0].clone(), p[1].clone()};
        Optimizer b = spec.create();
        b.loadState(a.state());
        a.step(p, g[2]);
        a.step(p, g[3]);
        b.step(q, g[2]);
        b.step(q, g[3]);
        assertThat(SyncParityTest.maxDifference(p, q)).isZero();
    }
}
