package org.grad4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class SplitTest {

    private static Split split(int n) throws Exception {
        IdxImages images = Idx.readImages("i", new ByteArrayInputStream(IdxFiles.images(n, 4, 3)), -1);
        IdxLabels labels = Idx.readLabels("l", new ByteArrayInputStream(IdxFiles.labels(n, 10)), -1);
        return new Split(images, labels, 10);
    }

    @Test
    void gatherRowsNormalisesLikeTheBook() throws Exception {
        Split s = split(50);
        int[] idx = {-7, 3, 40, 3};
        double[] out = new double[3 * 12 + 5];
        out[36] = 99; // beyond the rows written: untouched
        s.gatherRows(idx, 1, 3, out);
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < 12; j++) {
                // the book: x.astype(float32) / 255.0; here in double, pixel / 255.0 exactly
                assertThat(out[r * 12 + j]).isEqualTo(IdxFiles.pixel(idx[1 + r], j) / 255.0);
            }
        }
        assertThat(out[36]).isEqualTo(99);
        // the same rows written at an offset (the trainer gathers a batch in two halves)
        double[] shifted = new double[5 + 3 * 12];
        s.gatherRows(idx, 1, 3, shifted, 5);
        assertThat(java.util.Arrays.copyOfRange(shifted, 5, 41)).containsExactly(java.util.Arrays.copyOf(out, 36));
        assertThat(shifted[0]).isZero();
        assertThatThrownBy(() -> s.gatherRows(idx, 1, 3, new double[40], 5))
                .isInstanceOf(IndexOutOfBoundsException.class);
        double[] all = s.toArray();
        assertThat(all).hasSize(50 * 12);
        assertThat(all[40 * 12 + 5]).isEqualTo(IdxFiles.pixel(40, 5) / 255.0);
    }

    @Test
    void gatherColumnsFillsItsColumnsOfEachRow() throws Exception {
        Split s = split(50);
        int[] idx = {3, 40, 3, 17};
        double[] rows = new double[4 * 12];
        s.gatherRows(idx, 0, 4, rows);
        double[] halves = new double[4 * 12];
        java.util.Arrays.fill(halves, -1);
        s.gatherColumns(idx, 4, 0, 5, halves);
        for (int r = 0; r < 4; r++) {
            assertThat(halves[r * 12 + 5]).as("column 5 of row %d, not yet written", r).isEqualTo(-1);
        }
        s.gatherColumns(idx, 4, 5, 12, halves);
        assertThat(halves).containsExactly(rows);
        assertThatThrownBy(() -> s.gatherColumns(idx, 4, 6, 13, halves))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("gatherColumns: columns 6..13 outside 0..12");
        assertThatThrownBy(() -> s.gatherColumns(idx, 4, 0, 12, new double[47]))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.gatherColumns(new int[] {50}, 1, 0, 12, halves))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("index 50");
    }

    @Test
    void touchRowsReadsTheRowsAndSkipsIndicesOutside() throws Exception {
        Split s = split(5);
        int all = s.touchRows(new int[] {0, 1, 2, 3, 4}, 5);
        assertThat(s.touchRows(new int[] {0, 1, 2, 3, 4, 9, -1}, 7)).isEqualTo(all);
        assertThat(s.touchRows(new int[] {9}, 1)).isZero();
        assertThat(s.touchRows(new int[] {1, 2}, 0)).isZero();
    }

    @Test
    void gatherLabelsAndOneHot() throws Exception {
        Split s = split(30);
        int[] idx = {12, 25, 9};
        int[] t = new int[3];
        s.gatherLabels(idx, 0, 3, t);
        assertThat(t).containsExactly(2, 5, 9);
        double[] y = new double[30];
        java.util.Arrays.fill(y, 7);
        s.gatherOneHot(idx, 0, 3, 10, y);
        assertThat(y).containsExactly(Dataset.oneHot(t, 10));
    }

    @Test
    void gatherChecksBounds() throws Exception {
        Split s = split(5);
        assertThatThrownBy(() -> s.gatherRows(new int[] {5}, 0, 1, new double[12]))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("gatherRows: index 5 at position 0 is outside 0..4");
        assertThatThrownBy(() -> s.gatherRows(new int[] {1, 7, 2}, 0, 3, new double[36]))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("gatherRows: index 7 at position 1 is outside 0..4");
        assertThatThrownBy(() -> s.gatherRows(new int[] {1, 2, -1}, 0, 3, new double[36]))
                .hasMessage("gatherRows: index -1 at position 2 is outside 0..4");
        assertThatThrownBy(() -> s.gatherRows(new int[] {1, 2}, 0, 2, new double[20]))
                .hasMessage("gather: output of length 20 cannot hold 2 rows of 12");
        assertThatThrownBy(() -> s.gatherRows(new int[] {1, 2}, 1, 2, new double[24]))
                .hasMessage("gather: positions 1..3 outside an index array of length 2");
    }
}
