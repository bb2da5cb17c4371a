package org.grad4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A worker of one's own: each half runs exactly once whoever takes it, failures reach the caller,
 * workers are independent of each other, a closed or off one is never taken, and a {@link TwoCores#bind}
 * scope binds one to its thread only.
 */
class TwoCoresTest {
    static final double TOLERANCE = 1e-12;

    private TwoCores cores;

    @BeforeEach
    void start() {
        cores = TwoCores.start("test-two-cores");
        assertThat(cores.enabled()).isTrue(); // surefire runs with OPENBLAS_NUM_THREADS=1, as ./grad4j does
    }

    @AfterEach
    void close() {
        cores.close();
    }

    @ParameterizedTest
    @CsvSource({"false,false,101,50,784", "true,false,784,50,101", "false,true,99,60,700", "true,true,333,40,97"})
    void splitProductsEqualTheReference(boolean transA, boolean transB, int m, int n, int k) {
        assertThat((long) m * n * k).isGreaterThanOrEqualTo(Gemm.PARALLEL_PRODUCT);
        Random rng = new Random(11);
        Tensor a = transA ? Tensor.randn(k, m, 1, rng) : Tensor.randn(m, k, 1, rng);
        Tensor b = transB ? Tensor.randn(n, k, 1, rng) : Tensor.randn(k, n, 1, rng);
        Tensor c = Tensor.randn(m, n, 1, rng);
        Tensor expected = Tensor.copy(c);
        ReferenceGemm.gemm(transA, transB, 0.5, a, b, 2.0, expected);
        Gemm.gemm(cores, transA, transB, 0.5, a, b, 2.0, c);
        for (int i = 0; i < c.size(); i++) {
            double e = expected.data()[i];
            if (Math.abs(c.data()[i] - e) > TOLERANCE * (1 + Math.abs(e)) * k) {
                throw new AssertionError("index " + i + ": split " + c.data()[i] + ", reference " + e);
            }
        }
    }

    @Test
    void twoWorkersAreIndependentAndAClosedOneEndsItsThread() throws InterruptedException {
        Set<String> names = ConcurrentHashMap.newKeySet();
        AtomicInteger runs = new AtomicInteger();
        Thread worker;
        try (TwoCores other = TwoCores.start("test-other-worker")) {
            assertThat(cores.acquire()).isTrue(); // one worker is taken ...
            try {
                for (int i = 0; i < 200; i++) {
                    assertThat(other.acquire()).isTrue(); // ... and the other is not
                    other.run(half -> {
                        runs.incrementAndGet();
                        names.add(Thread.currentThread().getName());
                    });
                }
            } finally {
                cores.run(half -> { });
            }
            worker = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("test-other-worker")).findFirst().orElseThrow();
        }
        assertThat(runs.get()).isEqualTo(400); // each half exactly once
        assertThat(names).contains(Thread.currentThread().getName());
        worker.join(5_000);
        assertThat(worker.isAlive()).as("the worker's thread ends after close").isFalse();
    }

    @Test
    void aClosedOrOffWorkerIsNeverAcquired() {
        TwoCores own = TwoCores.start("test-closed");
        own.close();
        assertThat(own.acquire()).isFalse();
        try (TwoCores off = TwoCores.off()) {
            assertThat(off.enabled()).isFalse();
            assertThat(off.acquire()).isFalse();
        }
    }

    @Test
    void aBindScopeBindsTheWorkerToItsThreadOnlyAndRestoresTheOuterOne() throws InterruptedException {
        assertThat(TwoCores.current().acquire()).as("no worker outside a scope").isFalse();
        try (TwoCores inner = TwoCores.start("test-inner")) {
            try (TwoCores.Scope outer = cores.bind()) {
                assertThat(TwoCores.current()).isSameAs(cores);
                TwoCores[] seen = new TwoCores[1];
                Thread other = new Thread(() -> seen[0] = TwoCores.current());
                other.start();
                other.join();
                assertThat(seen[0]).as("another thread's binding").isNotSameAs(cores);
                assertThat(seen[0].acquire()).isFalse();
                try (TwoCores.Scope nested = inner.bind()) {
                    assertThat(TwoCores.current()).isSameAs(inner);
                }
                assertThat(TwoCores.current()).isSameAs(cores);
            }
        }
        assertThat(TwoCores.current().enabled()).isFalse();
    }

    @Test
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
                assertThat(cores.acquire()).isTrue();
                ran[0] = null;
                ran[1] = null;
                AtomicBoolean oneDone = new AtomicBoolean();
                cores.run(half -> {
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

    @Test
    void everyHalfRunsExactlyOnceWhoeverTakesIt() {
        // quick tasks: the caller often finishes half 0 before the worker has looked, and takes half 1
        AtomicIntegerArray runs = new AtomicIntegerArray(2);
        int tasks = 20_000;
        for (int i = 0; i < tasks; i++) {
            assertThat(cores.acquire()).isTrue();
            cores.run(runs::incrementAndGet);
        }
        assertThat(runs.get(0)).isEqualTo(tasks);
        assertThat(runs.get(1)).isEqualTo(tasks);
    }

    @Test
    void everyHalfRunsExactlyOnceWithCallersOnTwoThreadsCompetingForTheWorker() throws InterruptedException {
        // a caller that finds the worker taken runs both halves itself; no half is lost or run twice
        AtomicIntegerArray runs = new AtomicIntegerArray(2);
        AtomicInteger shared = new AtomicInteger();
        int tasks = 5_000;
        Thread[] callers = new Thread[2];
        for (int c = 0; c < callers.length; c++) {
            callers[c] = new Thread(() -> {
                for (int i = 0; i < tasks; i++) {
                    if (cores.acquire()) {
                        shared.incrementAndGet();
                        cores.run(runs::incrementAndGet);
                    } else {
                        runs.incrementAndGet(0);
                        runs.incrementAndGet(1);
                    }
                }
            });
            callers[c].start();
        }
        for (Thread t : callers) {
            t.join();
        }
        assertThat(runs.get(0)).isEqualTo(2 * tasks);
        assertThat(runs.get(1)).isEqualTo(2 * tasks);
        assertThat(shared.get()).isPositive();
    }

    @Test
    void aFailureInEitherHalfReachesTheCaller() {
        for (int failing = 0; failing < 2; failing++) {
            int f = failing;
            assertThat(cores.acquire()).isTrue();
            assertThatThrownBy(() -> cores.run(half -> {
                if (half == f) {
                    throw new IllegalStateException("half " + f);
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("half " + f);
            // the worker is free again
            assertThat(cores.acquire()).isTrue();
            cores.run(half -> { });
        }
    }

    @Test
    void aJobAfterTheNextTaskRunsOnTheWorkerWhileTheCallerTakesTheTasksAfterIt() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread[] jobThread = new Thread[1];
        AtomicBoolean jobDone = new AtomicBoolean();
        cores.afterNextTask(() -> {
            jobThread[0] = Thread.currentThread();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            jobDone.set(true);
        });
        assertThat(cores.acquire()).isTrue();
        AtomicBoolean oneDone = new AtomicBoolean();
        cores.run(half -> {
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
            assertThat(cores.acquire()).isTrue();
            cores.run(half -> {
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

        // a worker that is off leaves no job
        boolean[] ran2 = new boolean[1];
        try (TwoCores off = TwoCores.off()) {
            off.afterNextTask(() -> ran2[0] = true);
        }
        assertThat(ran2[0]).isFalse();
    }
}
