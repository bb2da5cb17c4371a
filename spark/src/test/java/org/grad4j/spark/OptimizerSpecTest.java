package org.grad4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.grad4j.optim.Optimizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The optimizer state {@code average} mode ships and averages: an optimizer restored from a captured
 * state continues exactly as the original would.
 */
class OptimizerSpecTest {

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "adagrad", "adagrad-book", "rmsprop", "rmsprop-book",
        "adam", "adamw", "adam-book"})
    void restoredStateContinuesExactly(String name) {
        Map<String, Double> options = name.equals("sgd") ? Map.of("lr", 0.1, "momentum", 0.9) : Map.of("lr", 0.01);
        OptimizerSpec spec = new OptimizerSpec(name, options);
        Random r = new Random(11);
        double[][] p = {new double[5], new double[3]};
        double[][][] g = new double[4][2][];
        for (double[][] gi : g) {
            gi[0] = r.doubles(5).toArray();
            gi[1] = r.doubles(3).toArray();
        }
        Optimizer a = spec.create();
        a.step(p, g[0]);
        a.step(p, g[1]);
        double[][] q = OptimizerSpec.deepCopy(p);
        Optimizer b = spec.create();
        OptimizerSpec.restore(b, OptimizerSpec.capture(a));
        a.step(p, g[2]);
        a.step(p, g[3]);
        b.step(q, g[2]);
        b.step(q, g[3]);
        assertThat(SyncParityTest.maxDifference(p, q)).isZero();
    }
}
