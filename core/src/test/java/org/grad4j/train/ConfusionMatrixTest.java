package org.grad4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    /**
     * Inputs and values from tools/reference/metrics_reference.py (NumPy 1.24.2, np.add.at on
     * (labels, pred); accuracy = mean(labels == pred); recall and precision per class).
     */
    private static final int[] LABELS = {0, 1, 2, 2, 1, 0, 0, 2, 1, 1, 2, 0};
    private static final int[] PRED = {0, 2, 2, 1, 1, 0, 1, 2, 1, 0, 2, 0};

    @Test
    void matchesNumpy() {
        ConfusionMatrix m = ConfusionMatrix.of(LABELS, PRED, 3);

        assertThat(m.counts()).isDeepEqualTo(new int[][] {{3, 1, 0}, {1, 2, 1}, {0, 1, 3}});
        assertThat(m.accuracy()).isEqualTo(0.6666666666666666);
        assertThat(m.total()).isEqualTo(12);
        assertThat(m.correct()).isEqualTo(8);
        assertThat(new double[] {m.recall(0), m.recall(1), m.recall(2)}).containsExactly(0.75, 0.5, 0.75);
        assertThat(new double[] {m.precision(0), m.precision(1), m.precision(2)}).containsExactly(0.75, 0.5, 0.75);
    }

    @Test
    void batchByBatchEqualsAllAtOnce() {
        ConfusionMatrix m = new ConfusionMatrix(3);
        m.add(new int[] {0, 1, 2, 2, 1, 99}, new int[] {0, 2, 2, 1, 1, 99}, 5);
        for (int i = 5; i < LABELS.length; i++) {
            m.add(LABELS[i], PRED[i]);
        }
        assertThat(m.counts()).isDeepEqualTo(ConfusionMatrix.of(LABELS, PRED, 3).counts());
        m.clear();
        assertThat(m.total()).isZero();
        assertThat(m.accuracy()).isNaN();
        assertThat(m.recall(1)).isNaN();
    }

    @Test
    void refusesClassesOutsideTheMatrix() {
        ConfusionMatrix m = new ConfusionMatrix(3);
        assertThatThrownBy(() -> m.add(3, 0)).hasMessage("confusion matrix: class 3 (label) is outside 0..2");
        assertThatThrownBy(() -> m.add(0, -1)).hasMessage("confusion matrix: class -1 (prediction) is outside 0..2");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[2], new int[3], 3))
                .hasMessage("confusion matrix: 2 labels but 3 predictions");
        assertThatThrownBy(() -> new ConfusionMatrix(0)).hasMessage("Invalid number of classes: 0");
    }
}
