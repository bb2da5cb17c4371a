package org.grad4j.data;

/** {@link Table} of regression examples with two targets per row, under the {@link Examples} contract. */
class TableRegressionTest extends ExamplesContract {

    private static final int N = 11;

    @Override
    Examples examples() {
        double[][] x = new double[N][2];
        double[][] y = new double[N][];
        for (int i = 0; i < N; i++) {
            x[i][0] = expectedFeature(i, 0);
            x[i][1] = expectedFeature(i, 1);
            y[i] = expectedTargets(i);
        }
        return Table.regression(x, y);
    }

    @Override
    double expectedFeature(int i, int j) {
        return j == 0 ? -i : Math.sqrt(i);
    }

    @Override
    double[] expectedTargets(int i) {
        return new double[] {i * 0.5, -3.0 * i};
    }

    @Override
    int expectedLabel(int i) {
        return -1;
    }
}
