package org.grad4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

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
    /** Largest position error, as a fraction of the box, accepted for a clipped segment. */
    private static final double PRECISION = 1e-6;
    private static final Shape DOT = GradientField.circle(6);
    private static final Shape START = new Rectangle2D.Double(-7, -7, 14, 14);
    private static final Shape END = diamond(7); // fits inside START, so both show when they coincide

    private final List<Series> paths;
    /** Per path and drawn item: the index of the original point, or -1 for a clip point or a break. */
    private final List<int[]> origins = new ArrayList<>();
    private final XYSeriesCollection data = new XYSeriesCollection();

    /**
     * Paths clipped to the box [x0, x1] × [y0, y1] in data coordinates (see {@link #clip}).
     */
    PathRenderer(List<Series> paths, double x0, double x1, double y0, double y1) {
        super(true, true);
        this.paths = List.copyOf(paths);
        for (Series p : paths) {
            XYSeries out = new XYSeries(p.name(), false, true);
            origins.add(clip(p, x0, x1, y0, y1, out));
            data.addSeries(out);
        }
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

    XYSeriesCollection dataset() {
        return data;
    }

    /**
     * Appends to {@code out} the parts of the polyline {@code p} inside the box, each segment
     * clipped exactly (Liang–Barsky) in double precision, with a NaN point wherever the line
     * leaves the box or meets a non-finite point. Clipping here, before JFreeChart maps data to
     * pixels, keeps a diverging path (coordinates like 1e128) from producing stray lines; a
     * segment whose endpoints are so large that rounding makes its position uncertain by more than
     * 1e-6 of the box is left out.
     *
     * @return for each appended point the index of the original point, or -1
     */
    static int[] clip(Series p, double x0, double x1, double y0, double y1, XYSeries out) {
        double[] x = p.x();
        double[] y = p.y();
        List<Integer> origin = new ArrayList<>();
        int open = -1; // original index the current line ends at, -1 if no line is open
        if (x.length == 1 && inside(x[0], y[0], x0, x1, y0, y1)) {
            out.add(x[0], y[0]);
            origin.add(0);
        }
        for (int k = 0; k + 1 < x.length; k++) {
            double[] t = segment(x[k], y[k], x[k + 1], y[k + 1], x0, x1, y0, y1);
            if (t == null) {
                continue;
            }
            double dx = x[k + 1] - x[k];
            double dy = y[k + 1] - y[k];
            if (!(t[0] == 0 && open == k)) {
                if (out.getItemCount() > 0) {
                    out.add(Double.NaN, Double.NaN);
                    origin.add(-1);
                }
                out.add(x[k] + t[0] * dx, y[k] + t[0] * dy);
                origin.add(t[0] == 0 ? k : -1);
            }
            out.add(x[k] + t[1] * dx, y[k] + t[1] * dy);
            origin.add(t[1] == 1 ? k + 1 : -1);
            open = t[1] == 1 ? k + 1 : -1;
        }
        int[] result = new int[origin.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = origin.get(i);
        }
        return result;
    }

    private static boolean inside(double x, double y, double x0, double x1, double y0, double y1) {
        return x >= x0 && x <= x1 && y >= y0 && y <= y1;
    }

    /** Liang–Barsky: the parameter interval [t0, t1] of the segment inside the box, or null. */
    private static double[] segment(double ax, double ay, double bx, double by,
            double x0, double x1, double y0, double y1) {
        if (!(Double.isFinite(ax) && Double.isFinite(ay) && Double.isFinite(bx) && Double.isFinite(by))) {
            return null;
        }
        double dx = bx - ax;
        double dy = by - ay;
        if (!Double.isFinite(dx) || !Double.isFinite(dy)) {
            return null;
        }
        // With endpoints as large as 1e30, rounding alone moves the segment by ulp(1e30) = 1e14:
        // where it crosses the box is then unknowable, so such a segment is not drawn.
        double scale = Math.max(Math.max(Math.abs(ax), Math.abs(ay)), Math.max(Math.abs(bx), Math.abs(by)));
        if (Math.ulp(scale) * 16 > PRECISION * Math.min(x1 - x0, y1 - y0)) {
            return null;
        }
        double[] pk = {-dx, dx, -dy, dy};
        double[] qk = {ax - x0, x1 - ax, ay - y0, y1 - ay};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (pk[i] == 0) {
                if (qk[i] < 0) {
                    return null;
                }
            } else {
                double r = qk[i] / pk[i];
                if (pk[i] < 0) {
                    t0 = Math.max(t0, r);
                } else {
                    t1 = Math.min(t1, r);
                }
            }
        }
        return t0 <= t1 ? new double[] {t0, t1} : null;
    }

    @Override
    public boolean getItemShapeVisible(int series, int item) {
        return origins.get(series)[item] >= 0;
    }

    @Override
    public Shape getItemShape(int series, int itemIndex) {
        int item = origins.get(series)[itemIndex];
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
