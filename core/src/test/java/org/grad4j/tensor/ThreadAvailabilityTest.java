package org.grad4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.grad4j.nn.Activation;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.Init;
import org.grad4j.nn.MultiLayerNet;
import org.grad4j.optim.Sgd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The kernels split over two cores ({@link Gemm}, {@link SparseProduct}, the fused step, {@code Sgd})
 * give the same bits whether the second core took its half, another thread held it (so the caller
 * computed both halves), or there was none ({@link TwoCores#off()}, the code path of
 * {@code GRAD4J_THREADS=1}; or no worker bound to the thread); and callers on several threads at
 * once sharing one worker get the single-threaded answers, also over hundreds of training steps.
 * Before the products computed the same halves on one core, a caller that found the worker taken
 * computed its product whole, in another summation order: two threads training at once on one
 * worker then ended with other weights (the last test).
 */
class ThreadAvailabilityTest {

    /** The worker the tests share between their threads. */
    private static final TwoCores SHARED = TwoCores.start("test-shared-worker");

    @AfterAll
    static void closeWorker() {
        SHARED.close();
    }

    private static final double[] LEVELS = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            LEVELS[v] = v / 255.0;
        }
    }

    /** The same inputs every time; {@link #run} computes every kernel's outputs from them. */
    private static final class Products {
        final List<Tensor[]> gemms = new ArrayList<>(); // {a, b, c0} with transposes below
        final List<boolean[]> flags = new ArrayList<>();
        final SparseRows x;
        final int[] idx;
        final double[] w50;
        final double[] w30;
        final double[] bias50;
        final double[] d50;
        final double[] d30;

        Products() {
            Random rng = new Random(17);
            // by rows (k < 2m) and by the inner dimension (k >= 2m), each transpose, all above PARALLEL_PRODUCT
            int[][] shapes = {{100, 50, 784}, {784, 50, 100}, {101, 60, 333}, {333, 40, 97}, {3, 500, 784},
                {2, 1000, 600}};
            for (int s = 0; s < shapes.length; s++) {
                for (int t = 0; t < 4; t++) {
                    int m = shapes[s][0];
                    int n = shapes[s][1];
                    int k = shapes[s][2];
                    assertThat((long) m * n * k).isGreaterThanOrEqualTo(Gemm.PARALLEL_PRODUCT);
                    boolean ta = (t & 1) != 0;
                    boolean tb = (t & 2) != 0;
                    gemms.add(new Tensor[] {ta ? Tensor.randn(k, m, 1, rng) : Tensor.randn(m, k, 1, rng),
                        tb ? Tensor.randn(n, k, 1, rng) : Tensor.randn(k, n, 1, rng), Tensor.randn(m, n, 1, rng)});
                    flags.add(new boolean[] {ta, tb});
                }
            }
            int samples = 300;
            byte[] codes = new byte[samples * 784];
            for (int i = 0; i < codes.length; i++) {
                if (rng.nextDouble() < 0.19) { // the nonzero share of a Fashion-MNIST image
                    codes[i] = (byte) (1 + rng.nextInt(255));
                }
            }
            x = SparseRows.ofCodes(codes, samples, 784, LEVELS);
            idx = new int[100];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = rng.nextInt(samples);
            }
            w50 = gaussian(rng, 784 * 50);
            w30 = gaussian(rng, 784 * 30);
            bias50 = gaussian(rng, 50);
            d50 = gaussian(rng, 100 * 50);
            d30 = gaussian(rng, 100 * 30);
        }

        /** Every product's output, in order, the second halves offered to the shared worker. */
        List<double[]> run() {
            return run(SHARED);
        }

        /** Every product's output, in order, the second halves offered to {@code cores}. */
        List<double[]> run(TwoCores cores) {
            List<double[]> outs = new ArrayList<>();
            for (int i = 0; i < gemms.size(); i++) {
                Tensor[] g = gemms.get(i);
                boolean[] f = flags.get(i);
                Tensor c = Tensor.copy(g[2]);
                Gemm.gemm(cores, f[0], f[1], 0.5, g[0], g[1], 2.0, c);
                outs.add(c.data());
                try (TwoCores.Scope bound = cores.bind()) {
                    outs.add(Gemm.matmul(f[0], f[1], g[0], g[1], null).data());
                }
            }
            if (SparseProduct.available()) {
                SparseProduct p = new SparseProduct(cores);
                double[] out = new double[100 * 50];
                p.times(x, idx, 0, 100, w50, 50, bias50, out);
                double[] dW = new double[784 * 50];
                p.transposeTimes(d50, dW);
                outs.add(out);
                outs.add(dW);
                double[] out30 = new double[100 * 30];
                p.times(x, idx, 0, 100, w30, 30, null, out30);
                double[] dW30 = new double[784 * 30];
                p.transposeTimes(d30, dW30);
                outs.add(out30);
                outs.add(dW30);
            }
            return outs;
        }
    }

    private static double[] gaussian(Random rng, int size) {
        double[] a = new double[size];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextGaussian();
        }
        return a;
    }

    private static List<double[]> alone(Products p) {
        return p.run(TwoCores.off());
    }

    private static void assertSameBits(List<double[]> actual, List<double[]> expected, String how) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            double[] a = actual.get(i);
            double[] e = expected.get(i);
            assertThat(a.length).as("%s, output %d, length", how, i).isEqualTo(e.length);
            int at = Arrays.mismatch(a, e); // compares doubleToLongBits: bit for bit
            if (at >= 0) {
                throw new AssertionError(how + ", output " + i + ", index " + at + ": " + a[at] + " instead of "
                        + e[at] + " (" + (a[at] - e[at]) + " off)");
            }
        }
    }

    /** Runs {@code body} while another thread holds the shared worker (inside a {@link TwoCores#run} of its own). */
    private static <T> T whileBusy(Supplier<T> body) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread holder = new Thread(() -> {
            try {
                assertThat(SHARED.acquire()).isTrue();
                SHARED.run(half -> {
                    if (half == 0) {
                        held.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
            } catch (Throwable e) {
                failure.set(e);
                held.countDown();
            }
        }, "holder");
        holder.start();
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(failure.get()).isNull();
            boolean free = SHARED.acquire();
            if (free) {
                SHARED.run(half -> { });
            }
            assertThat(free).as("the worker is held by another thread").isFalse();
            return body.get();
        } finally {
            release.countDown();
            holder.join(10_000);
        }
    }

    @Test
    void twoCoresBusyAndAloneGiveTheSameBits() throws Exception {
        assertThat(SHARED.enabled()).isTrue(); // surefire runs with OPENBLAS_NUM_THREADS=1, as ./grad4j does
        Products p = new Products();
        List<double[]> single = alone(p);
        List<double[]> two = p.run();
        List<double[]> busy = whileBusy(p::run);
        assertSameBits(two, single, "second core free");
        assertSameBits(busy, single, "second core held by another thread");
        try (TwoCores off = TwoCores.off()) {
            assertSameBits(p.run(off), single, "splitting off (as with GRAD4J_THREADS=1)");
        }
        assertSameBits(p.run(TwoCores.current()), single, "no worker bound to the thread");
        try (TwoCores own = TwoCores.start("test-own-worker")) {
            assertSameBits(p.run(own), single, "a worker of its own");
            assertSameBits(whileBusy(() -> p.run(own)), single, "a worker of its own, the shared one held");
        }
        // inputs untouched, so the three runs saw the same data
        assertSameBits(alone(p), single, "alone again");
    }

    @Test
    void concurrentCallersGetTheSingleThreadedAnswers() throws Exception {
        Products p = new Products();
        List<double[]> single = alone(p);
        int threads = 3;
        int rounds = 3;
        List<java.util.concurrent.Callable<Void>> callers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            callers.add(() -> {
                for (int r = 0; r < rounds; r++) {
                    assertSameBits(p.run(), single, "thread " + id + ", round " + r);
                }
                return null;
            });
        }
        AtOnce.run("caller", 120_000, callers);
    }

    /** Three dense and three sparse training steps of a 784-50-10 net through the public API, on {@code cores}. */
    private static List<double[]> steps(Products p, TwoCores cores) {
        FeedForwardNet net = new MultiLayerNet(784, new int[] {50}, 10, Activation.RELU, Init.HE, new Random(5));
        Random rng = new Random(6);
        Tensor x = Tensor.randn(100, 784, 1, rng);
        int[] t = new int[100];
        for (int i = 0; i < t.length; i++) {
            t[i] = rng.nextInt(10);
        }
        List<double[]> outs = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            outs.add(new double[] {net.sgdStep(cores, null, null, x, t, 0.1)});
            if (SparseProduct.available()) {
                outs.add(new double[] {net.sgdStep(cores, p.x, p.idx, 0, 100, t, 0.1)});
            }
        }
        for (double[] a : net.paramArrays()) {
            outs.add(a.clone());
        }
        return outs;
    }

    @Test
    void trainingStepsGiveTheSameBitsWithTheWorkerFreeHeldOrAlone() throws Exception {
        Products p = new Products();
        List<double[]> single = steps(p, TwoCores.off());
        assertSameBits(steps(p, SHARED), single, "second core free");
        assertSameBits(whileBusy(() -> steps(p, SHARED)), single, "second core held by another thread");
    }

    /** Steps of the book's backprop and {@link Sgd} (the two-core update) on a 784-50-10 net, with the thread's bound worker. */
    /** {@code work} with the shared worker bound to the calling thread. */
    private static <T> T bound(java.util.concurrent.Callable<T> work) throws Exception {
        try (TwoCores.Scope bound = SHARED.bind()) {
            return work.call();
        }
    }

    private static List<double[]> backpropSteps(long seed, int steps) {
        FeedForwardNet net = new MultiLayerNet(784, new int[] {50}, 10, Activation.RELU, Init.HE, new Random(5));
        Random rng = new Random(seed);
        Tensor x = Tensor.randn(50, 784, 1, rng); // (50x784)(784x50) is split by the inner dimension
        int[] t = new int[50];
        for (int i = 0; i < t.length; i++) {
            t[i] = rng.nextInt(10);
        }
        Sgd sgd = new Sgd(0.1);
        List<double[]> outs = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            outs.add(new double[] {net.gradient(x, t)});
            sgd.step(net.paramArrays(), net.gradArrays());
        }
        for (double[] a : net.paramArrays()) {
            outs.add(a.clone());
        }
        return outs;
    }

    @Test
    void twoThreadsTrainingAtOnceOnOneSharedWorkerGetTheSequentialWeights() throws Exception {
        int steps = 150;
        List<List<double[]>> sequential = List.of(backpropSteps(6, steps), backpropSteps(7, steps));
        for (int round = 0; round < 4; round++) {
            List<List<double[]>> got = AtOnce.run("trainer", 60_000, List.of(
                    () -> bound(() -> backpropSteps(6, steps)), () -> bound(() -> backpropSteps(7, steps))));
            for (int k = 0; k < 2; k++) {
                assertSameBits(got.get(k), sequential.get(k), "round " + round + ", thread " + k);
            }
        }
    }
}
