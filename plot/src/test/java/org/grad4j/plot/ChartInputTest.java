package org.grad4j.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** Bad input to the chart builders fails early with a message naming the value. */
class ChartInputTest {

    @Test
    void lineChartValidatesSeries() {
        assertThatThrownBy(() -> LineChart.titled("t").add("a", new double[] {1, 2}, new double[] {1}))
                .hasMessage("series 'a': x has 2 values but y has 1");
        assertThatThrownBy(() -> LineChart.titled("t").add("a", new double[] {1}).add("a", new double[] {2}))
                .hasMessage("duplicate series name 'a'");
        assertThatThrownBy(() -> LineChart.titled("t").yRange(2, 1)).hasMessage("Invalid y range: [2.0, 1.0]");
        assertThatThrownBy(() -> LineChart.titled("t").logY(true).yRange(0, 1).add("a", new double[] {1}).jfreechart())
                .hasMessage("Invalid y range for a log axis: [0.0, 1.0] (must be positive)");
    }

    @Test
    void lineChartCopiesItsInputAndDropsNonPositiveValuesOnALogAxis() {
        double[] y = {1, 0, -1, 10};
        LineChart chart = LineChart.titled("t").logY(true).add("a", y);
        y[0] = 99;
        XYPlot plot = chart.jfreechart().getXYPlot();
        assertThat(plot.getRangeAxis()).isInstanceOf(LogAxis.class);
        XYDataset data = plot.getDataset();
        assertThat(data.getYValue(0, 0)).isEqualTo(1);
        assertThat(data.getYValue(0, 1)).isNaN();
        assertThat(data.getYValue(0, 2)).isNaN();
        assertThat(data.getYValue(0, 3)).isEqualTo(10);
    }

    @Test
    void figureNeedsColumnsAndCharts() {
        assertThatThrownBy(() -> Figure.of(0, LineChart.titled("t"))).hasMessage("Invalid number of columns: 0");
        assertThatThrownBy(() -> Figure.of(2)).hasMessage("a figure needs at least one chart");
        Figure f = Figure.of(2, LineChart.titled("a"), LineChart.titled("b"), LineChart.titled("c"));
        assertThat(f.rows()).isEqualTo(2);
        assertThat(f.defaultWidth()).isEqualTo(2 * 520);
    }

    @Test
    void confusionMatrixMustBeSquareAndNonNegative() {
        assertThatThrownBy(() -> ConfusionMatrixChart.of(new int[][] {{1, 2}, {3}}))
                .hasMessage("confusion matrix: row 1 has 1 entries, expected 2");
        assertThatThrownBy(() -> ConfusionMatrixChart.of(new int[][] {{1, -2}, {3, 4}}))
                .hasMessage("confusion matrix: negative count -2 at [0, 1]");
        assertThatThrownBy(() -> ConfusionMatrixChart.of(new int[][] {{1}}).labels("a", "b"))
                .hasMessage("confusion matrix: 2 labels for 1 classes");
    }

    @Test
    void imageGridChecksPixels() {
        assertThatThrownBy(() -> ImageGrid.of(2).add(new double[] {0, 0.5, 1.5, 0}, "x"))
                .hasMessage("image 0: pixel 2 is 1.5, expected a value in [0, 1]");
        assertThatThrownBy(() -> ImageGrid.of(2).add(new double[] {0, Double.NaN, 1, 0}, "x"))
                .hasMessage("image 0: pixel 1 is NaN, expected a value in [0, 1]");
        assertThatThrownBy(() -> ImageGrid.of(2).add(new double[5], "x"))
                .hasMessage("image 0: 5 pixels is not a square image");
        assertThatThrownBy(() -> ImageGrid.of(2).add(new double[6], 4, 2, "x"))
                .hasMessage("image 0: 6 pixels for a 4x2 image");
    }
}
