package org.grad4j.nn.loss;

import org.grad4j.autograd.Tensor;

/** A loss: a scalar tensor from a prediction and a target, recorded for backward through the prediction. */
public interface Loss {

    /** The loss of {@code prediction} against {@code target}, as a scalar tensor. */
    Tensor forward(Tensor prediction, Tensor target);

    /** What a planner may rely on about a loss. */
    enum Kind { CROSS_ENTROPY, MSE, BCE_WITH_LOGITS, OTHER }

    /** {@link Kind#OTHER} unless overridden. */
    default Kind kind() {
        return Kind.OTHER;
    }

    /** Whether {@link #forward(Tensor, int[])} takes class indices. */
    default boolean takesClassIndices() {
        return false;
    }

    /**
     * The loss against class indices.
     *
     * @throws UnsupportedOperationException when {@link #takesClassIndices()} is false
     */
    default Tensor forward(Tensor prediction, int[] classes) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not take class indices");
    }
}
