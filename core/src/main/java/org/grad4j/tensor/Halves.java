package org.grad4j.tensor;

/**
 * The JVM's shared second core ({@link #shared()}, a {@link TwoCores} started on first use) behind a
 * static API, for the callers that do not own a worker of their own. See {@link TwoCores} for how the
 * two halves of a computation are run and when splitting is on ({@code GRAD4J_THREADS}).
 *
 * <p>Safe for concurrent callers: one computation at a time takes the worker, the others run both
 * halves themselves; the kernels split their work the same way either way, so results do not depend
 * on which thread got the second core.
 */
public final class Halves {

    /** A computation in two parts; {@code run(0)} and {@code run(1)} may run at the same time. */
    public interface Task {
        void run(int half);
    }

    private static final TwoCores SHARED = TwoCores.start("grad4j-halves");

    private Halves() {}

    /** The JVM-wide worker that the static methods use. */
    public static TwoCores shared() {
        return SHARED;
    }

    /** Whether computations are split over two threads at all. */
    public static boolean enabled() {
        return SHARED.enabled();
    }

    /**
     * Takes the shared worker for one {@link #run}; false when splitting is off, the calling thread
     * is {@link #alone}, or the worker is in use, in which case the caller computes both halves itself.
     */
    public static boolean acquire() {
        return SHARED.acquire();
    }

    /** {@link TwoCores#afterNextTask} on the shared worker. */
    public static void afterNextTask(Runnable job) {
        SHARED.afterNextTask(job);
    }

    /**
     * Runs {@code r} on this thread without a worker: every {@link #acquire()} it makes returns
     * false, also on a {@link TwoCores} of its own. For background work that should leave the second
     * core to the rest of the program; the kernels compute the same bits inside it. Several threads
     * may be inside it at once, and calls may nest.
     */
    public static void alone(Runnable r) {
        boolean was = TwoCores.ALONE.get();
        TwoCores.ALONE.set(Boolean.TRUE);
        try {
            r.run();
        } finally {
            TwoCores.ALONE.set(was);
        }
    }

    /** {@link TwoCores#run} on the shared worker; must follow a successful {@link #acquire()}. */
    public static void run(Task t) {
        SHARED.run(t);
    }
}
