package org.grad4j.plot;

import org.jfree.data.xy.XYSeries;

/**
 * A named sequence of points (x[k], y[k]) as given by the caller (arrays are not modified; the
 * charts copy them on entry).
 */
record Series(String name, double[] x, double[] y, boolean dashed) {

    Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "series '" + name + "': x has " + x.length + " values but y has " + y.length);
        }
        x = x.clone();
        y = y.clone();
    }

    /**
     * A JFreeChart series in the given order (no sorting, duplicates kept). Points with a
     * non-finite coordinate, or with y ≤ 0 when {@code logY}, become NaN: a break in the line.
     */
    XYSeries toXYSeries(boolean logY) {
        XYSeries s = new XYSeries(name, false, true);
        for (int k = 0; k < x.length; k++) {
            boolean ok = Double.isFinite(x[k]) && Double.isFinite(y[k]) && !(logY && y[k] <= 0);
            if (ok) {
                s.add(x[k], y[k]);
            } else {
                s.add(Double.NaN, Double.NaN);
            }
        }
        return s;
    }
}
