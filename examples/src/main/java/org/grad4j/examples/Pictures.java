package org.grad4j.examples;

import java.util.List;
import org.grad4j.expr.Expression;
import org.grad4j.optim.Trajectory;
import org.grad4j.plot.Chart;
import org.grad4j.plot.GradientField;
import org.grad4j.plot.Figure;
import org.grad4j.plot.LineChart;
import org.grad4j.regress.Line;
import org.grad4j.regress.LineData;
import org.grad4j.train.History;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/** The pictures of functions and descent paths shared by the examples and the command line. */
public final class Pictures {
    private Pictures() {}

    /** A named descent path. */
    public record Path(String label, double[][] points) {}

    /** The window [xMin, xMax] x [yMin, yMax] of a plot. */
    public record Window(double xMin, double xMax, double yMin, double yMax) {

        public Window {
            if (!(xMin < xMax) || !(yMin < yMax)) {
                throw new IllegalArgumentException("empty plot range [" + xMin + ", " + xMax + "] x [" + yMin + ", " + yMax + "]");
            }
        }

        /**
         * A window holding all finite points of the paths with a 15% margin, at least [-1, 1]
         * around them; points beyond 1e6 are left out so a diverging path does not squash the rest.
         */
        public static Window around(List<Path> paths) {
            double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
            for (Path p : paths) {
                for (double[] q : p.points()) {
                    double x = q[0];
                    double y = q.length > 1 ? q[1] : 0;
                    if (Double.isFinite(x) && Double.isFinite(y) && Math.abs(x) < 1e6 && Math.abs(y) < 1e6) {
                        x0 = Math.min(x0, x);
                        x1 = Math.max(x1, x);
                        y0 = Math.min(y0, y);
                        y1 = Math.max(y1, y);
                    }
                }
            }
            if (!(x0 <= x1)) {
                return new Window(-1, 1, -1, 1);
            }
            double mx = Math.max(0.15 * (x1 - x0), 1), my = Math.max(0.15 * (y1 - y0), 1);
            return new Window(x0 - mx, x1 + mx, y0 - my, y1 + my);
        }

        /** A grid step giving about 20 arrows along the longer side. */
        public double arrowStep() {
            double span = Math.max(xMax - xMin, yMax - yMin);
            double raw = span / 20;
            double p = Math.pow(10, Math.floor(Math.log10(raw)));
            for (double m : new double[] {1, 2, 2.5, 5, 10}) {
                if (m * p >= raw) {
                    return m * p;
                }
            }
            return 10 * p;
        }
    }

    /** The gradient field of a function of two variables (exact gradient) with the given paths. */
    public static GradientField field(Expression f, Window w, double step, List<Path> paths) {
        if (f.arity() != 2) {
            throw new IllegalArgumentException("a gradient field needs a function of 2 variables, '" + f.text()
                    + "' has " + f.arity());
        }
        GradientField g = GradientField.of(f.function(), f.gradientFunction())
                .xRange(w.xMin(), w.xMax()).yRange(w.yMin(), w.yMax()).step(step)
                .title("f = " + f.text())
                .xLabel(f.variables().get(0)).yLabel(f.variables().get(1));
        for (Path p : paths) {
            g.addPath(p.label(), p.points());
        }
        return g;
    }

    /**
     * Several descent paths on one picture, for comparing optimizers or learning rates: over the
     * banded contour of f (2 variables) in {@code window}, or null for a window around the paths;
     * for other arities as {@link #descent}.
     */
    public static Chart comparison(Expression f, Window window, List<Path> paths, List<Trajectory> runs) {
        if (f.arity() != 2) {
            return descent(f, paths, runs);
        }
        Window w = window != null ? window : Window.around(paths);
        return field(f, w, w.arrowStep(), paths).background(GradientField.Background.CONTOUR);
    }

    /** f at each step of each run, on a logarithmic axis (values at or below 0 are not drawn). */
    public static LineChart valuesPerStep(String title, List<Path> paths, List<Trajectory> runs) {
        LineChart c = LineChart.titled(title).xLabel("step").yLabel("f(x)").logY(true);
        for (int k = 0; k < runs.size(); k++) {
            c.add(paths.get(k).label(), runs.get(k).values());
        }
        return c;
    }

