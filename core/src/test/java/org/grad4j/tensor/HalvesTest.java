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
    void tasksAfterShortAndLongPausesAllRunOnBothThreads() throws InterruptedException {
        // the worker spins after short pauses and sleeps after long ones; every task must still run
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
                Halves.run(half -> ran[half] = Thread.currentThread());
                assertThat(ran[0]).isSameAs(Thread.currentThread());
                assertThat(ran[1]).isNotNull().isNotSameAs(Thread.currentThread());
            }
            Thread.sleep(5);
        }
    }

    @org.junit.jupiter.api.Test
    void aJobAfterTheNextTaskRunsOnTheWorkerAndTheTaskAfterItWaits() throws InterruptedException {
        assertThat(Halves.enabled()).isTrue();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread[] jobThread = new Thread[1];
        boolean[] jobDone = new boolean[1];
        Halves.afterNextTask(() -> {
            jobThread[0] = Thread.currentThread();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            jobDone[0] = true;
        });
        assertThat(Halves.acquire()).isTrue();
        Halves.run(half -> { });
        // the caller is back while the job still waits: it runs after the worker's half
        assertThat(jobDone[0]).isFalse();
        release.countDown();
        boolean[] sawJobDone = new boolean[1];
        assertThat(Halves.acquire()).isTrue();
        Halves.run(half -> {
            if (half == 1) {
                sawJobDone[0] = jobDone[0];
            }
        });
        assertThat(sawJobDone[0]).as("the next task ran after the job").isTrue();
        assertThat(jobThread[0]).isNotNull().isNotSameAs(Thread.currentThread());

        // a thread alone does not leave jobs for the worker
        boolean[] ran = new boolean[1];
        Halves.alone(() -> Halves.afterNextTask(() -> ran[0] = true));
        assertThat(Halves.acquire()).isTrue();
        Halves.run(half -> { });
        assertThat(Halves.acquire()).isTrue();
        Halves.run(half -> { });
        assertThat(ran[0]).isFalse();
    }
}
