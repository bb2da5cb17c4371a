package org.grad4j.autograd;

/**
 * An operation with a hand-written backward, as {@code torch.autograd.Function}: {@link #forward}
 * computes the result from the input values (not recorded) and saves what backward needs in the
 * {@link Context}; {@link #backward} maps {@code dL/dout} to {@code dL/dinput} for each input. The
 * two are written next to each other, as the book's {@code layers.py} writes its layers:
 * <pre>{@code
 * final class Square extends Function {
 *     protected Tensor forward(Context ctx, Tensor... in) {
 *         ctx.saveForBackward(in[0]);
 *         return in[0].mul(in[0]);                       // y = x^2
 *     }
 *     protected Tensor[] backward(Context ctx, Tensor g) {
 *         return new Tensor[] {g.mul(ctx.saved(0)).mul(2)};   // dx = 2 x g
 *     }
 * }
 * Tensor y = new Square().apply(x);
 * }</pre>
 * A function object holds only hyperparameters and may be applied any number of times; what one
 * application saves lives in its context. Backward is checked against the forward with
 * {@link GradCheck}.
 */
public abstract class Function {

    /** The name used in error messages: the class's simple name. */
    public String name() {
        return getClass().getSimpleName();
    }

    /** The result from the inputs' values; runs with recording off. */
    protected abstract Tensor forward(Context ctx, Tensor... inputs);

    /**
     * {@code dL/dinput_i} for each input (null where {@link Context#needsInputGrad} is false), each of
     * the input's shape, from {@code grad = dL/dout}; must not modify {@code grad}. Runs with recording
     * off.
     */
    protected abstract Tensor[] backward(Context ctx, Tensor grad);

    /** Runs {@link #forward} and, when an input requires grad, records this function for backward. */
    public final Tensor apply(Tensor... inputs) {
        Context ctx = new Context(inputs);
        Tensor out;
        try (NoGrad off = new NoGrad()) {
            out = forward(ctx, inputs);
        }
        for (Tensor in : inputs) {
            if (out.data == in.data) {
                out = new Tensor(out.data, out.shape, out.version);
                break;
            }
        }
        if (NoGrad.recording(inputs)) {
            if (out.gradFn != null || out.requiresGrad()) {
                out = new Tensor(out.data, out.shape, out.version);
            }
            Function f = this;
            Node node = new Node(name(), inputs) {
                @Override
                protected Tensor[] backward(Tensor grad) {
                    ctx.checkVersions(this);
                    return f.backward(ctx, grad);
                }
            };
            ctx.node = node;
            out.gradFn = node.save();
        }
        Anomaly.check(name(), out, inputs);
        return out;
    }

    /** What one application of a function keeps between forward and backward. */
    public static final class Context {
        private final Tensor[] inputs;
        private Tensor[] saved = new Tensor[0];
        private int[] versions = new int[0];
        private Node node;

        Context(Tensor[] inputs) {
            this.inputs = inputs;
        }

        /** Saves tensors for backward; an in-place change to one of them makes backward fail. */
        public void saveForBackward(Tensor... tensors) {
            saved = tensors.clone();
            versions = new int[tensors.length];
            for (int i = 0; i < tensors.length; i++) {
                versions[i] = tensors[i].version[0];
            }
        }

        /** Saved tensor {@code i}. */
        public Tensor saved(int i) {
            if (saved == null) {
                throw new IllegalStateException("backward: the saved tensors of " + (node == null ? "a function"
                        : node.op) + " were freed by an earlier backward; pass retainGraph = true");
            }
            return saved[i];
        }

        /** The number of inputs of this application. */
        public int inputs() {
            return inputs.length;
        }

        /** Whether input {@code i} wants a gradient. */
        public boolean needsInputGrad(int i) {
            return inputs[i].requiresGrad();
        }

        void checkVersions(Node n) {
            for (int i = 0; i < saved.length; i++) {
                if (saved[i].version[0] != versions[i]) {
                    throw new IllegalStateException("backward: a tensor of shape " + Shape.str(saved[i].shape)
                            + " saved by " + n.op + " was modified in place (version " + saved[i].version[0]
                            + ", saved at version " + versions[i] + "); modify a copy, or modify it after backward");
                }
            }
        }
    }
}
