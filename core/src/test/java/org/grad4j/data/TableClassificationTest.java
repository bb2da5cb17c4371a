package org.grad4j.data;

/** {@link Table} of classification examples from {@code double[][]} and {@code int[]}, under the {@link Examples} contract. */
class TableClassificationTest extends ExamplesContract {

    private static final int N = 12;

    private static double value(int i, int j) {
        return i * 10.0 + j + 0.25;
    }

    @Override
    Examples examples() {
        double[][] x = new double[N][3];
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = value(i, j);
            }
            labels[i] = i % 4;
        }
        return Table.classification(x, labels);
    }

    @Override
    double expectedFeature(int i, int j) {
        return value(i, j);
    }

    @Override
    double[] expectedTargets(int i) {
        double[] t = new double[4];
        t[i % 4] = 1;
        return t;
    }

    @Override
    int expectedLabel(int i) {
        return i % 4;
    }
}
