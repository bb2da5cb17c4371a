package org.grad4j.autograd;

/**
 * A scope in which operations are not recorded (as {@code torch.no_grad()}), for evaluation and
 * parameter updates; per thread, nestable:
 * <pre>{@code
 * try (NoGrad off = new NoGrad()) {
 *     Tensor scores = model.forward(x);    // no graph is built
 * }
 * }</pre>
 */
public final class NoGrad implements AutoCloseable {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final int[] depth;
    private boolean closed;

    /** Enters the scope on the calling thread. */
    public NoGrad() {
        depth = DEPTH.get();
        depth[0]++;
    }

    /** Whether operations on the calling thread are recorded now. */
    public static boolean gradEnabled() {
        return DEPTH.get()[0] == 0;
    }

    /** Whether an operation on these inputs is recorded: grad mode on and some input requires grad. */
    static boolean recording(Tensor a) {
        return a.requiresGrad() && gradEnabled();
    }

    static boolean recording(Tensor a, Tensor b) {
        return (a.requiresGrad() || b.requiresGrad()) && gradEnabled();
    }

    static boolean recording(Tensor[] ts) {
        for (Tensor t : ts) {
            if (t.requiresGrad()) {
                return gradEnabled();
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            depth[0]--;
        }
    }
}
