package org.grad4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

class VectorMathTest {

    private static double[] exp4(double a, double b, double c, double d) {
        double[] out = new double[4];
        VectorMath.exp(DoubleVector.fromArray(DoubleVector.SPECIES_256, new double[] {a, b, c, d}, 0))
                .intoArray(out, 0);
        return out;
    }

    @Test
    void expIsWithinTwoUlpOfMathExpOverItsRange() {
        Random rng = new Random(11);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = i % 2 == 0 ? -708 + 1417.78 * rng.nextDouble() : 40 * rng.nextGaussian();
            double got = exp4(x, 0, 0, 0)[0];
            double want = Math.exp(x);
            worst = Math.max(worst, Math.abs(got - want) / Math.ulp(want));
        }
        assertThat(worst).isLessThanOrEqualTo(2.0);
    }

    @Test
    void expHandlesTheEdges() {
        double[] e = exp4(0.0, 1.0, -1.0, 709.782712893384);
        assertThat(e[0]).isEqualTo(1.0);
        assertThat(e[1]).isCloseTo(Math.E, org.assertj.core.data.Offset.offset(Math.ulp(Math.E)));
        assertThat(e[2]).isCloseTo(1 / Math.E, org.assertj.core.data.Offset.offset(Math.ulp(1 / Math.E)));
        assertThat(e[3]).isFinite().isGreaterThan(1.79e308);
        e = exp4(710, Double.POSITIVE_INFINITY, Double.NaN, -1000);
        assertThat(e[0]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(e[1]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(e[2]).isNaN();
        assertThat(e[3]).isBetween(0.0, 3.4e-308);
        assertThat(exp4(Double.NEGATIVE_INFINITY, 0, 0, 0)[0]).isBetween(0.0, 3.4e-308);
    }

    @Test
    void sigmoidMatchesTheFormulaAndKeepsNaN() {
        Random rng = new Random(3);
        double[] x = new double[1003];
        for (int i = 0; i < x.length; i++) {
            x[i] = 8 * rng.nextGaussian();
        }
        x[5] = Double.NaN;
        x[6] = 800;
        x[7] = -800;
        double[] out = new double[x.length];
        VectorMath.sigmoid(x, out, x.length);
        for (int i = 0; i < x.length; i++) {
            double want = 1.0 / (1.0 + Math.exp(-x[i]));
            if (Double.isNaN(want)) {
                assertThat(out[i]).isNaN();
            } else {
                assertThat(out[i]).as("sigmoid(%s)", x[i]).isCloseTo(want, org.assertj.core.data.Offset.offset(4 * Math.ulp(want)));
            }
        }
        assertThat(out[6]).isEqualTo(1.0);
        assertThat(out[7]).isEqualTo(0.0);
    }
}
