package org.grad4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Products split over two threads equal the plain triple loop. */
class HalvesTest {
    static final double TOLERANCE = 1e-12;

    @ParameterizedTest
    @CsvSource({"false,false,101,50,784", "true,false,784,50,101", "false,true,99,60,700", "true,true,333,40,97"})
    void splitProductsEqualTheReference(boolean transA, boolean transB, int m, int n, int k) {
        // surefire runs with OPENBLAS_NUM_THREADS=1, as the launcher does, so splitting is on here
        assertThat(Halves.enabled()).isTrue();
        assertThat((long) m * n * k).isGreaterThanOrEqualTo(Gemm.PARALLEL_PRODUCT);
        Random rng = new Random(11);
        Tensor a = transA ? Tensor.randn(k, m, 1, rng) : Tensor.randn(m, k, 1, rng);
        Tensor b = transB ? Tensor.randn(n, k, 1, rng) : Tensor.randn(k, n, 1, rng);
        Tensor c = Tensor.randn(m, n, 1, rng);
        Tensor expected = Tensor.copy(c);
        ReferenceGemm.gemm(transA, transB, 0.5, a, b, 2.0, expected);
        Gemm.gemm(transA, transB, 0.5, a, b, 2.0, c);
        for (int i = 0; i < c.size(); i++) {
            double e = expected.data()[i];
            if (Math.abs(c.data()[i] - e) > TOLERANCE * (1 + Math.abs(e)) * k) {
                throw new AssertionError("index " + i + ": split " + c.data()[i] + ", reference " + e);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aThreadAloneComputesBothHalvesItself() {
        assertThat(Halves.enabled()).isTrue();
        boolean[] inside = new boolean[1];
        Halves.alone(() -> inside[0] = Halves.acquire());
        assertThat(inside[0]).isFalse();
        assertThat(Halves.acquire()).isTrue();
        Halves.run(half -> { });
    }

    @org.junit.jupiter.api.Test
    void threadsAloneAtOnceAndNestedCallsKeepTheWorkerForOthers() throws InterruptedException {
        // the preload and a warm-up may both run alone while the main thread trains
        java.util.concurrent.CountDownLatch bothInside = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.CountDownLatch checked = new java.util.concurrent.CountDownLatch(1);
        boolean[] acquired = new boolean[4];
        Thread[] threads = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int k = i;
            threads[i] = new Thread(() -> Halves.alone(() -> {
                Halves.alone(() -> acquired[k] = Halves.acquire()); // nested
                bothInside.countDown();
                try {
                    checked.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                acquired[k + 2] = Halves.acquire(); // still alone after the nested call returned
            }));
            threads[i].start();
        }
        bothInside.await();
        // the main thread is not alone: it gets the worker while both others are inside
        assertThat(Halves.acquire()).isTrue();
        Halves.run(half -> { });
        checked.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(acquired).containsOnly(false);
        assertThat(Halves.acquire()).isTrue();
        Halves.run(half -> { });
    }

    @org.junit.jupiter.api.Test
    void theWorkerTakesHalfOneWhenTheCallerIsBusyAfterShortAndLongPauses() throws InterruptedException {
        // the worker spins after short pauses and sleeps after long ones; it must still take every
        // half 1 that the caller leaves to it (here half 0 waits until half 1 has run)
        long[] pausesNanos = {0, 0, 30_000, 0, 2_000_000, 0, 10_000, 500_000, 0, 300_000, 0};
        Thread[] ran = new Thread[2];
        for (int round = 0; round < 3; round++) {
            for (long pause : pausesNanos) {
                long until = System.nanoTime() + pause;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                assertThat(Halves.acquire()).isTrue();
                ran[0] = null;
                ran[1] = null;
                java.util.concurrent.atomic.AtomicBoolean oneDone = new java.util.concurrent.atomic.AtomicBoolean();
                Halves.run(half -> {
                    ran[half] = Thread.currentThread();
                    if (half == 1) {
                        oneDone.set(true);
                    } else {
                        while (!oneDone.get()) {
                            Thread.onSpinWait();
                        }
                    }
                });
                assertThat(ran[0]).isSameAs(Thread.currentThread());
                assertThat(ran[1]).isNotNull().isNotSameAs(Thread.currentThread());
            }
            Thread.sleep(5);
        }
    }

    @org.junit.jupiter.api.Test
    void everyHalfRunsExactlyOnceWhoeverTakesIt() {
        // quick tasks: the caller often finishes half 0 before the worker has looked, and takes half 1
        java.util.concurrent.atomic.AtomicIntegerArray runs = new java.util.concurrent.atomic.AtomicIntegerArray(2);
        int tasks = 20_000;
        for (int i = 0; i < tasks; i++) {
            assertThat(Halves.acquire()).isTrue();
            Halves.run(runs::incrementAndGet);
        }
        assertThat(runs.get(0)).isEqualTo(tasks);
        assertThat(runs.get(1)).isEqualTo(tasks);
    }

    @org.junit.jupiter.api.Test
    void aFailureInEitherHalfReachesTheCaller() {
        for (int failing = 0; failing < 2; failing++) {
            int f = failing;
            assertThat(Halves.acquire()).isTrue();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Halves.run(half -> {
                if (half == f) {
                    throw new IllegalStateException("half " + f);
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("half " + f);
            // the worker is free again
            assertThat(Halves.acquire()).isTrue();
            Halves.run(half -> { });
        }
    }

    @org.junit.jupiter.api.Test
    void aJobAfterTheNextTaskRunsOnTheWorkerWhileTheCallerTakesTheTasksAfterIt() throws InterruptedException {
        assertThat(Halves.enabled()).isTrue();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread[] jobThread = new Thread[1];
        java.util.concurrent.atomic.AtomicBoolean jobDone = new java.util.concurrent.atomic.AtomicBoolean();
        Halves.afterNextTask(() -> {
            jobThread[0] = Thread.currentThread();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            jobDone.set(true);
        });
        assertThat(Halves.acquire()).isTrue();
        java.util.concurrent.atomic.AtomicBoolean oneDone = new java.util.concurrent.atomic.AtomicBoolean();
        Halves.run(half -> {
            if (half == 1) {
                oneDone.set(true);
            } else {
                while (!oneDone.get()) {
                    Thread.onSpinWait();
                }
            }
        });
        // the caller is back while the job still waits: it runs after the worker's half
        assertThat(jobDone.get()).isFalse();
        // meanwhile the caller does the next tasks' halves 1 itself instead of waiting for the job
        Thread[] ran = new Thread[1];
        for (int i = 0; i < 3; i++) {
            assertThat(Halves.acquire()).isTrue();
            Halves.run(half -> {
                if (half == 1) {
                    ran[0] = Thread.currentThread();
                }
            });
            assertThat(ran[0]).isSameAs(Thread.currentThread());
        }
        assertThat(jobDone.get()).isFalse();
        release.countDown();
        long until = System.nanoTime() + 10_000_000_000L;
        while (!jobDone.get() && System.nanoTime() < until) {
            Thread.sleep(1);
        }
        assertThat(jobDone.get()).isTrue();
        assertThat(jobThread[0]).isNotNull().isNotSameAs(Thread.currentThread());

        // a thread alone does not leave jobs for the worker
        boolean[] ran2 = new boolean[1];
        Halves.alone(() -> Halves.afterNextTask(() -> ran2[0] = true));
        assertThat(Halves.acquire()).isTrue();
        Halves.run(half -> { });
        assertThat(Halves.acquire()).isTrue();
        Halves.run(half -> { });
        assertThat(ran2[0]).isFalse();
    }
}
