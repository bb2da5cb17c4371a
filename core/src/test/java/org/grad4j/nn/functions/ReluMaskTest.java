package org.grad4j.nn.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vector kernel of Relu's backward equals the scalar rule bit for bit, tail and NaN included. */
class ReluMaskTest {

    @Test
    void equalsTheScalarMask() {
        Random rng = new Random(3);
        for (int n : new int[] {1, 3, 8, 13, 1000}) {
            double[] y = new double[n];
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = rng.nextBoolean() ? 0.0 : rng.nextDouble();
                g[i] = rng.nextGaussian();
            }
            y[0] = Double.NaN;
            double[] dx = new double[n];
            ReluMask.backward(y, g, dx);
            for (int i = 0; i < n; i++) {
                double want = y[i] > 0 ? g[i] : 0.0;
                assertThat(Double.doubleToRawLongBits(dx[i])).as("n %d, i %d", n, i)
                        .isEqualTo(Double.doubleToRawLongBits(want));
            }
        }
    }
}
