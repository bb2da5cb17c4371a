package org.grad4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NormalizationTest {

    @Test
    void appliesTheAffineMapRowByRowInPlace() {
        Normalization n = new Normalization(Normalization.Kind.STANDARDIZE, new double[] {1, -2}, new double[] {2, 4});
        double[] x = {3, 2, 1, -2};
        n.apply(x, 2);
        assertThat(x).containsExactly(1, 1, 0, 0);
        assertThat(n.features()).isEqualTo(2);
    }

    @Test
    void noneLeavesTheFeaturesAsTheyAre() {
        double[] x = {0.1, 0.2, 0.3};
        Normalization.none(3).apply(x, 3);
        assertThat(x).containsExactly(0.1, 0.2, 0.3);
    }

    @Test
    void refusesBadScalesAndWidths() {
        assertThatThrownBy(() -> new Normalization(Normalization.Kind.STANDARDIZE, new double[] {0}, new double[] {0}))
                .hasMessage("normalization: scale 0.0 of feature 0 is not a finite nonzero number");
        assertThatThrownBy(() -> new Normalization(Normalization.Kind.STANDARDIZE, new double[] {Double.NaN}, new double[] {1}))
                .hasMessage("normalization: shift NaN of feature 0 is not finite");
        assertThatThrownBy(() -> Normalization.none(3).apply(new double[4], 4))
                .hasMessage("normalization of 3 features applied to rows of 4");
        assertThatThrownBy(() -> Normalization.Kind.parse("minmax"))
                .hasMessage("Invalid normalization: 'minmax' (expected none, divide or standardize)");
        assertThat(Normalization.Kind.parse("standardize")).isEqualTo(Normalization.Kind.STANDARDIZE);
    }
}
