package org.grad4j.plot;

import org.jfree.data.xy.XYSeries;

/**
 * Iso-lines of a function sampled on a rectangular grid, by marching squares with linear
 * interpolation along cell edges. Saddle cells are resolved by the cell-centre average.
 */
final class Contours {

    private Contours() {}

    /**
     * Appends the segments of the level set {@code z = level} to {@code out}, each as two points
     * followed by a NaN point (a line break for JFreeChart's line renderers).
     *
     * @param z row-major samples, {@code z[j * xs.length + i] = f(xs[i], ys[j])}; not modified
     */
    static void segments(double[] xs, double[] ys, double[] z, double level, XYSeries out) {
        int nx = xs.length;
        for (int j = 0; j + 1 < ys.length; j++) {
            for (int i = 0; i + 1 < nx; i++) {
                double a = z[j * nx + i];           // (xs[i],   ys[j])
                double b = z[j * nx + i + 1];       // (xs[i+1], ys[j])
                double c = z[(j + 1) * nx + i + 1]; // (xs[i+1], ys[j+1])
                double d = z[(j + 1) * nx + i];     // (xs[i],   ys[j+1])
                if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) {
                    continue;
                }
                int mask = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
                if (mask == 0 || mask == 15) {
                    continue;
                }
                // crossing points on the four edges: bottom (a-b), right (b-c), top (d-c), left (a-d)
                double x0 = xs[i], x1 = xs[i + 1], y0 = ys[j], y1 = ys[j + 1];
                double[] bottom = {x0 + (x1 - x0) * t(a, b, level), y0};
                double[] right = {x1, y0 + (y1 - y0) * t(b, c, level)};
                double[] top = {x0 + (x1 - x0) * t(d, c, level), y1};
                double[] left = {x0, y0 + (y1 - y0) * t(a, d, level)};
                boolean centreAbove = (a + b + c + d) / 4 > level;
                switch (mask) {
                    case 1, 14 -> add(out, left, bottom);
                    case 2, 13 -> add(out, bottom, right);
                    case 3, 12 -> add(out, left, right);
                    case 4, 11 -> add(out, right, top);
                    case 6, 9 -> add(out, bottom, top);
                    case 7, 8 -> add(out, left, top);
                    case 5 -> { // a and c above
                        if (centreAbove) { add(out, left, top); add(out, bottom, right); }
                        else { add(out, left, bottom); add(out, right, top); }
                    }
                    case 10 -> { // b and d above
                        if (centreAbove) { add(out, left, bottom); add(out, right, top); }
                        else { add(out, left, top); add(out, bottom, right); }
                    }
                    default -> throw new AssertionError(mask);
                }
            }
        }
    }

    private static double t(double from, double to, double level) {
        return (level - from) / (to - from);
    }

    private static void add(XYSeries out, double[] p, double[] q) {
        out.add(p[0], p[1]);
        out.add(q[0], q[1]);
        out.add(Double.NaN, Double.NaN);
    }
}
