package org.grad4j.diff;

/** Whether arrays hold only finite numbers. */
final class Finite {
    private Finite() {
    }

    static boolean all(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static boolean all(double[][] values) {
        for (double[] row : values) {
            if (!all(row)) {
                return false;
            }
        }
        return true;
    }
}
