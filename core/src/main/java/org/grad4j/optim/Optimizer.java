package org.grad4j.optim;

/**
 * An update rule for parameters from their gradients, shared by gradient descent on functions
 * and by network training.
 *
 * <p>Parameters are flat {@code double[]} arrays. {@link #step} modifies {@code params[i]} in place
 * and never modifies {@code grads[i]}. State (velocities, moment estimates) is allocated on the
 * first step and kept per position {@code i}, so the same arrays must be passed on every step.
 */
public interface Optimizer {

    /** Updates every {@code params[i]} in place from {@code grads[i]}; the gradients are not modified. */
    void step(double[][] params, double[][] grads);

    /**
     * Whether {@link #step} is exactly {@code p -= lr * g} (SGD without momentum or weight decay), so
     * that a fused step may apply it itself. False unless overridden.
     */
    default boolean plainSgd() {
        return false;
    }

    /**
     * A copy of the state the next {@link #step} depends on, by slot name: per-parameter arrays
     * ({@code state.get("exp_avg")[i]} belongs to {@code params[i]}) and counters as {@code {{t}}}.
     * Empty for a stateless optimizer or before the first step. With {@link #loadState} it lets a
     * resumed run continue exactly.
     */
    default java.util.Map<String, double[][]> state() {
        return java.util.Map.of();
    }

    /**
     * Restores a {@link #state()} (copied in); an empty map is the state before the first step.
     *
     * @throws IllegalArgumentException naming a slot this optimizer does not have
     */
    default void loadState(java.util.Map<String, double[][]> state) {
        if (!state.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " keeps no state, got " + state.keySet());
        }
    }

    /** The current learning rate. */
    double lr();

    /** Sets the learning rate (used by schedules). */
    void setLr(double lr);

    /** Forgets all state, as if no step had been taken. */
    void reset();
}
