package org.grad4j.nn;

import org.grad4j.tensor.Tensor;

/**
 * One differentiable stage of a network, after the book's {@code common/layers.py}.
 *
 * <p>{@link #forward} keeps what {@link #backward} needs (the input by reference: it must not be
 * changed between the two calls). Both return a buffer owned by the layer, reused by the next call
 * with the same batch size, so a training step allocates nothing once the buffers exist. Callers that
 * keep a result past the next call must copy it. {@code backward} never writes into {@code dout}.
 */
public interface Layer {

    /** The layer's output for the batch {@code x} (one example per row); {@code x} is not modified. */
    Tensor forward(Tensor x);

    /**
     * The gradient of the loss with respect to the last input, given {@code dout}, its gradient with
     * respect to the last output; parameter gradients are stored as a side effect. {@code dout} is
     * not modified. May return null when the layer was told not to compute it ({@link Affine}).
     */
    Tensor backward(Tensor dout);
}
