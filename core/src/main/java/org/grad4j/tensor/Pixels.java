package org.grad4j.tensor;

/**
 * Byte pixels to the doubles a network reads: code {@code v} (0..255, stored as a signed byte) becomes
 * {@code v / 255.0}, as the book's {@code load_mnist(normalize=True)} computes it in float64.
 *
 * <p>With the Vector API present the rows are converted 8 pixels at a time (widened to ints, masked,
 * converted and divided by 255.0 in vector registers, {@code PixelKernels}), two rows at once so that
 * the reads of two rows wait for memory together, once the JIT has compiled that kernel (until then,
 * and without the Vector API, by a table of the 256 quotients; see {@link #warm}). Both give the
 * same bits: a division is correctly rounded in a vector lane as in a scalar one (checked for every
 * code in {@code PixelsTest}). Half a batch of Fashion-MNIST (100 rows of 392 pixels) took 39.6 us
 * against 43.6 by the table (an earlier run: 31.6 against 42.6), reading the rows into cache
 * included ({@code PixelsBench}; most of it is waiting for memory).
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
        if (compiled) {
            PixelKernels.rows(px, s0, s1, out, d0, d1, width);
        } else {
            scalar(px, s0, out, d0, width);
            scalar(px, s1, out, d1, width);
        }
    }

    /** {@code out[d + j] = px[s + j] / 255.0} for {@code j < width}. */
    public static void row(byte[] px, int s, double[] out, int d, int width) {
        if (compiled) {
            PixelKernels.row(px, s, out, d, width);
        } else {
            scalar(px, s, out, d, width);
        }
    }

    /**
     * Whether the vector kernel has been seen running compiled ({@link #warm}, which {@link Preload}
     * calls until it is); until then the table converts. Before the JIT's last tier has compiled it,
     * Vector API code runs a hundred times slower than the table: converting every batch with it from
     * the start, a first dense step on the MNIST sample took 200-300 ms instead of 30-70, and timed
     * tries from the training steps themselves cost as much while the kernel was still interpreted
     * (steps 10-20 took 100-110 ms instead of 30-60). Compiled, it converts a pixel in well under
     * {@link #FAST_NANOS} ns, the table in about one. Without the preload (and the launcher's hint that
     * has the JIT compile the kernel after a few calls) the table converts throughout.
     */
    private static volatile boolean compiled;

    /** A timed call faster than this many nanoseconds per pixel shows the vector kernel compiled. */
    static final double FAST_NANOS = 1.0;

    /**
     * Converts the row pair {@code px[0 .. 2 * width)} into {@code out} with the vector kernel, timed:
     * for a preload that has the JIT compile the kernel and tells the conversion to use it once it
     * runs compiled. Returns whether it is now known to be compiled; false without the Vector API.
     */
    static boolean warm(byte[] px, double[] out, int width) {
        if (!VECTOR) {
            return false;
        }
        int pixels = 2 * width;
        long best = timed(px, out, width);
        // single calls vary (a cold cache, the clock's own 30 ns): when the first looks compiled, the
        // best of several decides; not yet compiled, a call takes 100s of nanoseconds a pixel
        if (best < 10 * FAST_NANOS * pixels) {
            for (int k = 1; k < 8; k++) {
                best = Math.min(best, timed(px, out, width));
            }
        }
        if (best < FAST_NANOS * pixels) {
            compiled = true;
        }
        return compiled;
    }

    private static long timed(byte[] px, double[] out, int width) {
        long t0 = System.nanoTime();
        PixelKernels.rows(px, 0, width, out, 0, width, width);
        return System.nanoTime() - t0;
    }

    static void scalar(byte[] px, int s, double[] out, int d, int width) {
        double[] levels = LEVELS;
        for (int j = 0; j < width; j++) {
            out[d + j] = levels[px[s + j] & 0xFF];
        }
    }

    /** Whether the vector kernel can be used (the Vector API is present and not turned off). */
    static boolean vector() {
        return VECTOR;
    }

    /**
     * Whether batches are converted by the vector kernel: it has been seen running compiled (after
     * {@link Preload} with the launcher's JIT hint, typically within a second). False: by the table.
     */
    public static boolean vectorInUse() {
        return compiled;
    }
}
