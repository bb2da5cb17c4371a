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

    /** A deep copy, or null for null. */
    static double[][] copy(double[][] a) {
        if (a == null) {
            return null;
        }
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** Puts a copy of {@code a} under {@code name} when it is not null. */
    static void put(java.util.Map<String, double[][]> out, String name, double[][] a) {
        if (a != null) {
            out.put(name, copy(a));
        }
    }

    /** A copy of slot {@code name}, or null when absent. */
    static double[][] get(java.util.Map<String, double[][]> in, String name) {
        return copy(in.get(name));
    }

    /** A counter stored as {@code {{t}}}, or 0 when absent. */
    static long counter(java.util.Map<String, double[][]> in, String name) {
        double[][] a = in.get(name);
        return a == null ? 0 : (long) a[0][0];
    }

    /** Refuses slots other than {@code known}. */
    static void checkNames(String who, java.util.Map<String, double[][]> in, String... known) {
        for (String k : in.keySet()) {
            if (!java.util.Arrays.asList(known).contains(k)) {
                throw new IllegalArgumentException(who + ": unknown state slot '" + k + "' (expected "
                        + String.join(", ", known) + ")");
            }
        }
    }
}
