package org.grad4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.grad4j.diff.MultivariateFunction;
import org.grad4j.diff.VectorFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.VectorSeries;
import org.jfree.data.xy.VectorSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The field of steepest-descent directions −∇f of a function of two variables, drawn as arrows
 * over a heatmap or a banded filled contour of f, with optional descent paths on top (the book's
 * {@code gradient_2d.py} and Fig. 4-9, 6-3 to 6-8).
 *
 * <p>The gradient is supplied as a {@link VectorFunction} {@code x -> ∇f(x)} of length 2 (for
 * {@code f(x) = x0² + x1²}: {@code x -> new double[] {2 * x[0], 2 * x[1]}}); an exact gradient or a
 * numerical one both work. Arrows are placed on the grid {@code (xMin + i·step, yMin + j·step)}
 * inside the ranges and drawn in data coordinates (matplotlib's {@code angles="xy"}), so an
 * arrow always points along −∇f as plotted. Their length is {@link ArrowScale#PROPORTIONAL}
 * (longest arrow 0.9·step, like quiver's autoscale) or {@link ArrowScale#UNIT} (all 0.8·step).
 *
 * <p>The axes are fixed to the given ranges: paths that leave them (a diverging learning rate)
 * are clipped at the plot border and never rescale the axes.
 */
public final class GradientField implements Chart {

    /** What is drawn under the arrows. */
    public enum Background { HEATMAP, CONTOUR, NONE }

    /** How arrow lengths relate to |∇f|. */
    public enum ArrowScale { PROPORTIONAL, UNIT }

    static final int MAX_ARROWS_PER_AXIS = 200;
    private static final double PROPORTIONAL_LONGEST = 0.9;
    private static final double UNIT_LENGTH = 0.8;

    private final MultivariateFunction f;
    private final VectorFunction gradient;
    private double xMin = -2, xMax = 2, yMin = -2, yMax = 2;
    private double step = 0.25;
    private Background background = Background.HEATMAP;
    private ArrowScale arrowScale = ArrowScale.PROPORTIONAL;
    private String title = "−∇f";
    private String xLabel = "x0";
    private String yLabel = "x1";
    private int resolution = 64;
    private int levels = 10;
    private final List<Series> paths = new ArrayList<>();

    private GradientField(MultivariateFunction f, VectorFunction gradient) {
        this.f = Objects.requireNonNull(f, "f");
        this.gradient = Objects.requireNonNull(gradient, "gradient");
    }

    /**
     * A gradient field of {@code f} with its gradient; defaults: [-2, 2]², step 0.25 (the book's
     * grid), heatmap, proportional arrows, title "−∇f", axis labels "x0", "x1".
     */
    public static GradientField of(MultivariateFunction f, VectorFunction gradient) {
        return new GradientField(f, gradient);
    }

    /** Sets the x range, which is also the fixed domain axis range. */
    public GradientField xRange(double min, double max) {
        checkRange("x", min, max);
        xMin = min;
        xMax = max;
        return this;
    }

    /** Sets the y range, which is also the fixed range axis range. */
    public GradientField yRange(double min, double max) {
        checkRange("y", min, max);
        yMin = min;
        yMax = max;
        return this;
    }

    /** Sets the spacing of the arrow grid, in data units on both axes. */
    public GradientField step(double step) {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("Invalid grid step: " + step);
        }
        this.step = step;
        return this;
    }

    public GradientField background(Background background) {
        this.background = Objects.requireNonNull(background, "background");
        return this;
    }

    public GradientField arrowScale(ArrowScale arrowScale) {
        this.arrowScale = Objects.requireNonNull(arrowScale, "arrowScale");
        return this;
    }

    public GradientField title(String title) {
        this.title = title;
        return this;
    }

    public GradientField xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    public GradientField yLabel(String label) {
        this.yLabel = label;
        return this;
    }

    /** Number of background cells per axis (default 64). */
    public GradientField resolution(int cells) {
        if (cells < 2 || cells > 1000) {
            throw new IllegalArgumentException("Invalid resolution: " + cells + " (must be in 2..1000)");
        }
        this.resolution = cells;
        return this;
    }

    /** Number of bands of the {@link Background#CONTOUR} background (default 10). */
    public GradientField levels(int levels) {
        if (levels < 2 || levels > 100) {
            throw new IllegalArgumentException("Invalid number of contour levels: " + levels + " (must be in 2..100)");
        }
        this.levels = levels;
        return this;
    }

    /**
     * Adds a descent path, drawn as a line with markers, its start as a square and its end as a
     * diamond. {@code points[k] = {x0, x1}}; the array is copied. Non-finite points are left out
     * (the line is broken there).
     */
    public GradientField addPath(String label, double[][] points) {
        Objects.requireNonNull(label, "label");
        for (Series p : paths) {
            if (p.name().equals(label)) {
                throw new IllegalArgumentException("duplicate path label '" + label + "'");
            }
        }
        if (points.length == 0) {
            throw new IllegalArgumentException("path '" + label + "': no points");
        }
        double[] x = new double[points.length];
        double[] y = new double[points.length];
        for (int k = 0; k < points.length; k++) {
            if (points[k].length != 2) {
                throw new IllegalArgumentException(
                        "path '" + label + "': point " + k + " has " + points[k].length + " coordinates, expected 2");
            }
            x[k] = points[k][0];
            y[k] = points[k][1];
        }
        paths.add(new Series(label, x, y, false));
        return this;
    }

    /** The x coordinates of the arrow grid: xMin, xMin + step, ... up to xMax. */
    double[] gridX() {
        return grid(xMin, xMax, "x");
    }

    double[] gridY() {
        return grid(yMin, yMax, "y");
    }

    private double[] grid(double min, double max, String axis) {
        long n = (long) Math.floor((max - min) / step + 1e-9) + 1;
        if (n > MAX_ARROWS_PER_AXIS) {
            throw new IllegalArgumentException("grid step " + step + " gives " + n + " arrows along " + axis
                    + " (at most " + MAX_ARROWS_PER_AXIS + ")");
        }
        double[] g = new double[(int) n];
        for (int i = 0; i < n; i++) {
            g[i] = min + i * step;
        }
        return g;
    }

    /**
     * The arrows as drawn, one row {@code {x, y, u, v}} per grid point (x fastest): the arrow starts
     * at (x, y) and points along (u, v) = −∇f(x, y)·s, in data units, with s chosen by the
     * {@link ArrowScale}. Where ∇f is zero or not finite, (u, v) = (0, 0) (no arrow is drawn).
     */
    public double[][] arrows() {
        double[] gx = gridX();
        double[] gy = gridY();
        double[][] rows = new double[gx.length * gy.length][];
        double maxNorm = 0;
        double[] p = new double[2];
        int k = 0;
        for (double y : gy) {
            for (double x : gx) {
                p[0] = x;
                p[1] = y;
                double[] g = gradient.value(p.clone());
                if (g.length != 2) {
                    throw new IllegalArgumentException("gradient at (" + x + ", " + y + ") has length " + g.length
                            + ", expected 2");
                }
                double u = -g[0];
                double v = -g[1];
                double norm = Math.hypot(u, v);
                if (!Double.isFinite(norm)) {
                    u = v = norm = 0;
                }
                maxNorm = Math.max(maxNorm, norm);
                rows[k++] = new double[] {x, y, u, v, norm};
            }
        }
        for (double[] r : rows) {
            double norm = r[4];
            double s = norm == 0 ? 0
                    : arrowScale == ArrowScale.UNIT ? UNIT_LENGTH * step / norm
                    : PROPORTIONAL_LONGEST * step / maxNorm;
            r[2] *= s;
            r[3] *= s;
        }
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[] {rows[i][0], rows[i][1], rows[i][2], rows[i][3]};
        }
        return out;
    }

    /** Builds the JFreeChart for the current settings (for further customisation). */
    public JFreeChart jfreechart() {
        NumberAxis xAxis = fixedAxis(xLabel, xMin, xMax);
        NumberAxis yAxis = fixedAxis(yLabel, yMin, yMax);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setDomainGridlinesVisible(background == Background.NONE);
        plot.setRangeGridlinesVisible(background == Background.NONE);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        ColourScale scale = null;
        if (background != Background.NONE) {
            scale = addBackground(plot);
        }
        VectorSeries arrowSeries = new VectorSeries("−∇f");
        for (double[] a : arrows()) {
            arrowSeries.add(a[0], a[1], a[2], a[3]);
        }
        VectorSeriesCollection arrowData = new VectorSeriesCollection();
        arrowData.addSeries(arrowSeries);
        ArrowRenderer arrows = new ArrowRenderer();
        arrows.setSeriesPaint(0, new Color(0x222222));
        int index = plot.getDatasetCount();
        plot.setDataset(index, arrowData);
        plot.setRenderer(index, arrows);

        if (!paths.isEmpty()) {
            // clip to the ranges widened by one span each way: lines still leave the plot at the right angle
            double wx = xMax - xMin;
            double wy = yMax - yMin;
            PathRenderer renderer = new PathRenderer(paths, xMin - wx, xMax + wx, yMin - wy, yMax + wy);
            plot.setDataset(index + 1, renderer.dataset());
            plot.setRenderer(index + 1, renderer);
            plot.setFixedLegendItems(renderer.legend());
        }
        JFreeChart chart = Theme.chart(title, plot, !paths.isEmpty());
        if (scale != null) {
            NumberAxis scaleAxis = new NumberAxis("f");
            scaleAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
            Theme.axis(scaleAxis);
            PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
            legend.setPosition(RectangleEdge.RIGHT);
            legend.setStripWidth(16);
            legend.setSubdivisionCount(background == Background.CONTOUR ? levels * 8 : 128);
            legend.setAxisOffset(4);
            legend.setMargin(new RectangleInsets(4, 10, 4, 4));
            legend.setStripOutlineVisible(true);
            legend.setFrame(BlockBorder.NONE);
            chart.addSubtitle(legend);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    private ColourScale addBackground(XYPlot plot) {
        int n = resolution;
        double dx = (xMax - xMin) / n;
        double dy = (yMax - yMin) / n;
        double[] cx = new double[n * n];
        double[] cy = new double[n * n];
        double[] cz = new double[n * n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] p = new double[2];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int k = j * n + i;
                cx[k] = xMin + (i + 0.5) * dx;
                cy[k] = yMin + (j + 0.5) * dy;
                p[0] = cx[k];
                p[1] = cy[k];
                double z = f.value(p);
                cz[k] = Double.isFinite(z) ? z : Double.NaN;
                if (Double.isFinite(z)) {
                    lo = Math.min(lo, z);
                    hi = Math.max(hi, z);
                }
            }
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        } else if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        boolean contour = background == Background.CONTOUR;
        ColourScale scale = new ColourScale(lo, hi, contour ? levels : 0, 0.45);
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("f", new double[][] {cx, cy, cz});
        XYBlockRenderer blocks = new BlockRenderer();
        blocks.setBlockWidth(dx);
        blocks.setBlockHeight(dy);
        blocks.setBlockAnchor(RectangleAnchor.CENTER);
        blocks.setPaintScale(scale);
        plot.setDataset(0, data);
        plot.setRenderer(0, blocks);
        if (contour) {
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = cx[i];
                ys[i] = cy[i * n];
            }
            XYSeries lines = new XYSeries("contours", false, true);
            for (int l = 1; l < levels; l++) {
                Contours.segments(xs, ys, cz, lo + (hi - lo) * l / levels, lines);
            }
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            r.setSeriesPaint(0, new Color(0x55, 0x55, 0x55, 200));
            r.setSeriesStroke(0, new BasicStroke(0.8f));
            plot.setDataset(1, new XYSeriesCollection(lines));
            plot.setRenderer(1, r);
        }
        return scale;
    }

    private static NumberAxis fixedAxis(String label, double min, double max) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setRange(min, max);
        axis.setAutoRange(false);
        return axis;
    }

    private static void checkRange(String axis, double min, double max) {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("Invalid " + axis + " range: [" + min + ", " + max + "]");
        }
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        jfreechart().draw(g, area);
    }

    @Override
    public int defaultWidth() {
        return 760;
    }

    @Override
    public int defaultHeight() {
        return 680;
    }

    /** Marker shapes shared by paths and the legend. */
    static Shape circle(double d) {
        return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
    }
}
