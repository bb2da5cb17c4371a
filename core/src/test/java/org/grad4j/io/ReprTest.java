package org.grad4j.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ReprTest {
    private static final int SAMPLES = 30_000;

    @Test
    void theFastPathGivesThePlainSearchsDigitsForAllKindsOfDoubles() {
        Random rng = new Random(18);
        for (int k = 0; k < SAMPLES; k++) {
            double d = switch (k % 4) {
                case 0 -> Double.longBitsToDouble(rng.nextLong()); // any bit pattern, subnormals included
                case 1 -> rng.nextDouble();
                case 2 -> (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(40) - 20);
                default -> rng.nextInt(2000) / 100.0; // short decimals such as 0.95 and 19.99
            };
            if (!Double.isFinite(d) || d == 0) {
                continue;
            }
            assertThat(Repr.shortestDecimal(d).stripTrailingZeros())
                    .as("%s", d).isEqualTo(Repr.search(new java.math.BigDecimal(d), d).stripTrailingZeros());
        }
    }

    @Test
    void writesAsPythonsRepr() {
        // Python 3.11: repr(0.1), repr(1e-10), repr(2.82879384806159e17), repr(6.0), repr(-6.11110793e-10), repr(2**-1074)
        assertThat(Repr.of(0.1)).isEqualTo("0.1");
        assertThat(Repr.of(1e-10)).isEqualTo("1e-10");
        assertThat(Repr.of(2.82879384806159e17)).isEqualTo("2.82879384806159e+17");
        assertThat(Repr.of(6.0)).isEqualTo("6.0");
        assertThat(Repr.of(-6.11110793e-10)).isEqualTo("-6.11110793e-10");
        assertThat(Repr.of(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(Repr.of(1024.0)).isEqualTo("1024.0");
    }
}
