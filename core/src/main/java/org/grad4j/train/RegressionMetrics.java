package org.grad4j.train;

/**
 * Errors of real-valued predictions {@code p} against targets {@code y}, over {@code n} examples of
 * {@code k} outputs each (row-major arrays of {@code n * k}):
 * <pre>{@code
 * mse = (1 / nk) sum_ik (y_ik - p_ik)^2                       PyTorch's MSELoss (mean over all elements)
 * mae = (1 / nk) sum_ik |y_ik - p_ik|                          PyTorch's L1Loss
 * r2  = (1 / k) sum_k (1 - sum_i (y_ik - p_ik)^2 / sum_i (y_ik - mean_k)^2)
 * }</pre>
 * {@code r2} is scikit-learn's {@code r2_score(multioutput='uniform_average')}: the coefficient of
 * determination of each output, averaged; for an output whose targets are all equal it is 1 when
 * every prediction is exact and 0 otherwise (scikit-learn's {@code force_finite=True}).
 *
 * @param mse mean squared error
 * @param mae mean absolute error
 * @param r2 coefficient of determination
 * @param count examples {@code n}
 */
public record RegressionMetrics(double mse, double mae, double r2, long count) {

    /**
     * The metrics of {@code predictions} against {@code targets}, {@code outputs} values per example
     * (two passes over the targets for their means). Neither array is modified.
     *
     * @throws IllegalArgumentException if the lengths differ, are not a multiple of {@code outputs}, or are 0
     */
    public static RegressionMetrics of(double[] targets, double[] predictions, int outputs) {
        int n = rows(targets, predictions, outputs);
        double[] mean = new double[outputs];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < outputs; k++) {
                mean[k] += targets[i * outputs + k];
            }
        }
        for (int k = 0; k < outputs; k++) {
            mean[k] /= n;
        }
        double[] ssRes = new double[outputs];
        double[] ssTot = new double[outputs];
        double abs = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < outputs; k++) {
                double y = targets[i * outputs + k];
                double e = y - predictions[i * outputs + k];
                ssRes[k] += e * e;
                abs += Math.abs(e);
                double d = y - mean[k];
                ssTot[k] += d * d;
            }
        }
        return finish(ssRes, ssTot, abs, n, outputs);
    }

    /** For one output per example. */
    public static RegressionMetrics of(double[] targets, double[] predictions) {
        return of(targets, predictions, 1);
    }

    private static RegressionMetrics finish(double[] ssRes, double[] ssTot, double abs, long n, int outputs) {
        double sq = 0;
        double r2 = 0;
        for (int k = 0; k < outputs; k++) {
            sq += ssRes[k];
            r2 += ssTot[k] != 0 ? 1 - ssRes[k] / ssTot[k] : (ssRes[k] == 0 ? 1 : 0);
        }
        double elements = (double) n * outputs;
        return new RegressionMetrics(sq / elements, abs / elements, r2 / outputs, n);
    }

    private static int rows(double[] targets, double[] predictions, int outputs) {
        if (outputs < 1) {
            throw new IllegalArgumentException("Invalid number of outputs: " + outputs);
        }
        if (targets.length != predictions.length) {
            throw new IllegalArgumentException("regression metrics: " + targets.length + " targets but "
                    + predictions.length + " predictions");
        }
        if (targets.length == 0 || targets.length % outputs != 0) {
            throw new IllegalArgumentException("regression metrics: " + targets.length + " values do not make rows of "
                    + outputs + " outputs");
        }
        return targets.length / outputs;
    }

    /**
     * The same metrics gathered batch by batch without allocating (the targets' means by Welford's
     * update, {@code m2 += d * (y - mean)} after {@code mean += d / n}), for an evaluation that never
     * holds all predictions at once. Agrees with {@link RegressionMetrics#of} to rounding. Not
     * thread-safe.
     */
    public static final class Accumulator {
        private final int outputs;
        private final double[] mean;
        private final double[] m2;
        private final double[] ssRes;
        private double abs;
        private long n;

        /** An empty accumulator of {@code outputs} values per example. */
        public Accumulator(int outputs) {
            if (outputs < 1) {
                throw new IllegalArgumentException("Invalid number of outputs: " + outputs);
            }
            this.outputs = outputs;
            this.mean = new double[outputs];
            this.m2 = new double[outputs];
            this.ssRes = new double[outputs];
        }

        /** Adds examples {@code 0..count-1} of a batch (row-major, {@code outputs} per example). */
        public void add(double[] targets, double[] predictions, int count) {
            long need = (long) count * outputs;
            if (count < 0 || need > targets.length || need > predictions.length) {
                throw new IndexOutOfBoundsException("regression metrics: " + count + " rows of " + outputs
                        + ", but " + targets.length + " targets and " + predictions.length + " predictions");
            }
            for (int i = 0; i < count; i++) {
                n++;
                for (int k = 0; k < outputs; k++) {
                    double y = targets[i * outputs + k];
                    double e = y - predictions[i * outputs + k];
                    ssRes[k] += e * e;
                    abs += Math.abs(e);
                    double d = y - mean[k];
                    mean[k] += d / n;
                    m2[k] += d * (y - mean[k]);
                }
            }
        }

        /** Examples added. */
        public long count() {
            return n;
        }

        /**
         * The metrics of everything added so far.
         *
         * @throws IllegalStateException if nothing was added
         */
        public RegressionMetrics result() {
            if (n == 0) {
                throw new IllegalStateException("regression metrics: no examples");
            }
            return finish(ssRes, m2, abs, n, outputs);
        }

        /** Forgets everything added. */
        public void clear() {
            java.util.Arrays.fill(mean, 0);
            java.util.Arrays.fill(m2, 0);
            java.util.Arrays.fill(ssRes, 0);
            abs = 0;
            n = 0;
        }
    }
}
