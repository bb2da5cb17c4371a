package org.grad4j.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Something grad4j can draw: a chart, a grid of images, or a {@link Figure} of several of them.
 *
 * <p>A chart is a mutable description (series, ranges, labels); nothing is rendered until
 * {@link #draw}, {@link #png}, {@link #svg} or {@link #write} is called, so a chart may be written
 * several times at different sizes. All output is headless (no window is ever opened).
 */
public interface Chart {

    /** Paints the chart into {@code area} of {@code g}; white background, antialiased. */
    void draw(Graphics2D g, Rectangle2D area);

    /** Width in pixels used by {@link #write(Path)}. */
    default int defaultWidth() {
        return 800;
    }

    /** Height in pixels used by {@link #write(Path)}. */
    default int defaultHeight() {
        return 600;
    }

    /** Renders the chart as a PNG image of {@code width x height} pixels and returns its bytes. */
    default byte[] png(int width, int height) {
        return ImageFormat.png(this, width, height);
    }

    /** Renders the chart as a standalone SVG document of {@code width x height} user units. */
    default String svg(int width, int height) {
        return ImageFormat.svg(this, width, height);
    }

    /**
     * Writes the chart to {@code file}, PNG or SVG by its extension, atomically (a failed write
     * leaves an existing file intact).
     *
     * @throws IllegalArgumentException if the extension is neither {@code .png} nor {@code .svg},
     *     or the size is not positive
     * @throws IOException if the file cannot be written (missing directory, target is a directory)
     */
    default void write(Path file, int width, int height) throws IOException {
        ImageFormat.write(this, file, width, height);
    }

    /** {@link #write(Path, int, int)} at {@link #defaultWidth()} x {@link #defaultHeight()}. */
    default void write(Path file) throws IOException {
        write(file, defaultWidth(), defaultHeight());
    }
}
