package org.grad4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleInsets;

/** The look shared by all grad4j charts: fonts readable at 800x600, white background, palettes. */
final class Theme {

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Color GRID = new Color(0xDDDDDD);

    /** Matplotlib's "tab10" colours, the default cycle of the book's figures. */
    static final Color[] SERIES = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf),
    };

    /** Anchors of matplotlib's "viridis" at t = 0, 0.25, 0.5, 0.75, 1. */
    private static final int[] VIRIDIS = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};

    private Theme() {}

    static Color series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    /** Viridis at {@code t} in [0, 1] (clamped), linearly interpolated between its anchors. */
    static Color viridis(double t) {
        double u = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) u, VIRIDIS.length - 2);
        double w = u - i;
        Color a = new Color(VIRIDIS[i]);
        Color b = new Color(VIRIDIS[i + 1]);
        return new Color(mix(a.getRed(), b.getRed(), w), mix(a.getGreen(), b.getGreen(), w), mix(a.getBlue(), b.getBlue(), w));
    }

    /** {@code c} moved a fraction {@code amount} of the way to white. */
    static Color lighten(Color c, double amount) {
        return new Color(mix(c.getRed(), 255, amount), mix(c.getGreen(), 255, amount), mix(c.getBlue(), 255, amount));
    }

    private static int mix(int a, int b, double w) {
        return (int) Math.round(a + (b - a) * w);
    }

    /** A chart around {@code plot} with the grad4j look. */
    static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title == null || title.isEmpty() ? null : title, TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 8));
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setItemFont(LEGEND);
            l.setFrame(new org.jfree.chart.block.BlockBorder(GRID));
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            axis(plot.getDomainAxis(i));
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            axis(plot.getRangeAxis(i));
        }
        return chart;
    }

    static void axis(ValueAxis axis) {
        if (axis != null) {
            axis.setLabelFont(LABEL);
            axis.setTickLabelFont(TICK);
            axis.setLabelPaint(Color.BLACK);
            axis.setTickLabelPaint(Color.DARK_GRAY);
        }
    }
}
