package org.grad4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A worker of one's own: independent of the shared one, and ended by {@link TwoCores#close}. */
class TwoCoresTest {

    @Test
    void anOwnWorkerIsFreeWhileTheSharedOneIsTakenAndStopsWhenClosed() throws InterruptedException {
        Set<String> names = ConcurrentHashMap.newKeySet();
        AtomicInteger runs = new AtomicInteger();
        Thread worker;
        try (TwoCores own = TwoCores.start("test-two-cores")) {
            assertThat(own.enabled()).isTrue(); // surefire runs with OPENBLAS_NUM_THREADS=1
            assertThat(Halves.acquire()).isTrue(); // the shared worker is taken ...
            try {
                for (int i = 0; i < 200; i++) {
                    assertThat(own.acquire()).isTrue(); // ... and this one is not
                    own.run(half -> {
                        runs.incrementAndGet();
                        names.add(Thread.currentThread().getName());
                    });
                }
            } finally {
                Halves.run(half -> { });
            }
            boolean[] inside = new boolean[1];
            Halves.alone(() -> inside[0] = own.acquire());
            assertThat(inside[0]).as("alone takes no worker of any owner").isFalse();
            worker = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("test-two-cores")).findFirst().orElseThrow();
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
}
