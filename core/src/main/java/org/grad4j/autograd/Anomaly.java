package org.grad4j.autograd;

/**
 * A scope in which every recorded-or-not operation checks its result for NaN and fails naming the
 * operation (as {@code torch.autograd.detect_anomaly}); backward then checks every gradient too.
 * Per thread, nestable; it costs a pass over each result, so it is for debugging.
 * <pre>{@code
 * try (Anomaly on = new Anomaly()) {
 *     loss = model.forward(x) ...;   // IllegalStateException: anomaly: log produced NaN at index 3 ...
 * }
 * }</pre>
 */
public final class Anomaly implements AutoCloseable {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final int[] depth;
    private boolean closed;

    /** Enters the scope on the calling thread. */
    public Anomaly() {
        depth = DEPTH.get();
        depth[0]++;
    }

    /** Whether anomaly detection is on for the calling thread. */
    public static boolean enabled() {
        return DEPTH.get()[0] > 0;
    }

    /** Fails if anomaly mode is on and {@code out} holds a NaN. */
    static void check(String op, Tensor out, Tensor... inputs) {
        if (!enabled()) {
            return;
        }
        double[] d = out.data;
        for (int i = 0; i < d.length; i++) {
            if (Double.isNaN(d[i])) {
                StringBuilder shapes = new StringBuilder();
                for (Tensor t : inputs) {
                    shapes.append(shapes.length() == 0 ? "" : " and ").append(Shape.str(t.shape));
                }
                throw new IllegalStateException("anomaly: " + op + " produced NaN at index " + i
                        + " of a result of shape " + Shape.str(out.shape) + " from inputs of shapes " + shapes);
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            depth[0]--;
        }
    }
}
