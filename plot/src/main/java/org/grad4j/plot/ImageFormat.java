package org.grad4j.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.grad4j.io.AtomicFile;
import org.jfree.svg.SVGGraphics2D;

/**
 * The two output formats of grad4j charts and the one place where charts are encoded and written.
 *
 * <p>The format is chosen by the file extension, case-insensitively: {@code .png} (raster,
 * antialiased, white background) or {@code .svg} (vector, through JFreeSVG). Files are written
 * with {@link AtomicFile}: the image is encoded in memory first, then written to a temporary file
 * and renamed over the target, so a failed write leaves the old file intact.
 */
public enum ImageFormat {
    PNG,
    SVG;

    /** Largest accepted side in pixels; beyond it a PNG would need gigabytes. */
    static final int MAX_SIDE = 16_384;

    /**
     * The format of {@code file} by its extension.
     *
     * @throws IllegalArgumentException {@code unsupported plot format 'x.gif' (use .png or .svg)}
     */
    public static ImageFormat of(Path file) {
        Path name = file.getFileName();
        String s = name == null ? file.toString() : name.toString();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return PNG;
        }
        if (lower.endsWith(".svg")) {
            return SVG;
        }
        throw new IllegalArgumentException("unsupported plot format '" + s + "' (use .png or .svg)");
    }

    /** Encodes {@code chart} in this format: PNG bytes or the UTF-8 bytes of the SVG document. */
    public byte[] encode(Chart chart, int width, int height) {
        return this == PNG ? png(chart, width, height) : svg(chart, width, height).getBytes(StandardCharsets.UTF_8);
    }

    /** Renders {@code chart} to a {@code width x height} RGB image and encodes it as PNG. */
    public static byte[] png(Chart chart, int width, int height) {
        checkSize(width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            paint(chart, g, width, height);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        // An in-memory stream: ImageIO's default cache would create temporary files.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Renders {@code chart} as a standalone SVG document ({@code <?xml ...?><svg ...>}). */
    public static String svg(Chart chart, int width, int height) {
        checkSize(width, height);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setGeomDoubleConverter(ImageFormat::twoDecimals); // 1/100 px is plenty, and halves the size
        paint(chart, g, width, height);
        return g.getSVGDocument();
    }

    /**
     * Writes {@code chart} to {@code file} in the format of its extension, atomically.
     *
     * @throws IllegalArgumentException for an unsupported extension or a non-positive size
     * @throws IOException if the directory is missing, the target is a directory, or the write fails
     */
    public static void write(Chart chart, Path file, int width, int height) throws IOException {
        ImageFormat format = of(file);
        checkSize(width, height);
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory");
        }
        byte[] bytes = format.encode(chart, width, height);
        AtomicFile.write(file, bytes);
    }

    private static void paint(Chart chart, Graphics2D g, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setPaint(Color.WHITE);
        g.fillRect(0, 0, width, height);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    }

    static String twoDecimals(double v) {
        double r = Math.round(v * 100) / 100.0;
        return r == Math.rint(r) && Math.abs(r) < 1e15 ? Long.toString((long) r) : Double.toString(r);
    }

    private static void checkSize(int width, int height) {
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException(
                    "Invalid image size: " + width + "x" + height + " (each side must be in 1.." + MAX_SIDE + ")");
        }
    }
}
