package org.grad4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClipNormTest {

    private static final double ROUNDING = 1e-15;

    @Test
    void clipsToTheGlobalNormLikeTorch() {
        // global norm of {3, 4} and {12} is 13; torch: coef = 1 / (13 + 1e-6)
        double[][] g = {{3, 4}, {12}};
        double[][] out = {new double[2], new double[1]};
        double total = ClipNorm.clip(g, 1.0, out);
        assertThat(total).isEqualTo(13.0);
        double coef = 1.0 / (13 + 1e-6);
        assertThat(out[0][0]).isCloseTo(3 * coef, within(ROUNDING));
        assertThat(out[1][0]).isCloseTo(12 * coef, within(ROUNDING));
        assertThat(g).isDeepEqualTo(new double[][] {{3, 4}, {12}});
    }

    @Test
    void smallGradientsAreLeftAsTheyAre() {
        double[][] g = {{0.3, 0.4}};
        assertThat(ClipNorm.clip(g, 1.0)).isCloseTo(0.5, within(ROUNDING));
        assertThat(g[0]).containsExactly(0.3, 0.4);
    }

    @Test
    void inPlaceVariantModifiesTheGradients() {
        double[][] g = {{30, 40}};
        ClipNorm.clip(g, 5.0);
        assertThat(g[0][0]).isCloseTo(3.0, within(1e-6));
        assertThat(g[0][1]).isCloseTo(4.0, within(1e-6));
    }

    @Test
    void maxNormMustBePositive() {
        assertThatThrownBy(() -> ClipNorm.clip(new double[][] {{1}}, -1)).hasMessage("Invalid max_norm value: -1.0");
    }
}
