package org.grad4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.grad4j.data.Table;
import org.grad4j.data.TableDataset;
import org.grad4j.nn.Init;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.nn.loss.MSELoss;
import org.grad4j.nn.module.Linear;
import org.grad4j.nn.module.Sequential;
import org.grad4j.nn.module.Tanh;
import org.grad4j.optim.Adam;
import org.grad4j.plot.Chart;
import org.grad4j.plot.LineChart;
import org.grad4j.train.History;
import org.grad4j.train.TrainListener;
import org.grad4j.train.TrainSettings;
import org.grad4j.train.Trainer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** The training curves label each axis by the metric of the run's task. */
class TrainingCurvesTest {

    @Test
    void regressionCurvesShowMseMaeAndR2OnAxesNamedByTheMetric() throws Exception {
        Random rng = new Random(8);
        double[][] x = new double[60][2];
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) {
            x[i][0] = rng.nextGaussian();
            x[i][1] = rng.nextGaussian();
            y[i] = x[i][0] * x[i][1];
        }
        TableDataset ds = TableDataset.split(Table.regression(x, y), 0.25, 1);
        Sequential net = Sequential.book(new Linear(2, 8, Init.XAVIER, rng), new Tanh(), new Linear(8, 1, Init.XAVIER, rng));
        History h = new Trainer(net, new MSELoss(), new Adam(0.01), ds.train(), ds.test(),
                TrainSettings.book().withIterations(12).withBatch(15)).run(TrainListener.NONE).history();
        List<Chart> charts = Pictures.trainingCurves(h, "run").charts();
        assertThat(charts).hasSize(4);
        assertAxes(charts.get(0), "loss", "mini-batch loss");
        assertAxes(charts.get(1), "MSE", "train MSE", "test MSE");
        assertAxes(charts.get(2), "MAE", "train MAE", "test MAE");
        assertAxes(charts.get(3), "R²", "train R²", "test R²");
        XYPlot mse = ((LineChart) charts.get(1)).jfreechart().getXYPlot();
        assertThat(mse.getDataset().getItemCount(1)).as("one point per evaluation").isEqualTo(h.evaluations());
        assertThat(mse.getDataset().getYValue(1, h.evaluations() - 1)).isEqualTo(h.testMse()[h.evaluations() - 1]);
    }

    @Test
    void classificationCurvesShowTheAccuracies() throws Exception {
        Random rng = new Random(9);
        double[][] x = new double[40][2];
        int[] t = new int[40];
        for (int i = 0; i < 40; i++) {
            x[i][0] = rng.nextGaussian();
            x[i][1] = rng.nextGaussian();
            t[i] = x[i][0] > 0 ? 1 : 0;
        }
        TableDataset ds = TableDataset.split(Table.classification(x, t), 0.25, 1);
        Sequential net = Sequential.book(new Linear(2, 2, Init.XAVIER, rng));
        History h = new Trainer(net, new CrossEntropyLoss(), new Adam(0.01), ds.train(), ds.test(),
                TrainSettings.book().withIterations(6).withBatch(10)).run(TrainListener.NONE).history();
        List<Chart> charts = Pictures.trainingCurves(h, "run").charts();
        assertThat(charts).hasSize(2);
        assertAxes(charts.get(1), "accuracy", "train", "test");
    }

    private static void assertAxes(Chart chart, String yLabel, String... series) {
        XYPlot plot = ((LineChart) chart).jfreechart().getXYPlot();
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("iteration");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo(yLabel);
        for (int s = 0; s < series.length; s++) {
            assertThat(plot.getDataset().getSeriesKey(s)).hasToString(series[s]);
        }
    }
}
