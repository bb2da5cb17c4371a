package org.grad4j.optim;

/** How a gradient-descent run ended. */
public enum Status {
    /** All requested steps were taken without meeting the tolerance or diverging. */
    MAX_STEPS("max-steps"),
    /** The gradient norm fell to the tolerance. */
    CONVERGED("converged"),
    /** The values became non-finite or blew up (see {@link GradientDescent} for the rule). */
    DIVERGED("diverged");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    /** The lower-case label used by the CLI: {@code max-steps}, {@code converged}, {@code diverged}. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
