package org.grad4j.train;

import java.util.Set;

/**
 * How one training step is computed for a given (module, loss, optimizer, data), as
 * {@link StepPlanner#plan} chose it: the book's fused two-core SGD step, or the generic autograd
 * step (forward, loss, backward, optimizer). Either way a step draws nothing itself: it takes the
 * batch's row indices and updates the module's parameters in place.
 */
public interface Plan {

    /** Which step this is. */
    enum Kind {
        /** {@code FeedForwardNet.sgdStep} over the module's arrays: forward, backward and update fused on two cores. */
        FUSED_SGD,
        /** The book's hand-written backprop ({@code FeedForwardNet.gradient}) on its network, then any optimizer. */
        BOOK_BACKPROP,
        /** The book's numerical gradient ({@code FeedForwardNet.numericalGradient}) and the optimizer. */
        BOOK_NUMERICAL,
        /** Autograd: {@code loss.forward(module.forward(x), target).backward()}, clipping, the optimizer. */
        GENERIC,
        /** Central differences of the loss over every parameter of any other module ({@code NumericalStep}), the optimizer. */
        NUMERICAL
    }

    Kind kind();

    /** Whether the step reads the training images' nonzero pixels ({@link InputMode#SPARSE}). */
    boolean sparse();

    /**
     * The names of the parameters whose {@code grad} tensor this step leaves unfilled: for
     * {@link Kind#FUSED_SGD} every parameter (the fused step keeps its gradients in buffers of its own,
     * the first layer's weight gradient is not even formed: its update is folded into the product).
     * {@link Kind#BOOK_BACKPROP} and {@link Kind#BOOK_NUMERICAL} too (their gradients are in the book's
     * network's buffers), and {@link Kind#NUMERICAL} (its gradients are in buffers of its own). Empty for {@link Kind#GENERIC}, which leaves every gradient in {@code grad()}.
     */
    Set<String> unfilledGradients();

    /**
     * One step on the training rows {@code idx[0..count)}; {@code next} holds the next step's rows
     * (the fused dense step starts reading them; others ignore it). Returns the batch's loss before
     * the update; when that is not finite, nothing was updated by a {@link Kind#FUSED_SGD} step.
     */
    double step(int[] idx, int[] next, int count);

    /** A one-line description for logs ("fused two-core SGD step (dense)", ...). */
    String description();
}
