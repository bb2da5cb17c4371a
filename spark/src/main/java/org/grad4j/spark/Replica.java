package org.grad4j.spark;

import org.grad4j.data.Examples;
import org.grad4j.nn.module.Module;
import org.grad4j.train.BatchGradient;

/**
 * A task's copy of the model: the module built from a {@link ModelSpec} and the broadcast weights,
 * and how its gradient is computed ({@link org.grad4j.train.StepPlanner#gradient}: the book's
 * backprop for the book's networks, autograd otherwise).
 */
final class Replica {
    private final double[][] params;
    private final BatchGradient gradient;

    Replica(Module module, BatchGradient gradient) {
        this.params = ModelSpec.arraysOf(module);
        this.gradient = gradient;
    }

    /** The parameter arrays, modified in place by an optimizer. */
    double[][] params() {
        return params;
    }

    /** The gradient arrays of the last {@link #gradient}, positions matching {@link #params()}. */
    double[][] grads() {
        return gradient.grads();
    }

    /** Fills {@link #grads()} with the gradient of the mean loss over the rows {@code idx[0..count)} of {@code data}; returns that loss. */
    double gradient(Examples data, int[] idx, int count) {
        return gradient.compute(data, idx, count);
    }
}
