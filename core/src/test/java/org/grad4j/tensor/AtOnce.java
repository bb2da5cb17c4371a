package org.grad4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** For tests: runs computations at the same time, each on a thread of its own started at one barrier. */
public final class AtOnce {
    private AtOnce() {}

    /**
     * Runs every task on its own thread ({@code name-0}, {@code name-1}, ...), all released together,
     * and returns their results in the tasks' order; fails if a thread is not done {@code millis} after
     * the others, and rethrows (as an {@link AssertionError}) what a task threw.
     */
    public static <T> List<T> run(String name, long millis, List<Callable<T>> tasks) throws InterruptedException {
        int n = tasks.size();
        List<AtomicReference<T>> results = new ArrayList<>(n);
        List<AtomicReference<Throwable>> failures = new ArrayList<>(n);
        CyclicBarrier start = new CyclicBarrier(n);
        Thread[] threads = new Thread[n];
        for (int k = 0; k < n; k++) {
            AtomicReference<T> result = new AtomicReference<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            results.add(result);
            failures.add(failure);
            Callable<T> task = tasks.get(k);
            threads[k] = new Thread(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                    result.set(task.call());
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, name + "-" + k);
            threads[k].start();
        }
        for (Thread th : threads) {
            th.join(millis);
            assertThat(th.isAlive()).as(th.getName() + " finished").isFalse();
        }
        for (AtomicReference<Throwable> f : failures) {
            if (f.get() != null) {
                throw new AssertionError(f.get());
            }
        }
        List<T> out = new ArrayList<>(n);
        for (AtomicReference<T> r : results) {
            out.add(r.get());
        }
        return out;
    }
}
