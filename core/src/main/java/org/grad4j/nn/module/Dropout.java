package org.grad4j.nn.module;

import java.util.Random;
import org.grad4j.autograd.Tensor;

/**
 * Inverted dropout ({@link org.grad4j.nn.functions.Dropout}) in training mode, the identity in
 * evaluation mode, as {@code torch.nn.Dropout}; the masks are drawn from {@code rng}.
 */
public final class Dropout extends Module {

    private final org.grad4j.nn.functions.Dropout function;
    private final double p;

    /** @throws IllegalArgumentException {@code dropout probability has to be between 0 and 1, but got -0.1} */
    public Dropout(double p, Random rng) {
        this.function = new org.grad4j.nn.functions.Dropout(p, rng);
        this.p = p;
    }

    public double p() {
        return p;
    }

    @Override
    public LayerKind kind() {
        return LayerKind.DROPOUT;
    }

    @Override
    public Tensor forward(Tensor x) {
        return isTraining() && p > 0 ? function.apply(x) : x;
    }
}
