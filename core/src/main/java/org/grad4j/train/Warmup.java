package org.grad4j.train;

import java.util.List;
import java.util.Random;
import org.grad4j.data.Dataset;
import org.grad4j.data.IdxImages;
import org.grad4j.data.IdxLabels;
import org.grad4j.nn.Network;
import org.grad4j.nn.Parameter;
import org.grad4j.optim.Optimizer;
import org.grad4j.tensor.Tensor;

/**
 * Trains a spare network on made-up data of the real run's shape, on a background thread, so that
 * the JIT compiles the training step while the real data set is still loading. Start it before
 * loading and {@link #close()} it before {@link Trainer#run}: the first iterations then no longer
 * run uncompiled code (the Vector API kernels are a hundred times slower until the JIT's last tier
 * has compiled them).
 *
 * <p>It moves that cost rather than removing it when loading keeps the processor busy. Measured on
 * the book's Fashion-MNIST run on two cores ({@code ./grad4j train --warmup}): the timed loop got
 * about half a second shorter, but loading got about as much longer, as the warm-up and the JIT
 * compiler compete with it, and the whole run took a median 1.05 of the time without (5 pairs). It
 * pays when loading waits for something else, such as a download. It touches nothing but the
 * spare network, the optimizer given to it and its own data, and computes on its own thread alone
 * (no worker: the real run's second core stays the run's); it stops by itself after
 * {@link #MAX_STEPS} steps or {@link #MAX_NANOS} nanoseconds, or at the first loss that is not
 * finite.
 */
public final class Warmup implements AutoCloseable {
    /** Most steps a warm-up takes. */
    public static final int MAX_STEPS = 3000;
    /** Longest a warm-up runs, in nanoseconds. */
    public static final long MAX_NANOS = 3_000_000_000L;
    /** Examples of made-up data. */
    static final int EXAMPLES = 500;

    private final Thread thread;
    private volatile boolean stop;
    private volatile int done;
    private volatile Throwable failure;

    private Warmup(Network spare, Optimizer optimizer, TrainSettings settings, InputMode input, double density) {
        this.thread = new Thread(() -> loop(spare, optimizer, settings, input, density), "grad4j-warmup");
        thread.setDaemon(true);
    }

    /**
     * Starts warming up.
     *
     * @param spare     a network of the same kind and shapes as the real one (its weights change)
     * @param optimizer an optimizer of the kind the real run uses (its state changes)
     * @param settings  the real run's settings (batch, sampling, gradient, clipping, iterations)
     * @param input     the real run's input mode; {@link InputMode#AUTO} resolves against {@code density}
     * @param density   expected fraction of nonzero pixels of the real data (0.19 for MNIST, 0.5 for Fashion-MNIST)
     *     (when it cannot be used with these settings, the warm-up stops at once with that {@link #failure()})
     */
    public static Warmup start(Network spare, Optimizer optimizer, TrainSettings settings, InputMode input,
                               double density) {
        Warmup w = new Warmup(spare, optimizer, settings, input, density);
        w.thread.start();
        return w;
    }

    /** Steps taken so far. */
    public int steps() {
        return done;
    }

    /** Whether the warm-up is still taking steps. */
    boolean running() {
        return thread.isAlive();
    }

    /** What stopped the warm-up early, or null. */
    public Throwable failure() {
        return failure;
    }

    /** Stops the warm-up and waits for its current step to end. */
    @Override
    public void close() {
        stop = true;
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop(Network spare, Optimizer optimizer, TrainSettings settings, InputMode input, double density) {
        long end = System.nanoTime() + MAX_NANOS;
        try {
            List<Parameter> params = spare.parameters();
            int features = params.get(0).value().rows();
            Tensor out = params.get(params.size() - 1).value(); // the last bias, or the last weight without biases
            int classes = out.rank() == 1 ? out.size() : out.cols();
            Dataset data = madeUp(features, classes, density, new Random(20261125L));
            Trainer.Steps steps = new Trainer(spare, optimizer, data, settings.withCheckpoint(null, 0)).input(input).steps();
            while (!stop && done < MAX_STEPS && System.nanoTime() < end) {
                double loss = steps.next();
                done = done + 1;
                if (!Double.isFinite(loss)) {
                    return;
                }
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    /** {@link #EXAMPLES} random images with about {@code density} of their pixels nonzero, random labels. */
    static Dataset madeUp(int features, int classes, double density, Random rng) {
        byte[] pixels = new byte[EXAMPLES * features];
        long bits = rng.nextLong() | 1;
        long threshold = (long) (density * (1L << 31));
        for (int i = 0; i < pixels.length; i++) {
            bits ^= bits << 13; // xorshift: a million draws without the cost of Random
            bits ^= bits >>> 7;
            bits ^= bits << 17;
            if ((bits >>> 33) < threshold) {
                pixels[i] = (byte) (1 + (int) ((bits & 0xFFFF) % 255));
            }
        }
        int[] labels = new int[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            labels[i] = rng.nextInt(classes);
        }
        IdxImages images = new IdxImages("made-up images", EXAMPLES, 1, features, pixels);
        IdxLabels lab = new IdxLabels("made-up labels", labels);
        return Dataset.of("warm-up", "made up", classes, images, lab, images, lab);
    }
}
