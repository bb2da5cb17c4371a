package org.grad4j.optim;

/** Per-parameter state arrays of optimizers ("slots"), allocated with the shapes of the parameters. */
final class Slots {

    private Slots() {
    }

    /**
     * Checks that {@code grads} matches {@code params} position by position, and that the state (if
     * any) was allocated for arrays of the same lengths.
     */
    static void check(double[][] params, double[][] grads, double[][] state) {
        if (params.length != grads.length) {
            throw new IllegalArgumentException(
                    "step: " + params.length + " parameter arrays but " + grads.length + " gradient arrays");
        }
        for (int i = 0; i < params.length; i++) {
            if (params[i].length != grads[i].length) {
                throw new IllegalArgumentException("step: params[" + i + "] has length " + params[i].length
                        + " but grads[" + i + "] has length " + grads[i].length);
            }
        }
        if (state != null) {
            if (state.length != params.length) {
                throw new IllegalArgumentException("step: optimizer state holds " + state.length
                        + " arrays but " + params.length + " parameter arrays were passed (call reset() first)");
            }
            for (int i = 0; i < params.length; i++) {
                if (state[i].length != params[i].length) {
                    throw new IllegalArgumentException("step: optimizer state for params[" + i + "] has length "
                            + state[i].length + " but params[" + i + "] has length " + params[i].length
                            + " (call reset() first)");
                }
            }
        }
    }

    /** Arrays of the same lengths as {@code params}, each filled with {@code value}. */
    static double[][] like(double[][] params, double value) {
        double[][] s = new double[params.length][];
        for (int i = 0; i < params.length; i++) {
            s[i] = new double[params[i].length];
            if (value != 0) {
                java.util.Arrays.fill(s[i], value);
            }
        }
        return s;
    }
}
