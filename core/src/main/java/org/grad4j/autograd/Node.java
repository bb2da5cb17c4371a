package org.grad4j.autograd;

/**
 * One recorded operation: its inputs (the parents in the graph), the tensors it saved for backward,
 * and its backward rule, which maps {@code dL/dout} to {@code dL/dinput} for each input (as
 * micrograd's {@code _backward}). A backward rule never writes into the incoming gradient.
 *
 * <p>Saved tensors are checked at backward: if one was modified in place since it was saved (its
 * {@link Tensor#version()} moved), backward is refused, since the gradient would silently be wrong.
 * After a backward without {@code retainGraph} the saved tensors are released and a second backward
 * through this node is refused.
 */
public abstract class Node {

    final String op;
    final Tensor[] inputs;
    private Tensor[] saved;
    private int[] savedVersions;
    private boolean freed;

    // Engine scratch: gradient gathered so far, whether the engine owns its array, DFS state.
    Tensor pending;
    boolean pendingOwned;
    boolean visited;

    protected Node(String op, Tensor... inputs) {
        this.op = op;
        this.inputs = inputs;
    }

    /** The operation's name, as used in error messages ({@code matmul}, {@code Affine}). */
    public String op() {
        return op;
    }

    /** Saves tensors for backward, recording their versions; returns this. */
    protected final Node save(Tensor... tensors) {
        saved = tensors;
        savedVersions = new int[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            savedVersions[i] = tensors[i].version[0];
        }
        return this;
    }

    /**
     * Saved tensor {@code i}.
     *
     * @throws IllegalStateException when it was modified in place after being saved
     */
    protected final Tensor saved(int i) {
        Tensor t = saved[i];
        if (t.version[0] != savedVersions[i]) {
            throw new IllegalStateException("backward: a tensor of shape " + Shape.str(t.shape) + " saved by " + op
                    + " was modified in place (version " + t.version[0] + ", saved at version "
                    + savedVersions[i] + "); modify a copy, or modify it after backward");
        }
        return t;
    }

    /** Whether input {@code i} wants a gradient. */
    protected final boolean needsGrad(int i) {
        return inputs[i].requiresGrad();
    }

    /**
     * {@code dL/dinput_i} for each input from {@code grad = dL/dout} (null where not needed), each of
     * its input's shape; must not modify {@code grad}.
     */
    protected abstract Tensor[] backward(Tensor grad);

    final void checkNotFreed() {
        if (freed) {
            throw new IllegalStateException("backward: trying to backward through the graph a second time (at "
                    + op + "): its saved tensors were freed by the first backward; pass retainGraph = true"
                    + " to the first backward to keep them");
        }
    }

    final void release() {
        saved = null;
        savedVersions = null;
        freed = true;
    }
}