    /**
     * A fitted line: the points (markers only), the line found by descent and the least-squares line
     * (dashed), next to the error per iteration on a log axis.
     */
    public static Figure regression(LineData points, Line fitted, Line exact, double[] errors) {
        double[] x = points.x();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double[] ends = {lo, hi};
        LineChart lines = LineChart.titled("y = w x + b").xLabel("x").yLabel("y")
                .add(points.size() + " points", x, points.y())
                .add("descent: y = " + g4(fitted.w()) + " x + " + g4(fitted.b()), ends, new double[] {fitted.at(lo), fitted.at(hi)})
                .addDashed("least squares: y = " + g4(exact.w()) + " x + " + g4(exact.b()), ends,
                        new double[] {exact.at(lo), exact.at(hi)});
        Chart scatter = (g, area) -> {
            JFreeChart c = lines.jfreechart();
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) c.getXYPlot().getRenderer();
            r.setSeriesLinesVisible(0, false);
            r.setSeriesShapesVisible(0, true);
            r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
            c.draw(g, area);
        };
        LineChart loss = LineChart.titled("mean squared error").xLabel("iteration").yLabel("E(b, w)").logY(true)
                .add("error", errors);
        return Figure.of(2, scatter, loss).title("Linear regression by gradient descent");
    }

    private static String g4(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    /** A picture of descent on {@code f}: a gradient field for 2 variables, the curve for 1, values for more. */
    public static Chart descent(Expression f, List<Path> paths, List<Trajectory> runs) {
        if (f.arity() == 2) {
            Window w = Window.around(paths);
            return field(f, w, w.arrowStep(), paths);
        }
        if (f.arity() == 1) {
            Window w = Window.around(paths);
            int n = 400;
            double[] xs = new double[n + 1];
            double[] ys = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                xs[i] = w.xMin() + (w.xMax() - w.xMin()) * i / n;
                ys[i] = f.value(xs[i]);
            }
            LineChart c = LineChart.titled("f = " + f.text()).xLabel(f.variables().get(0)).yLabel("f")
                    .add("f", xs, ys).markers(false);
            for (int k = 0; k < paths.size(); k++) {
                double[][] pts = paths.get(k).points();
                double[] px = new double[pts.length];
                for (int i = 0; i < pts.length; i++) {
                    px[i] = pts[i][0];
                }
                c.add(paths.get(k).label(), px, runs.get(k).values());
            }
            return c;
        }
        LineChart c = LineChart.titled("f = " + f.text()).xLabel("step").yLabel("f(x)");
        for (int k = 0; k < runs.size(); k++) {
            c.add(paths.get(k).label(), runs.get(k).values());
        }
        return c;
    }

    /**
     * The loss of every iteration (and its moving average), and per evaluation the train and test
     * metrics of the run's task: accuracy for classification; MSE, MAE and R² for regression, each
     * on its own axis labelled by the metric.
     */
    public static Figure trainingCurves(History h, String title) {
        double[] loss = h.loss();
        double[] it = new double[loss.length];
        for (int i = 0; i < it.length; i++) {
            it[i] = i + 1;
        }
        LineChart lossChart = LineChart.titled("loss").xLabel("iteration").yLabel("loss").add("mini-batch loss", it, loss);
        if (loss.length >= 50) {
            lossChart.add("moving average (50)", it, movingAverage(loss, 50));
        }
        int[] ev = h.evalIterations();
        double[] evx = new double[ev.length];
        for (int i = 0; i < ev.length; i++) {
            evx[i] = ev[i];
        }
        if (h.task() == org.grad4j.data.Task.REGRESSION) {
            return Figure.of(2, lossChart,
                    metricChart("mean squared error", "MSE", evx, h, History.Metric.TRAIN_MSE, History.Metric.TEST_MSE),
                    metricChart("mean absolute error", "MAE", evx, h, History.Metric.TRAIN_MAE, History.Metric.TEST_MAE),
                    metricChart("coefficient of determination", "R²", evx, h, History.Metric.TRAIN_R2,
                            History.Metric.TEST_R2)).title(title);
        }
        LineChart acc = LineChart.titled("accuracy").xLabel("iteration").yLabel("accuracy").markers(true)
                .add("train", evx, h.trainAccuracy()).add("test", evx, h.testAccuracy());
        return Figure.of(2, lossChart, acc).title(title);
    }

    /** The train and test values of one metric per evaluation, the series named by the metric ("test MSE"). */
    private static LineChart metricChart(String title, String axis, double[] evx, History h, History.Metric train,
            History.Metric test) {
        return LineChart.titled(title).xLabel("iteration").yLabel(axis).markers(true)
                .add(train.label(), evx, h.values(train)).add(test.label(), evx, h.values(test));
    }

    /** The mean of the last {@code window} values at each position (fewer at the start). */
    public static double[] movingAverage(double[] v, int window) {
        double[] out = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += v[i];
            if (i >= window) {
                sum -= v[i - window];
            }
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }
}
