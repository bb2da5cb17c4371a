package org.grad4j.plot;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One or more named curves y(x): loss per iteration, train/test accuracy per epoch, learning-rate
 * sweeps, a function with its tangent (the book's {@code gradient_1d.py}, the tangent dashed).
 *
 * <p>Options: logarithmic y axis (points with y ≤ 0 are then left out), markers at the points,
 * points without lines (a scatter plot), fixed x or y range. Non-finite points break the line. The legend is shown when there are two or
 * more series. A series added later is drawn over the ones before it (a moving average over the
 * noisy loss it smooths, a tangent over its function). Arrays passed in are copied, never modified.
 */
public final class LineChart implements Chart {

    private static final BasicStroke SOLID = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke DASHED =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f);

    private final List<Series> series = new ArrayList<>();
    private String title;
    private String xLabel = "x";
    private String yLabel = "y";
    private boolean logY;
    private boolean markers;
    private boolean lines = true;
    private double[] xRange;
    private double[] yRange;

    private LineChart(String title) {
        this.title = title;
    }

    /** An empty chart with the given title ({@code null} or empty for none). */
    public static LineChart titled(String title) {
        return new LineChart(title);
    }

    /** Adds a solid curve through (x[k], y[k]); x and y must have the same length. */
    public LineChart add(String name, double[] x, double[] y) {
        return add(new Series(checkName(name), x, y, false));
    }

    /** Adds a solid curve through (k, y[k]), k = 0, 1, ..., e.g. a loss per iteration. */
    public LineChart add(String name, double[] y) {
        double[] x = new double[y.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = k;
        }
        return add(name, x, y);
    }

    /** Adds a dashed curve (a tangent line, a reference level). */
    public LineChart addDashed(String name, double[] x, double[] y) {
        return add(new Series(checkName(name), x, y, true));
    }

    private LineChart add(Series s) {
        series.add(s);
        return this;
    }

    private String checkName(String name) {
        Objects.requireNonNull(name, "name");
        for (Series s : series) {
            if (s.name().equals(name)) {
                throw new IllegalArgumentException("duplicate series name '" + name + "'");
            }
        }
        return name;
    }

    public LineChart title(String title) {
        this.title = title;
        return this;
    }

    public LineChart xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    public LineChart yLabel(String label) {
        this.yLabel = label;
        return this;
    }

    /** Logarithmic y axis (base 10); points with y ≤ 0 are not drawn. */
    public LineChart logY(boolean logY) {
        this.logY = logY;
        return this;
    }

    /** Draws a marker at every point (distinct shapes per series). */
    public LineChart markers(boolean markers) {
        this.markers = markers;
        return this;
    }

    /**
     * Whether points are joined by lines (the default); {@code lines(false).markers(true)} draws a
     * scatter plot. Dashed series are drawn as lines either way (a reference line over the points).
     */
    public LineChart lines(boolean lines) {
        this.lines = lines;
        return this;
    }

    /** Fixes the x axis to [min, max] instead of fitting the data. */
    public LineChart xRange(double min, double max) {
        xRange = range("x", min, max);
        return this;
    }

    /** Fixes the y axis to [min, max] instead of fitting the data (both &gt; 0 with {@link #logY}). */
    public LineChart yRange(double min, double max) {
        yRange = range("y", min, max);
        return this;
    }

    private static double[] range(String axis, double min, double max) {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("Invalid " + axis + " range: [" + min + ", " + max + "]");
        }
        return new double[] {min, max};
    }

    /** Builds the JFreeChart for the current settings (for further customisation). */
    public JFreeChart jfreechart() {
        if (logY && yRange != null && !(yRange[0] > 0)) {
            throw new IllegalArgumentException(
                    "Invalid y range for a log axis: [" + yRange[0] + ", " + yRange[1] + "] (must be positive)");
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, markers);
        for (int s = 0; s < series.size(); s++) {
            Series curve = series.get(s);
            data.addSeries(curve.toXYSeries(logY));
            renderer.setSeriesPaint(s, Theme.series(s));
            renderer.setSeriesStroke(s, curve.dashed() ? DASHED : SOLID);
            if (!lines) {
                renderer.setSeriesLinesVisible(s, curve.dashed());
                renderer.setSeriesShapesVisible(s, markers && !curve.dashed());
            }
        }
        renderer.setDrawSeriesLineAsPath(true);
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        if (xRange != null) {
            x.setRange(xRange[0], xRange[1]);
        }
        ValueAxis y;
        if (logY) {
            LogAxis log = new LogAxis(yLabel);
            log.setBase(10);
            log.setSmallestValue(1e-300);
            // ticks at whole powers of ten (10^0.4 labels are unreadable), minor ticks in between
            log.setTickUnit(new NumberTickUnit(1), false, false);
            log.setAutoTickUnitSelection(false);
            log.setMinorTickCount(9);
            log.setMinorTickMarksVisible(true);
            y = log;
        } else {
            NumberAxis linear = new NumberAxis(yLabel);
            linear.setAutoRangeIncludesZero(false);
            y = linear;
        }
        if (yRange != null) {
            y.setRange(yRange[0], yRange[1]);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // JFreeChart draws the first series last
        JFreeChart chart = Theme.chart(title, plot, series.size() > 1);
        if (chart.getLegend() != null) {
            chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        jfreechart().draw(g, area);
    }
}
