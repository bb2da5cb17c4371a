package org.grad4j.serve;

/**
 * A drawn digit preprocessed as MNIST's digits were (LeCun et al., "Gradient-based learning applied to
 * document recognition", 1998): the ink's bounding box is scaled, keeping its aspect ratio, so that its
 * longer side is 20 pixels (each new pixel the mean of the area it covers, which anti-aliases), and the
 * result is placed in a 28 x 28 image so that its centre of mass lies at the image's centre (13.5, 13.5)
 * in pixel-index coordinates, shifted by whole pixels.
 */
public final class DigitImage {
    /** Side of the image the network sees. */
    public static final int SIDE = 28;
    /** Side of the box the ink is fitted into. */
    public static final int BOX = 20;
    /** Values at or below this count as paper, not ink, when finding the bounding box. */
    static final double INK = 0.05;
    /** Sub-samples per new pixel along each axis when averaging an area. */
    private static final int SUB = 4;

    private DigitImage() {}

    /**
     * The 28 x 28 image (row-major, values in 0..1) of a {@code width x height} drawing {@code pixels}
     * (row-major, 0 paper to 1 ink; not modified). All zeros when there is no ink.
     */
    public static double[] preprocess(double[] pixels, int width, int height) {
        if (width < 1 || height < 1 || pixels.length != width * height) {
            throw new IllegalArgumentException("image: " + pixels.length + " pixels for " + width + " x " + height);
        }
        int x0 = width;
        int y0 = height;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (pixels[y * width + x] > INK) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        double[] out = new double[SIDE * SIDE];
        if (x1 < 0) {
            return out;
        }
        int bw = x1 - x0 + 1;
        int bh = y1 - y0 + 1;
        double scale = (double) BOX / Math.max(bw, bh);
        int tw = Math.max(1, (int) Math.round(bw * scale));
        int th = Math.max(1, (int) Math.round(bh * scale));
        double[] box = new double[tw * th];
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int v = 0; v < th; v++) {
            for (int u = 0; u < tw; u++) {
                double sum = 0;
                for (int sv = 0; sv < SUB; sv++) {
                    for (int su = 0; su < SUB; su++) {
                        int sx = x0 + (int) Math.min(bw - 1, Math.floor((u + (su + 0.5) / SUB) * bw / tw));
                        int sy = y0 + (int) Math.min(bh - 1, Math.floor((v + (sv + 0.5) / SUB) * bh / th));
                        sum += pixels[sy * width + sx];
                    }
                }
                double p = Math.min(1, Math.max(0, sum / (SUB * SUB)));
                box[v * tw + u] = p;
                mass += p;
                mx += p * u;
                my += p * v;
            }
        }
        int dx = (int) Math.round((SIDE - 1) / 2.0 - mx / mass);
        int dy = (int) Math.round((SIDE - 1) / 2.0 - my / mass);
        for (int v = 0; v < th; v++) {
            for (int u = 0; u < tw; u++) {
                int x = u + dx;
                int y = v + dy;
                if (x >= 0 && x < SIDE && y >= 0 && y < SIDE) {
                    out[y * SIDE + x] = box[v * tw + u];
                }
            }
        }
        return out;
    }
}
