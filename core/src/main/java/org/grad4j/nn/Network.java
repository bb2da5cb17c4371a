package org.grad4j.nn;

import java.util.List;
import org.grad4j.tensor.Tensor;

/**
 * A classifier trained by gradient descent: scores from {@link #predict}, the softmax cross-entropy
 * {@link #loss}, its exact gradient by backpropagation ({@link #gradient}) or by central differences
 * ({@link #numericalGradient}), stored in the {@link Parameter#grad() grad} tensors of
 * {@link #parameters()}.
 *
 * <p>A training step allocates nothing once warm:
 * <pre>{@code
 * Ops.gatherRows(xTrain, order, from, batch, xBatch);   // and the labels into tBatch
 * net.gradient(xBatch, tBatch);
 * optimizer.step(net.paramArrays(), net.gradArrays());
 * }</pre>
 * A network is not thread-safe (its layers keep buffers).
 */
public interface Network {

    /** The class scores (before softmax) for each row of {@code x}, as a new tensor. */
    Tensor predict(Tensor x);

    /** Mean softmax cross-entropy over the rows of {@code x} against class indices {@code t}. */
    double loss(Tensor x, int[] t);

    /** Fraction of rows whose highest score is at the label; computed in chunks to bound memory. */
    double accuracy(Tensor x, int[] t);

    /** Backpropagation: fills every parameter's gradient and returns the loss. Allocates nothing once warm. */
    double gradient(Tensor x, int[] t);

    /**
     * The book's numerical gradient: for each weight {@code w}, {@code (L(w + h) - L(w - h)) / 2h} with
     * {@code h = 1e-4}, stored into the gradients (overwriting them). Weights are perturbed in place and
     * restored exactly, so the parameters end bit-identical; with {@code threads > 1} each thread works on
     * its own copy of the network.
     */
    void numericalGradient(Tensor x, int[] t, int threads);

    /** The parameters in order W1, b1, W2, b2, ... (the same list and tensors on every call). */
    List<Parameter> parameters();

    /** The parameters' backing arrays, in {@link #parameters()} order (the same arrays on every call). */
    double[][] paramArrays();

    /** The same network as a module over this network's parameter arrays (not copies). */
    org.grad4j.nn.module.Module asModule();

    /** The gradients' backing arrays, in {@link #parameters()} order (the same arrays on every call). */
    double[][] gradArrays();
}
