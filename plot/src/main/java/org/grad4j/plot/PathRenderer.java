package org.grad4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * Descent paths: lines with small circles at the iterates, a square at the start and a diamond at
 * the end; the legend has one entry per path plus "start" and "end".
 */
final class PathRenderer extends XYLineAndShapeRenderer {
    private static final long serialVersionUID = 1L;
    private static final Color[] PATH_COLOURS = {
        new Color(0xd62728), Color.BLACK, new Color(0xff7f0e), new Color(0xe377c2), new Color(0x8c564b),
        new Color(0x1f77b4),
    };
    private static final Shape DOT = GradientField.circle(6);
    private static final Shape START = new Rectangle2D.Double(-6, -6, 12, 12);
    private static final Shape END = diamond(8);

    private final List<Series> paths;

    PathRenderer(List<Series> paths) {
        super(true, true);
        this.paths = List.copyOf(paths);
        for (int s = 0; s < paths.size(); s++) {
            setSeriesPaint(s, colour(s));
            setSeriesStroke(s, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        setUseOutlinePaint(true);
        setDefaultOutlinePaint(Color.WHITE);
        setDrawOutlines(true);
        setDefaultOutlineStroke(new BasicStroke(1f));
    }

    static Color colour(int s) {
        return PATH_COLOURS[Math.floorMod(s, PATH_COLOURS.length)];
    }

    @Override
    public Shape getItemShape(int series, int item) {
        int last = lastFinite(paths.get(series));
        int first = firstFinite(paths.get(series));
        if (item == first) {
            return START;
        }
        return item == last ? END : DOT;
    }

    private static int firstFinite(Series s) {
        for (int k = 0; k < s.x().length; k++) {
            if (Double.isFinite(s.x()[k]) && Double.isFinite(s.y()[k])) {
                return k;
            }
        }
        return -1;
    }

    private static int lastFinite(Series s) {
        for (int k = s.x().length - 1; k >= 0; k--) {
            if (Double.isFinite(s.x()[k]) && Double.isFinite(s.y()[k])) {
                return k;
            }
        }
        return -1;
    }

    /** One entry per path (line and dot in its colour), then "start" (square) and "end" (diamond). */
    LegendItemCollection legend() {
        LegendItemCollection items = new LegendItemCollection();
        Line2D line = new Line2D.Double(-10, 0, 10, 0);
        for (int s = 0; s < paths.size(); s++) {
            items.add(new LegendItem(paths.get(s).name(), null, null, null, true, DOT, true, colour(s), false,
                    colour(s), new BasicStroke(1f), true, line, new BasicStroke(2f), colour(s)));
        }
        items.add(new LegendItem("start", null, null, null, START, Color.DARK_GRAY));
        items.add(new LegendItem("end", null, null, null, END, Color.DARK_GRAY));
        for (int i = 0; i < items.getItemCount(); i++) {
            items.get(i).setLabelFont(Theme.LEGEND);
        }
        return items;
    }

    private static Shape diamond(double r) {
        Path2D.Double d = new Path2D.Double();
        d.moveTo(0, -r);
        d.lineTo(r, 0);
        d.lineTo(0, r);
        d.lineTo(-r, 0);
        d.closePath();
        return d;
    }
}
