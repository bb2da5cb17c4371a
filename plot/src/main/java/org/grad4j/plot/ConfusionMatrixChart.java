package org.grad4j.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * An n×n matrix of counts, {@code counts[true][predicted]}, as a heatmap (white to dark blue by
 * count) with each count written in its cell; row 0 at the top, like a printed matrix.
 */
public final class ConfusionMatrixChart implements Chart {

    private static final Color LOW = Color.WHITE;
    private static final Color HIGH = new Color(0x08306b);

    private final int[][] counts;
    private String[] labels;
    private String title = "confusion matrix";
    private String xLabel = "predicted";
    private String yLabel = "true";

    private ConfusionMatrixChart(int[][] counts) {
        this.counts = counts;
    }

    /**
     * A chart of {@code counts[i][j]} = number of examples of true class i predicted as j; the
     * matrix is copied. Class labels default to "0", "1", ...
     *
     * @throws IllegalArgumentException if the matrix is empty, not square or has a negative count
     */
    public static ConfusionMatrixChart of(int[][] counts) {
        int n = counts.length;
        if (n == 0) {
            throw new IllegalArgumentException("confusion matrix: empty");
        }
        int[][] copy = new int[n][];
        for (int i = 0; i < n; i++) {
            if (counts[i].length != n) {
                throw new IllegalArgumentException(
                        "confusion matrix: row " + i + " has " + counts[i].length + " entries, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                if (counts[i][j] < 0) {
                    throw new IllegalArgumentException(
                            "confusion matrix: negative count " + counts[i][j] + " at [" + i + ", " + j + "]");
                }
            }
            copy[i] = counts[i].clone();
        }
        ConfusionMatrixChart chart = new ConfusionMatrixChart(copy);
        chart.labels = new String[n];
        for (int i = 0; i < n; i++) {
            chart.labels[i] = Integer.toString(i);
        }
        return chart;
    }

    /** Class names, one per row/column. */
    public ConfusionMatrixChart labels(String... labels) {
        if (labels.length != counts.length) {
            throw new IllegalArgumentException(
                    "confusion matrix: " + labels.length + " labels for " + counts.length + " classes");
        }
        this.labels = labels.clone();
        return this;
    }

    public ConfusionMatrixChart title(String title) {
        this.title = title;
        return this;
    }

    public ConfusionMatrixChart xLabel(String label) {
        this.xLabel = Objects.requireNonNull(label);
        return this;
    }

    public ConfusionMatrixChart yLabel(String label) {
        this.yLabel = Objects.requireNonNull(label);
        return this;
    }

    /** Builds the JFreeChart for the current settings (for further customisation). */
    public JFreeChart jfreechart() {
        int n = counts.length;
        int max = 1;
        for (int[] row : counts) {
            for (int c : row) {
                max = Math.max(max, c);
            }
        }
        double[] x = new double[n * n];
        double[] y = new double[n * n];
        double[] z = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i * n + j] = j;
                y[i * n + j] = i;
                z[i * n + j] = counts[i][j];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("counts", new double[][] {x, y, z});
        XYBlockRenderer blocks = new BlockRenderer();
        blocks.setBlockAnchor(RectangleAnchor.CENTER);
        double top = max;
        blocks.setPaintScale(new PaintScale() {
            @Override
            public double getLowerBound() {
                return 0;
            }

            @Override
            public double getUpperBound() {
                return top;
            }

            @Override
            public Paint getPaint(double value) {
                return blend(Math.sqrt(Math.max(0, Math.min(1, value / top))));
            }
        });
        SymbolAxis xAxis = new SymbolAxis(xLabel, labels);
        SymbolAxis yAxis = new SymbolAxis(yLabel, labels);
        xAxis.setGridBandsVisible(false);
        yAxis.setGridBandsVisible(false);
        xAxis.setRange(-0.5, n - 0.5);
        yAxis.setRange(-0.5, n - 0.5);
        yAxis.setInverted(true);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, blocks);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, Math.min(18, 170 / n)));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                XYTextAnnotation text = new XYTextAnnotation(Integer.toString(counts[i][j]), j, i);
                text.setFont(font);
                text.setTextAnchor(TextAnchor.CENTER);
                text.setPaint(Math.sqrt((double) counts[i][j] / top) > 0.55 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(text);
            }
        }
        return Theme.chart(title, plot, false);
    }

    private static Color blend(double t) {
        return new Color(
                (int) Math.round(LOW.getRed() + (HIGH.getRed() - LOW.getRed()) * t),
                (int) Math.round(LOW.getGreen() + (HIGH.getGreen() - LOW.getGreen()) * t),
                (int) Math.round(LOW.getBlue() + (HIGH.getBlue() - LOW.getBlue()) * t));
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        jfreechart().draw(g, area);
    }

    @Override
    public int defaultWidth() {
        return 640;
    }

    @Override
    public int defaultHeight() {
        return 640;
    }
}
