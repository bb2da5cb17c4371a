package org.grad4j.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Objects;

/**
 * Several charts in one image, laid out row by row in a grid of {@code cols} columns
 * (matplotlib's {@code subplot}): "lr 0.1, 10 and 1e-10 side by side", "loss + accuracy".
 * Every cell has the same size; figures may be nested.
 */
public final class Figure implements Chart {

    private static final int TITLE_HEIGHT = 36;

    private final int cols;
    private final List<Chart> charts;
    private String title;

    private Figure(int cols, List<Chart> charts) {
        this.cols = cols;
        this.charts = charts;
    }

    /**
     * {@code charts} in a grid of {@code cols} columns and as many rows as needed.
     *
     * @throws IllegalArgumentException if {@code cols < 1} or there are no charts
     */
    public static Figure of(int cols, Chart... charts) {
        if (cols < 1) {
            throw new IllegalArgumentException("Invalid number of columns: " + cols);
        }
        if (charts.length == 0) {
            throw new IllegalArgumentException("a figure needs at least one chart");
        }
        for (int i = 0; i < charts.length; i++) {
            Objects.requireNonNull(charts[i], "chart " + i);
        }
        return new Figure(Math.min(cols, charts.length), List.of(charts));
    }

    /** A title above the whole grid. */
    public Figure title(String title) {
        this.title = title;
        return this;
    }

    /** The charts, in the order they are laid out (an unmodifiable list). */
    public List<Chart> charts() {
        return charts;
    }

    int rows() {
        return (charts.size() + cols - 1) / cols;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        double top = area.getY();
        double height = area.getHeight();
        Shape clip = g.getClip();
        if (title != null && !title.isEmpty()) {
            g.setFont(Theme.TITLE);
            g.setPaint(Color.BLACK);
            FontMetrics fm = g.getFontMetrics();
            float x = (float) (area.getCenterX() - fm.stringWidth(title) / 2.0);
            g.drawString(title, x, (float) (top + (TITLE_HEIGHT + fm.getAscent() - fm.getDescent()) / 2.0));
            top += TITLE_HEIGHT;
            height -= TITLE_HEIGHT;
        }
        double w = area.getWidth() / cols;
        double h = height / rows();
        for (int i = 0; i < charts.size(); i++) {
            Rectangle2D cell = new Rectangle2D.Double(area.getX() + (i % cols) * w, top + (i / cols) * h, w, h);
            g.setClip(clip);
            g.clip(cell);
            charts.get(i).draw(g, cell);
        }
        g.setClip(clip);
    }

    @Override
    public int defaultWidth() {
        return cols * 520;
    }

    @Override
    public int defaultHeight() {
        return rows() * 420 + (title == null || title.isEmpty() ? 0 : TITLE_HEIGHT);
    }
}
