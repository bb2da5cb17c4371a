package org.grad4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OpsTest {

    private static final double TOL = 1e-15;

    @Test
    void softmaxIsStableForLargeInputs() {
        Tensor x = Tensor.of(new double[][] {{1000, 1000, 1000}, {1010, 1000, 990}, {-1000, 0, 1000}});
        Tensor y = Ops.softmaxRows(x, null);
        assertThat(y.data()).doesNotContain(Double.NaN);
        assertThat(y.get(0, 0)).isCloseTo(1.0 / 3, within(TOL));
        // exp(10)/(exp(10)+1+exp(-10)) and so on, computed by hand from the shifted scores
        double z = Math.exp(10) + 1 + Math.exp(-10);
        assertThat(y.get(1, 0)).isCloseTo(Math.exp(10) / z, within(TOL));
        assertThat(y.get(1, 2)).isCloseTo(Math.exp(-10) / z, within(TOL));
        assertThat(y.get(2, 2)).isEqualTo(1.0);
        assertThat(x.get(0, 0)).isEqualTo(1000.0); // input untouched
    }

    @Test
    void rowBroadcastColumnSumsArgmaxAndSum() {
        Tensor x = Tensor.of(new double[][] {{1, 5, 3}, {7, 2, 7}});
        assertThat(Ops.addRowVector(x, Tensor.of(10, 20, 30), null).data()).containsExactly(11, 25, 33, 17, 22, 37);
        assertThat(Ops.sumColumns(x, null).data()).containsExactly(8, 7, 10);
        assertThat(Ops.argmaxRows(x, null)).containsExactly(1, 0);
        assertThat(Ops.sum(x)).isEqualTo(25.0);
        assertThat(Ops.relu(Tensor.of(-1, 0, 2), null).data()).containsExactly(0, 0, 2);
        assertThat(Ops.sigmoid(Tensor.of(0, -800, 800), null).data()).containsExactly(0.5, 0.0, 1.0);
    }

    @Test
    void gatherRowsCopiesTheIndexedRows() {
        Tensor src = Tensor.of(new double[][] {{0, 0}, {1, 1}, {2, 2}, {3, 3}});
        Tensor out = Tensor.zeros(2, 2);
        assertThat(Ops.gatherRows(src, new int[] {9, 3, 1, 9}, 1, 2, out)).isSameAs(out);
        assertThat(out.data()).containsExactly(3, 3, 1, 1);
        assertThat(Ops.copyRows(src, 2, 2, null).data()).containsExactly(2, 2, 3, 3);
    }

    @Test
    void badShapesAreNamed() {
        assertThatThrownBy(() -> Ops.addRowVector(Tensor.zeros(2, 3), Tensor.zeros(4), null))
                .hasMessage("addRowVector: shape mismatch [2, 3] + [4]");
        assertThatThrownBy(() -> Ops.sigmoid(Tensor.zeros(2, 3), Tensor.zeros(3, 2)))
                .hasMessage("sigmoid: output shape [3, 2], expected [2, 3]");
        assertThatThrownBy(() -> Ops.gatherRows(Tensor.zeros(4, 2), new int[] {0, 7}, 0, 2, null))
                .hasMessage("gatherRows: row index 7 outside [0, 4)");
        assertThatThrownBy(() -> Ops.gatherRows(Tensor.zeros(4, 2), new int[] {0, 1}, 1, 2, null))
                .hasMessage("gatherRows: range [1, 3) outside the 2 indices");
        assertThatThrownBy(() -> Tensor.of(new double[][] {{1, 2}, {3}}))
                .hasMessage("Tensor.of: row 1 has 1 entries, expected 2");
        assertThatThrownBy(() -> Tensor.of(new double[5], 2, 3))
                .hasMessage("Tensor.of: 5 values do not fill shape [2, 3]");
    }

    @Test
    void shapesAndFactories() {
        assertThat(Tensor.zeros(5).shape()).containsExactly(5);
        assertThat(Tensor.zeros(5).rows()).isEqualTo(1);
        assertThat(Tensor.zeros(2, 3).shape()).containsExactly(2, 3);
        Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        Tensor c = Tensor.copy(a);
        c.set(0, 0, 9);
        assertThat(a.get(0, 0)).isEqualTo(1.0);
        double[] backing = {1, 2, 3, 4, 5, 6};
        assertThat(Tensor.of(backing, 3, 2).data()).isSameAs(backing);
    }
}
