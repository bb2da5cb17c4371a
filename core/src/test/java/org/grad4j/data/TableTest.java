package org.grad4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Table}'s factories from arrays: copies, shapes and bad input. */
class TableTest {

    @Test
    void copiesItsInputAndReturnsCopies() {
        double[][] x = {{1, 2}, {3, 4}};
        int[] labels = {1, 0};
        Table t = Table.classification(x, labels);
        x[0][0] = 99;
        labels[0] = 5;
        t.featureArray()[1] = 99;
        assertThat(t.featureArray()).containsExactly(1, 2, 3, 4);
        assertThat(t.labels()).containsExactly(1, 0);
        assertThat(t.classes()).isEqualTo(2);
        assertThat(t.featureNames()).containsExactly("x0", "x1");
        assertThat(t.toString()).isEqualTo("table: 2 rows, 2 features, classification (2 classes)");
        assertThat(t.rows(new int[] {1, 1}).featureArray()).containsExactly(3, 4, 3, 4);
    }

    @Test
    void refusesRaggedRowsMismatchedCountsAndBadLabels() {
        assertThatThrownBy(() -> Table.regression(new double[][] {{1, 2}, {3}}, new double[] {1, 2}))
                .hasMessage("row 1 of features has 1 values, row 0 has 2");
        assertThatThrownBy(() -> Table.regression(new double[][] {{1}, {3}}, new double[] {1}))
                .hasMessage("table: 2 feature rows but 1 target values (expected 2 rows of 1)");
        assertThatThrownBy(() -> Table.classification(new double[][] {{1}, {3}}, new int[] {0}))
                .hasMessage("table: 2 feature rows but 1 labels");
        assertThatThrownBy(() -> Table.classification(new double[][] {{1}}, new int[] {-1}))
                .hasMessage("table: label -1 of row 0 is negative");
        assertThatThrownBy(() -> Table.classification(new double[][] {{1}}, new int[] {3}, 3))
                .hasMessage("table: label 3 is not below 3 classes");
        assertThatThrownBy(() -> Table.classification(new double[0][], new int[0]))
                .hasMessage("no rows of features");
        assertThatThrownBy(() -> Table.regression(new double[][] {{1}}, new double[][] {{}}))
                .hasMessage("rows of targets are empty");
    }

    @Test
    void labelsAndRealTargetsAreNotMixedUp() {
        Table r = Table.regression(new double[][] {{1}}, new double[] {2});
        Table c = Table.classification(new double[][] {{1}}, new int[] {0});
        assertThatThrownBy(r::labels).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("table: a regression table has real targets, not class labels");
        assertThatThrownBy(c::targetArray).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("table: a classification table has labels, not real targets");
        assertThat(c.withClasses(4).targetWidth()).isEqualTo(4);
    }
}
