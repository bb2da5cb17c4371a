package org.grad4j.plot;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/**
 * A paint scale over [lower, upper] on a lightened viridis palette: continuous, or in
 * {@code bands} equal bands (a filled contour). Values outside the range are clamped; NaN paints
 * white.
 */
final class ColourScale implements PaintScale, Serializable {
    private static final long serialVersionUID = 1L;

    private final double lower;
    private final double upper;
    private final int bands;
    private final double lighten;
    private final Color[] palette;

    /**
     * @param bands 0 for a continuous scale, otherwise the number of equal bands
     * @param lighten fraction of the way to white (so that arrows on top stay visible)
     */
    ColourScale(double lower, double upper, int bands, double lighten) {
        this.lower = lower;
        this.upper = upper;
        this.bands = bands;
        this.lighten = lighten;
        int n = bands > 0 ? bands : 256;
        palette = new Color[n];
        for (int i = 0; i < n; i++) {
            palette[i] = Theme.lighten(Theme.viridis(bands > 0 ? (i + 0.5) / n : i / (n - 1.0)), lighten);
        }
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    /** The band (0-based) a value falls in, clamped to the first and last band. */
    int band(double value) {
        double t = (value - lower) / (upper - lower);
        int i = (int) Math.floor(t * palette.length);
        return Math.max(0, Math.min(palette.length - 1, i));
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return Color.WHITE;
        }
        return palette[band(value)];
    }

    double lighten() {
        return lighten;
    }
}
