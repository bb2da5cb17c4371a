package org.grad4j.tensor;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A second core for the two halves of a computation, owned by whoever made it ({@link #start}) and
 * ended by its owner ({@link #close}): the calling thread does half 0 while one long-lived worker
 * thread does half 1. Used for the large matrix products of training, where handing work to a
 * general pool costs more than it saves: the worker spins between tasks that come in quick
 * succession (those of a training step) and otherwise sleeps until the caller wakes it.
 *
 * <p>Who owns one: a {@code Trainer} run starts one when it begins and closes it when it ends; its
 * plan (the fused step, the book's backprop, the autograd step), its optimizer's update and its
 * evaluations use it, given to them when they are made or, for code that cannot take it as a
 * parameter (autograd operations inside a module's {@code forward}, an optimizer's {@code step}),
 * bound to the training thread for the duration of the step ({@link #bind}). Nothing is shared
 * between owners: there is no JVM-wide worker. Code that is given none and runs outside a
 * {@link #bind} scope ({@link #current()} is then {@link #off()}) computes both halves on its own
 * thread, which gives the same bits.
 *
 * <p>Half 1 normally runs on the worker; but a caller that has finished half 0 and still finds half
 * 1 not started after {@link #STEAL_NANOS} does it itself (the worker is then descheduled: on a
 * two-core machine the JIT compiler, or another process, can hold the second core for milliseconds
 * while the program warms up). Either way each half runs exactly once and computes the same numbers,
 * so results do not depend on which thread ran it. A caller whose half 1 is under way on the worker
 * spins for up to {@link #WAIT_SPIN_NANOS} and then sleeps until the worker is done, which frees its
 * core for the worker should the two have ended up on one.
 *
 * <p>One computation at a time: when another thread holds the worker, or when splitting is off,
 * {@link #acquire()} returns false and the caller runs both halves itself, one after the other:
 * the kernels ({@link Gemm}, {@link SparseProduct}, the fused step and evaluation of
 * {@code org.grad4j.nn}, {@code Sgd}) split their work at the same places in both cases, so their
 * results do not depend on which thread, if any, got the second core. Nothing is allocated per task.
 *
 * <p>On by default when the machine has at least two processors and the BLAS does not run its own
 * threads (netlib's Java kernel, or native OpenBLAS with {@code OPENBLAS_NUM_THREADS=1}, as the
 * {@code grad4j} launcher sets it). {@code -Dgrad4j.threads=1} or {@code GRAD4J_THREADS=1} turns it
 * off, {@code 2} forces it on.
 */
public final class TwoCores implements AutoCloseable {

    /** A computation in two parts; {@code run(0)} and {@code run(1)} may run at the same time. */
    public interface Task {
        void run(int half);
    }

    /**
     * How long the idle worker spins before it sleeps ({@code -Dgrad4j.spin=NANOS}, default 200 us;
     * 0 never spins). It spins only while tasks come at shorter intervals than that (the three
     * tasks of a training step, tens of microseconds apart) and sleeps at once after a longer
     * pause, so that it does not take the core from the JIT compiler while the code is still slow.
     * Waking a sleeping worker took 10-20 us per task on the 2-core machine measured (three tasks
     * per training step).
     */
    private static final long SPIN_NANOS = Long.getLong("grad4j.spin", 200_000L);

    /**
     * How long a caller that has finished half 0 waits for the worker to start half 1 before it runs
     * half 1 itself ({@code -Dgrad4j.steal=NANOS}, default 50 us): a running worker starts within a
     * microsecond, or after the short job of {@link #afterNextTask}, or 10-20 us after a wake-up; a
     * descheduled one can take milliseconds.
     */
    private static final long STEAL_NANOS = Long.getLong("grad4j.steal", 50_000L);

    /**
     * How long a caller waits for the worker's half by spinning before it sleeps
     * ({@code -Dgrad4j.waitSpin=NANOS}, default 300 us): longer than the two halves of a step
     * usually differ, far shorter than the few milliseconds a descheduled worker can take.
     */
    private static final long WAIT_SPIN_NANOS = Long.getLong("grad4j.waitSpin", 300_000L);

    /** The process-wide setting (read once from the environment): whether new workers split at all. */
    static final boolean ENABLED = decide();

    /** No worker: what {@link #current()} returns on a thread without a {@link #bind} scope. */
    private static final TwoCores NONE = new TwoCores(false, null);

    /** The worker bound to each thread by {@link #bind}, or null. */
    private static final ThreadLocal<TwoCores> BOUND = new ThreadLocal<>();

    private final boolean enabled;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Task task;
    private volatile int posted;
    /** The last task whose half 1 a thread has taken; task {@code p} is free while this is {@code p - 1}. */
    private final AtomicInteger claimed = new AtomicInteger();
    private volatile int finished;
    private volatile boolean sleeping;
    private volatile boolean closed;
    /** The caller sleeping until the worker finishes, or null. */
    private volatile Thread waiting;
    private volatile Throwable failure;
    /** The job {@link #afterNextTask} left for the worker, or null. */
    private volatile Runnable afterwards;
    private final Thread worker;

    private TwoCores(boolean enabled, String name) {
        this.enabled = enabled;
        this.worker = enabled ? startWorker(name) : null;
    }

    /**
     * A worker of one's own (a daemon thread named {@code name}), on when the process-wide setting
     * is (see the class comment); the caller owns it and ends its thread with {@link #close}.
     */
    public static TwoCores start(String name) {
        return new TwoCores(ENABLED, name);
    }

    /** No worker: every {@link #acquire()} fails, so the kernels given it compute both halves on the caller's thread. */
    public static TwoCores off() {
        return new TwoCores(false, null);
    }

    /**
     * The worker bound to the calling thread by the innermost open {@link #bind} scope, else one that
     * is {@link #off()}. What the kernels use when they are not given a worker ({@link Gemm#gemm(boolean,
     * boolean, double, Tensor, Tensor, double, Tensor)}, {@code new SparseProduct()}, {@code Sgd.step},
     * the book's layers).
     */
    public static TwoCores current() {
        TwoCores c = BOUND.get();
        return c != null ? c : NONE;
    }

    /**
     * Binds this worker to the calling thread until the returned scope is closed (on the same
     * thread, in a try-with-resources): meanwhile {@link #current()} returns it there, and only there.
     * Scopes nest; closing one restores what was bound before. Binding does not start or end the
     * worker: its owner still closes it.
     * <pre>{@code
     * try (TwoCores cores = TwoCores.start("my-run"); TwoCores.Scope s = cores.bind()) {
     *     loss.forward(module.forward(x), t).backward();   // large products on two cores
     * }
     * }</pre>
     */
    public Scope bind() {
        Scope s = new Scope(BOUND.get());
        BOUND.set(this);
        return s;
    }

    /** A {@link #bind} scope; {@link #close} restores the thread's previous binding. */
    public static final class Scope implements AutoCloseable {
        private final TwoCores previous;

        private Scope(TwoCores previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (previous == null) {
                BOUND.remove();
            } else {
                BOUND.set(previous);
            }
        }
    }

    /** Whether computations are split over two threads at all. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Takes the worker for one {@link #run}; false when splitting is off or the worker is in use,
     * in which case the caller computes both halves itself.
     */
    public boolean acquire() {
        return enabled && !closed && busy.compareAndSet(false, true);
    }

    /**
     * Has the worker run {@code job} right after its half of the next {@link #run} (or, when the
     * caller took that half, as soon as the worker next looks), while the caller goes on with its
     * own work; a {@code run} that comes before the job ends waits for it up to {@link #STEAL_NANOS}
     * and then does its half 1 itself. For work that
     * may as well be done on the second core while the first computes something small, such as
     * reading the next batch into cache. A hint: if splitting is off, or the next task runs on one
     * thread, the job is dropped. Exceptions from the job are ignored.
     */
    public void afterNextTask(Runnable job) {
        if (enabled && !closed) {
            afterwards = job;
        }
    }

    /**
     * Runs {@code t.run(0)} here and {@code t.run(1)} on the worker, or here too when the worker has
     * not started it by the time half 0 is done; returns when both are done and releases the worker.
     * Must follow a successful {@link #acquire()}.
     */
    public void run(Task t) {
        try {
            failure = null;
            task = t;
            int p = posted + 1;
            posted = p;
            if (sleeping) {
                LockSupport.unpark(worker);
            }
            boolean stolen = false;
            try {
                t.run(0);
            } finally {
                // also when half 0 failed: the worker must be done before it is released
                stolen = awaitClaim(p);
                if (!stolen) {
                    awaitWorker(p);
                }
            }
            if (stolen) {
                t.run(1);
            }
            Throwable f = failure;
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error e) {
                throw e;
            }
        } finally {
            task = null;
            busy.set(false);
        }
    }

    /**
     * Waits up to {@link #STEAL_NANOS} for the worker to take half 1 of task {@code p}; returns true
     * when the caller has taken it instead.
     */
    private boolean awaitClaim(int p) {
        if (claimed.get() == p) {
            return false;
        }
        long deadline = System.nanoTime() + STEAL_NANOS;
        while (claimed.get() != p) {
            if (System.nanoTime() >= deadline) {
                return claimed.compareAndSet(p - 1, p);
            }
            Thread.onSpinWait();
        }
        return false;
    }

    /** Spins, then sleeps, until the worker has finished task {@code p}. */
    private void awaitWorker(int p) {
        long spinUntil = System.nanoTime() + WAIT_SPIN_NANOS;
        while (finished != p) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                waiting = Thread.currentThread();
                if (finished != p) {
                    LockSupport.park(this);
                }
                waiting = null;
            }
        }
    }

    private void work() {
        int seen = 0;
        long idleSince = System.nanoTime();
        long lastPause = Long.MAX_VALUE; // from the end of a task to the start of the next one
        while (!closed) {
            int p = posted;
            if (p != seen) {
                lastPause = System.nanoTime() - idleSince;
                seen = p;
                boolean mine = claimed.compareAndSet(p - 1, p);
                if (mine) {
                    try {
                        task.run(1);
                    } catch (Throwable e) {
                        failure = e;
                    }
                }
                Runnable job = afterwards;
                if (job != null) {
                    afterwards = null;
                }
                if (mine) {
                    finished = p;
                    Thread w = waiting;
                    if (w != null) {
                        LockSupport.unpark(w);
                    }
                }
                if (job != null) {
                    try {
                        job.run();
                    } catch (Throwable e) {
                        // a hint only
                    }
                }
                idleSince = System.nanoTime();
            } else if (lastPause > SPIN_NANOS || System.nanoTime() - idleSince > SPIN_NANOS) {
                sleeping = true;
                if (posted == seen && !closed) {
                    LockSupport.park(this);
                }
                sleeping = false;
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * Ends the worker's thread once it is idle; later {@link #acquire()} calls fail (the kernels then
     * compute both halves on the caller, with the same results). Call it when no {@link #run} is
     * under way.
     */
    @Override
    public void close() {
        closed = true;
        if (worker != null) {
            LockSupport.unpark(worker);
        }
    }

    private Thread startWorker(String name) {
        Thread t = new Thread(this::work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static boolean decide() {
        String forced = System.getProperty("grad4j.threads", System.getenv("GRAD4J_THREADS"));
        if (forced != null && !forced.isBlank()) {
            String f = forced.trim().toLowerCase(Locale.ROOT);
            if (!f.equals("1") && !f.equals("2")) {
                throw new IllegalArgumentException("grad4j.threads / GRAD4J_THREADS must be 1 or 2: " + forced);
            }
            return f.equals("2");
        }
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return false;
        }
        return !Blas.isNative() || "1".equals(System.getenv("OPENBLAS_NUM_THREADS"));
    }
}
