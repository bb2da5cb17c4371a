package org.grad4j.tensor;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One-time start-up work of the kernels, done on a background thread while the program does
 * something else (typically: while a data set loads, which keeps one core busy and leaves the other
 * idle). The first training step otherwise pays for it: loading the native BLAS and netlib's
 * classes (about 70 ms), and loading and linking the Vector API classes behind the sparse products
 * (each vector operation bootstraps a lambda on its first use). It also calls the sparse kernels and the pixel conversion ({@link Pixels}) often enough
 * for the JIT to compile them early ({@link #REPEATS}). None of this changes any result. It computes
 * on its own thread only, with no worker ({@link TwoCores#off()}): a training run that has begun
 * meanwhile keeps its second core.
 *
 * <p>Call {@link #inBackground()} as early as possible; calling it again does nothing. A kernel used
 * before the preload reaches it simply does its own start-up, as it would without the preload (the
 * JVM lets one thread initialize a class while others wait for it).
 */
public final class Preload {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Preload() {
    }

    /** Starts the preload on a daemon thread, once per JVM; returns at once. */
    public static void inBackground() {
        inBackground(true);
    }

    /**
     * As {@link #inBackground()}; with {@code densePixels} false the pixel conversion ({@link Pixels})
     * is left out, for a run that will read its images as sparse input: its compilation would only
     * compete with that of the sparse kernels (on the MNIST sample the timed loop took a median 1.087
     * of the time with it, 8 paired runs).
     */
    public static void inBackground(boolean densePixels) {
        if (STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(() -> run(densePixels), "grad4j-preload");
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * The preload itself, on the calling thread: each kernel on a few numbers, once, or
     * {@link #REPEATS} times for the sparse ones (the forward product with and without recording
     * for the backward one, and the backward one) and the pixel conversion, which it then tries every
     * 5 ms until it runs compiled (at most {@link #PIXEL_WAIT_NANOS}), so that batches are converted
     * by its vector kernel from then on ({@link Pixels#warm}).
     */
    static void run() {
        run(true);
    }

    /** As {@link #run()}, with the pixel conversion only when {@code pixels}. */
    static void run(boolean pixels) {
        try {
            TwoCores none = TwoCores.off(); // also reads the process-wide setting, which loads the BLAS library
            Blas.instance();
            Tensor a = Tensor.of(new double[] {0.5, -1.0, 2.0, 0.25}, 2, 2);
            Tensor c = Tensor.zeros(2, 2);
            Gemm.gemm(none, false, false, 1.0, a, a, 0.0, c);
            Gemm.gemm(none, true, false, 1.0, a, a, 0.0, c);
            Ops.softmaxRows(a, c, new double[2]);
            Ops.sigmoid(a, c);
            if (VectorApi.present()) {
                for (int n : new int[] {SparseProduct.MIN_COLUMNS, WideSparseKernels.MIN}) {
                    byte[] codes = {0, 7, 0, (byte) 200, 9, 0};
                    SparseRows s = SparseRows.ofCodes(codes, 2, 3, Pixels.levels());
                    double[] w = new double[3 * n];
                    double[] out = new double[2 * n];
                    SparseProduct p = new SparseProduct(none);
                    int[] inOrder = {0, 1};
                    int[] reversed = {1, 0};
                    for (int rep = 0; rep < REPEATS; rep++) {
                        p.times(s, inOrder, 0, 2, w, n, null, out);
                        p.transposeTimes(out, w);
                        p.times(s, reversed, 0, 2, w, n, null, out, false);
                    }
                }
                if (pixels) {
                    byte[] px = new byte[2 * TIMED_PIXELS];
                    double[] x = new double[2 * TIMED_PIXELS];
                    for (int rep = 0; rep < REPEATS; rep++) {
                        Pixels.warm(px, x, PIXELS);
                    }
                    // the vector pixel kernel is in use once seen compiled: look every few milliseconds
                    // meanwhile, on rows long enough for the clock (128 pixels take 130 ns compiled, half
                    // of it the clock's own; 392 take 220) and short enough that the calls made before
                    // the kernel is compiled (100s of microseconds each) leave the loading its processor
                    long until = System.nanoTime() + PIXEL_WAIT_NANOS;
                    while (!Pixels.warm(px, x, TIMED_PIXELS) && System.nanoTime() < until) {
                        Thread.sleep(5);
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // a preload only: whatever failed here fails again, and is reported, where it is used
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Calls of each sparse kernel: with the launcher's hint ({@code CompileThresholdScaling} 0.01 for
     * the sparse kernels) this many pass the thresholds of the JIT's last tier, so their compilation
     * is queued while the data set loads rather than after the first training steps, which otherwise
     * run them interpreted, a hundred times slower (on the MNIST sample the first steps took 0.3-0.6 s).
     * Without the hint they only reach the first tiers. On a few numbers (all zero) they add about
     * 90 ms to this background thread, mostly before the JIT's first tier compiles them. They run
     * on this thread alone: the preload may still be going when training starts (on the MNIST
     * sample, which loads in a fraction of a second), and the training steps need their worker.
     * Measured with {@code ./grad4j train --dataset mnist-sample --sampling replacement}, paired runs:
     * <ul>
     *   <li>60 calls on both threads against one: timed loop a median 0.87 and 0.94 of the time in two
     *       sets of 6 (faster in 10 of 12), whole command 0.92 and 0.99 (faster in 8 of 12);
     *       Fashion-MNIST, which trains on dense input, showed no difference beyond the machine's noise
     *       (0.89 and 1.03, faster in 7 of 11);</li>
     *   <li>then the calls on this thread alone against both threads: loop 0.93 and 0.88 in sets of 6
     *       and 8 (faster in 11 of 14), whole command 0.95 and 0.94 (faster in 11 of 14).</li>
     * </ul>
     */
    static final int REPEATS = 60;

    /**
     * How long the preload goes on trying the pixel kernel (every 5 ms) until it runs compiled, so
     * that dense batches use it from then on ({@link Pixels}).
     */
    private static final long PIXEL_WAIT_NANOS = 2_000_000_000L;

    /**
     * Pixels per row of the pixel kernel's first calls: 8 rounds of its vector loop a call. Calls on
     * rows of 392 (the length a core converts per row in the step) got the kernel compiled sooner but
     * cost the loading more before that (whole command: 0.25 s more outside the loop, 8 paired runs
     * on Fashion-MNIST, against 0.01 s with these).
     */
    private static final int PIXELS = 64;

    /** Pixels per row of its timed calls. */
    private static final int TIMED_PIXELS = 196;
}
