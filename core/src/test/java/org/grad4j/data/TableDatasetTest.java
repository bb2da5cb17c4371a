package org.grad4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableDatasetTest {

    @TempDir
    Path dir;

    /** Row i: features (i, 2i), target 10i; so every row can be recognised after a split. */
    private static Table rows(int n) {
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {i, 2.0 * i};
            y[i] = 10.0 * i;
        }
        return Table.regression(x, y);
    }

    private static int[] ids(Table t) {
        int[] id = new int[t.size()];
        for (int i = 0; i < t.size(); i++) {
            id[i] = (int) t.feature(i, 0);
            assertThat(t.target(i, 0)).isEqualTo(10.0 * id[i]);
        }
        return id;
    }

    @Test
    void aSplitByFractionIsSeededDisjointCompleteAndInRowOrder() {
        TableDataset a = TableDataset.split(rows(50), 0.2, 7);
        TableDataset b = TableDataset.split(rows(50), 0.2, 7);
        TableDataset c = TableDataset.split(rows(50), 0.2, 8);

        int[] train = ids(a.train());
        int[] test = ids(a.test());
        assertThat(test).hasSize(10).isSorted();
        assertThat(train).hasSize(40).isSorted();
        int[] all = new int[50];
        System.arraycopy(train, 0, all, 0, 40);
        System.arraycopy(test, 0, all, 40, 10);
        Arrays.sort(all);
        for (int i = 0; i < 50; i++) {
            assertThat(all[i]).isEqualTo(i);
        }
        assertThat(ids(b.test())).containsExactly(test);
        assertThat(ids(c.test())).isNotEqualTo(test);
        assertThat(a.normalization().kind()).isEqualTo(Normalization.Kind.NONE);
    }

    @Test
    void anEmptySplitIsRefused() {
        assertThatThrownBy(() -> TableDataset.split(rows(20), 0.01, 1))
                .hasMessage("table: a test fraction of 0.01 of 20 rows leaves no test rows");
        assertThatThrownBy(() -> TableDataset.split(rows(20), 0.99, 1))
                .hasMessage("table: a test fraction of 0.99 of 20 rows leaves no training rows");
        assertThatThrownBy(() -> TableDataset.split(rows(20), 1.0, 1))
                .hasMessage("Invalid test fraction: 1.0 (expected 0 < f < 1)");
        assertThatThrownBy(() -> TableDataset.split(rows(20), Double.NaN, 1))
                .hasMessage("Invalid test fraction: NaN (expected 0 < f < 1)");
    }

    @Test
    void aSeparateTestFileKeepsEveryTrainingRowInFileOrder() throws Exception {
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        Files.writeString(train, "a,b,y\n3,1,0\n1,1,1\n2,2,0\n");
        Files.writeString(test, "a,b,y\n5,5,2\n");
        TableDataset ds = TableDataset.readCsv(train, test, 0.2, 1, CsvOptions.of(Column.named("y"), Task.CLASSIFICATION));

        assertThat(ds.train().featureArray()).containsExactly(3, 1, 1, 1, 2, 2);
        assertThat(ds.train().labels()).containsExactly(0, 1, 0);
        assertThat(ds.test().labels()).containsExactly(2);
        assertThat(ds.classes()).isEqualTo(3);
        assertThat(ds.train().classes()).isEqualTo(3);
        assertThat(ds.name()).isEqualTo("train.csv + test.csv");
    }

    @Test
    void withoutATestFileTheTrainingFileIsSplit() throws Exception {
        Path train = dir.resolve("train.csv");
        StringBuilder sb = new StringBuilder("a,y\n");
        for (int i = 0; i < 10; i++) {
            sb.append(i).append(',').append(i * 0.5).append('\n');
        }
        Files.writeString(train, sb);
        TableDataset ds = TableDataset.readCsv(train, null, 0.3, 4, CsvOptions.of(Column.at(-1), Task.REGRESSION));
        assertThat(ds.train().size()).isEqualTo(7);
        assertThat(ds.test().size()).isEqualTo(3);
    }

    @Test
    void testColumnsMustMatchTheTrainingColumns() {
        Table train = CsvTable.read("train.csv", "a,b,y\n1,2,0\n".getBytes(), CsvOptions.of(Column.named("y"), Task.CLASSIFICATION));
        Table swapped = CsvTable.read("test.csv", "b,a,y\n1,2,0\n".getBytes(), CsvOptions.of(Column.named("y"), Task.CLASSIFICATION));
        Table fewer = CsvTable.read("test.csv", "a,y\n1,0\n".getBytes(), CsvOptions.of(Column.named("y"), Task.CLASSIFICATION));
        Table regression = CsvTable.read("test.csv", "a,b,y\n1,2,0\n".getBytes(), CsvOptions.of(Column.named("y"), Task.REGRESSION));

        assertThatThrownBy(() -> TableDataset.of(train, swapped))
                .hasMessage("test.csv: feature columns b, a differ from train.csv's a, b");
        assertThatThrownBy(() -> TableDataset.of(train, fewer))
                .hasMessage("test.csv: 1 feature columns, but train.csv has 2");
        assertThatThrownBy(() -> TableDataset.of(train, regression))
                .hasMessage("test.csv: a regression table, but train.csv is a classification table");
    }

    @Test
    void standardizationIsFittedOnTheTrainingRowsAndRecorded() {
        Table train = Table.regression(new double[][] {{1, 5}, {2, 5}, {3, 5}, {4, 5}}, new double[] {0, 1, 2, 3});
        Table test = Table.regression(new double[][] {{6, 7}}, new double[] {9});
        TableDataset ds = TableDataset.of(train, test).normalized(Normalization.Kind.STANDARDIZE);

        // mean 2.5, population std sqrt(1.25); the constant column keeps scale 1
        double std = Math.sqrt(1.25);
        assertThat(ds.normalization().shift()).containsExactly(2.5, 5.0);
        assertThat(ds.normalization().scale()).containsExactly(std, 1.0);
        assertThat(ds.train().featureArray()).containsExactly(-1.5 / std, 0, -0.5 / std, 0, 0.5 / std, 0, 1.5 / std, 0);
        assertThat(ds.test().featureArray()).containsExactly(3.5 / std, 2.0);
        assertThat(ds.test().targetArray()).containsExactly(9);
        assertThatThrownBy(() -> ds.normalized(Normalization.Kind.DIVIDE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("normalized already (standardize)");
    }

    @Test
    void theBooksDivisionBy255GivesThePixelsOfAnIdxSplit() {
        Table t = Table.classification(new double[][] {{0, 1, 128, 255}}, new int[] {0});
        Table d = t.normalized(Normalization.fit(Normalization.Kind.DIVIDE, t));
        assertThat(d.featureArray()).containsExactly(0, 1 / 255.0, 128 / 255.0, 1);
        assertThat(d.featureArray()[2]).isEqualTo(org.grad4j.tensor.Pixels.level((byte) 128));
    }
}
