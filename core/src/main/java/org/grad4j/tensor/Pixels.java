package org.grad4j.tensor;

/**
 * Byte pixels to the doubles a network reads: code {@code v} (0..255, stored as a signed byte) becomes
 * {@code v / 255.0}, as the book's {@code load_mnist(normalize=True)} computes it in float64.
 *
 * <p>With the Vector API present the rows are converted 8 pixels at a time (widened to ints, masked,
 * converted and divided by 255.0 in vector registers, {@code PixelKernels}), two rows at once so that
 * the reads of two rows wait for memory together; without it, by a table of the 256 quotients. Both
 * give the same bits: a division is correctly rounded in a vector lane as in a scalar one (checked for
 * every code in {@code PixelsTest}). Half a batch of Fashion-MNIST (100 rows of 392 pixels, in cache)
 * took 16-18 us against 30-34 by the table (microbenchmark, one core).
 */
public final class Pixels {

    private static final boolean VECTOR = VectorApi.present() && !Boolean.getBoolean("grad4j.scalarPixels");

    private static final double[] LEVELS = new double[256];

    static {
        for (int k = 0; k < LEVELS.length; k++) {
            LEVELS[k] = k / 255.0;
        }
    }

    private Pixels() {
    }

    /** {@code v / 255.0} for the 256 codes (a new array). */
    public static double[] levels() {
        return LEVELS.clone();
    }

    /** The value of one code. */
    public static double level(byte code) {
        return LEVELS[code & 0xFF];
    }

    /**
     * {@code out[d0 + j] = px[s0 + j] / 255.0} and {@code out[d1 + j] = px[s1 + j] / 255.0} for
     * {@code j < width}: two rows at once.
     *
     * @throws IndexOutOfBoundsException if a range is outside its array
     */
    public static void rows(byte[] px, int s0, int s1, double[] out, int d0, int d1, int width) {
        if (VECTOR) {
            PixelKernels.rows(px, s0, s1, out, d0, d1, width);
        } else {
            scalar(px, s0, out, d0, width);
            scalar(px, s1, out, d1, width);
        }
    }

    /** {@code out[d + j] = px[s + j] / 255.0} for {@code j < width}. */
    public static void row(byte[] px, int s, double[] out, int d, int width) {
        if (VECTOR) {
            PixelKernels.row(px, s, out, d, width);
        } else {
            scalar(px, s, out, d, width);
        }
    }

    static void scalar(byte[] px, int s, double[] out, int d, int width) {
        double[] levels = LEVELS;
        for (int j = 0; j < width; j++) {
            out[d + j] = levels[px[s + j] & 0xFF];
        }
    }

    /** Whether the vector kernel is in use. */
    static boolean vector() {
        return VECTOR;
    }
}
