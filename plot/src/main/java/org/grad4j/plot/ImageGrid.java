package org.grad4j.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Small grayscale images (MNIST digits) in a grid, each with a caption such as
 * {@code "pred 3 / true 5"}. Pixels are row-major doubles in [0, 1]; 0 is black and 1 white, as
 * the book shows MNIST with PIL ({@link #inverted} swaps this for dark ink on white). Images are
 * scaled up with nearest-neighbour sampling so pixels stay sharp, in PNG and SVG alike.
 */
public final class ImageGrid implements Chart {

    private static final int CAPTION_HEIGHT = 18;
    private static final int GAP = 6;

    private record Cell(BufferedImage image, String caption) {}

    private final int cols;
    private final List<Cell> cells = new ArrayList<>();
    private String title;
    private boolean inverted;

    private ImageGrid(int cols) {
        this.cols = cols;
    }

    /** An empty grid of {@code cols} columns. */
    public static ImageGrid of(int cols) {
        if (cols < 1) {
            throw new IllegalArgumentException("Invalid number of columns: " + cols);
        }
        return new ImageGrid(cols);
    }

    /** Adds a square image (side √length, e.g. 784 pixels = 28×28). */
    public ImageGrid add(double[] pixels, String caption) {
        int side = (int) Math.round(Math.sqrt(pixels.length));
        if (side * side != pixels.length || side == 0) {
            throw new IllegalArgumentException(
                    "image " + cells.size() + ": " + pixels.length + " pixels is not a square image");
        }
        return add(pixels, side, side, caption);
    }

    /**
     * Adds a {@code width x height} image, {@code pixels[r * width + c]} in [0, 1] (not modified).
     *
     * @throws IllegalArgumentException if the length does not match or a pixel is outside [0, 1]
     */
    public ImageGrid add(double[] pixels, int width, int height, String caption) {
        int index = cells.size();
        if (width < 1 || height < 1 || (long) width * height != pixels.length) {
            throw new IllegalArgumentException("image " + index + ": " + pixels.length + " pixels for a "
                    + width + "x" + height + " image");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int k = 0; k < pixels.length; k++) {
            double p = pixels[k];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(
                        "image " + index + ": pixel " + k + " is " + p + ", expected a value in [0, 1]");
            }
            int v = (int) Math.round(255 * p);
            image.setRGB(k % width, k / width, v << 16 | v << 8 | v);
        }
        cells.add(new Cell(image, caption == null ? "" : caption));
        return this;
    }

    public ImageGrid title(String title) {
        this.title = title;
        return this;
    }

    /** Draws 1 as black on white (ink on paper) instead of 1 as white on black. */
    public ImageGrid inverted(boolean inverted) {
        this.inverted = inverted;
        return this;
    }

    int rows() {
        return Math.max(1, (cells.size() + cols - 1) / cols);
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        g.setPaint(Color.WHITE);
        g.fill(area);
        double top = area.getY() + GAP;
        double height = area.getHeight() - GAP;
        if (title != null && !title.isEmpty()) {
            g.setFont(Theme.TITLE);
            g.setPaint(Color.BLACK);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title, (float) (area.getCenterX() - fm.stringWidth(title) / 2.0), (float) (top + fm.getAscent()));
            top += fm.getHeight() + GAP;
            height -= fm.getHeight() + GAP;
        }
        double cw = area.getWidth() / cols;
        double ch = height / rows();
        int side = (int) Math.floor(Math.min(cw - 2 * GAP, ch - CAPTION_HEIGHT - 2 * GAP));
        if (side < 1) {
            return;
        }
        g.setFont(Theme.CAPTION);
        FontMetrics fm = g.getFontMetrics();
        Object interpolation = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            double cx = area.getX() + (i % cols + 0.5) * cw;
            double y0 = top + (i / cols) * ch + GAP;
            int x0 = (int) Math.round(cx - side / 2.0);
            int iy = (int) Math.round(y0);
            g.drawImage(upscaled(cell.image(), side), x0, iy, side, side, null);
            g.setPaint(Color.GRAY);
            g.draw(new Rectangle2D.Double(x0 - 0.5, iy - 0.5, side + 1, side + 1));
            g.setPaint(Color.BLACK);
            java.awt.Font font = captionFont(cell.caption(), g, (int) cw - 2);
            g.setFont(font);
            FontMetrics cm = g.getFontMetrics();
            String caption = fit(cell.caption(), cm, (int) cw - 2);
            g.drawString(caption, (float) (cx - cm.stringWidth(caption) / 2.0), (float) (iy + side + 3 + fm.getAscent()));
            g.setFont(Theme.CAPTION);
        }
        if (interpolation != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        }
    }

    /** The image scaled by the largest whole factor that fits {@code side}, pixels duplicated. */
    private BufferedImage upscaled(BufferedImage src, int side) {
        int f = Math.max(1, side / Math.max(src.getWidth(), src.getHeight()));
        BufferedImage out = new BufferedImage(src.getWidth() * f, src.getHeight() * f, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int rgb = src.getRGB(x / f, y / f);
                out.setRGB(x, y, inverted ? ~rgb & 0xFFFFFF : rgb);
            }
        }
        return out;
    }

    /** Smallest caption size before a caption is cut with an ellipsis. */
    static final float MIN_CAPTION_SIZE = 8;

    /** {@link Theme#CAPTION}, made smaller (down to {@link #MIN_CAPTION_SIZE}) until {@code s} fits {@code width}. */
    static java.awt.Font captionFont(String s, java.awt.Graphics2D g, int width) {
        java.awt.Font font = Theme.CAPTION;
        while (g.getFontMetrics(font).stringWidth(s) > width && font.getSize2D() > MIN_CAPTION_SIZE) {
            font = font.deriveFont(font.getSize2D() - 0.5f);
        }
        return font;
    }

    private static String fit(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (!t.isEmpty() && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    @Override
    public int defaultWidth() {
        return cols * 110;
    }

    @Override
    public int defaultHeight() {
        return rows() * 130 + (title == null || title.isEmpty() ? 0 : 36);
    }
}
