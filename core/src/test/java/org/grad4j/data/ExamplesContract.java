package org.grad4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Examples} promises a training loop: rows gathered by index into the start of a
 * buffer, in index order, equal to the element-wise expectation; labels and targets likewise; bounds
 * checked; nothing allocated per gather.
 */
abstract class ExamplesContract {

    /** ThreadMXBean's own bookkeeping may show up as a few bytes; one batch row alone is more. */
    private static final long SLACK_BYTES = 1024;

    /** The examples under test: at least 10 rows. */
    abstract Examples examples();

    /** What feature {@code j} of row {@code i} must be. */
    abstract double expectedFeature(int i, int j);

    /** What the target row of example {@code i} must be ({@link Examples#gatherTargets}). */
    abstract double[] expectedTargets(int i);

    /** The label of example {@code i}, or -1 for regression. */
    abstract int expectedLabel(int i);

    @Test
    void gatherFeaturesWritesTheRowsInIndexOrder() {
        Examples e = examples();
        int f = e.features();
        int[] idx = {-1, 7, 2, 7, 0};
        double[] out = new double[3 * f + 1];
        out[3 * f] = 42;
        e.gatherFeatures(idx, 1, 3, out);
        int[] rows = {7, 2, 7};
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < f; j++) {
                assertThat(out[r * f + j]).as("row %d feature %d", rows[r], j).isEqualTo(expectedFeature(rows[r], j));
            }
        }
        assertThat(out[3 * f]).as("past the rows").isEqualTo(42);
    }

    @Test
    void gatherTargetsAndLabels() {
        Examples e = examples();
        int w = e.targetWidth();
        int[] idx = {3, 9, 0};
        double[] t = new double[idx.length * w];
        e.gatherTargets(idx, 0, idx.length, t);
        for (int r = 0; r < idx.length; r++) {
            double[] row = java.util.Arrays.copyOfRange(t, r * w, (r + 1) * w);
            assertThat(row).as("targets of row %d", idx[r]).containsExactly(expectedTargets(idx[r]));
        }
        if (e.task() == Task.CLASSIFICATION) {
            int[] l = new int[idx.length];
            e.gatherLabels(idx, 0, idx.length, l);
            assertThat(l).containsExactly(expectedLabel(3), expectedLabel(9), expectedLabel(0));
            assertThat(e.targetWidth()).isEqualTo(e.classes());
        } else {
            assertThat(e.classes()).isZero();
            assertThatThrownBy(() -> e.gatherLabels(idx, 0, 1, new int[1]))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("not class labels");
        }
    }

    @Test
    void gatherChecksIndicesAndOutput() {
        Examples e = examples();
        int f = e.features();
        assertThatThrownBy(() -> e.gatherFeatures(new int[] {0, e.size()}, 0, 2, new double[2 * f]))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("index " + e.size());
        assertThatThrownBy(() -> e.gatherFeatures(new int[] {0, 1}, 0, 2, new double[2 * f - 1]))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("cannot hold 2 rows of " + f);
        assertThatThrownBy(() -> e.gatherTargets(new int[] {0}, 0, 2, new double[10 * e.targetWidth()]))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("outside an index array of length 1");
    }

    @Test
    void gatheringABatchAllocatesNothing() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Examples e = examples();
        int batch = 8;
        int[] idx = new int[batch];
        double[] x = new double[batch * e.features()];
        double[] t = new double[batch * e.targetWidth()];
        BatchSampler sampler = new BatchSampler(e.size(), batch, Sampling.SHUFFLE, 3);
        long thread = Thread.currentThread().getId();
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 10 && allocated >= SLACK_BYTES; round++) {
            long before = bean.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 2000; i++) {
                sampler.next(idx);
                e.gatherFeatures(idx, 0, batch, x);
                e.gatherTargets(idx, 0, batch, t);
            }
            allocated = bean.getThreadAllocatedBytes(thread) - before;
        }
        assertThat(allocated).as("bytes allocated by 2000 gathers once warm").isLessThan(SLACK_BYTES);
    }
}
