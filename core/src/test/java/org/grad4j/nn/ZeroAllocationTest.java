package org.grad4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.grad4j.tensor.Blas;
import org.grad4j.tensor.Ops;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The training step of the book's ch. 5 (784-50-10 sigmoid, batch 100) allocates nothing once warm. */
class ZeroAllocationTest {

    /** ThreadMXBean's own bookkeeping may show up as a few bytes; a single batch tensor is 627 200. */
    private static final long SLACK_BYTES = 1024;

    private static final double LR = 0.1;

    /** Rounds of 100 steps allowed for the JIT to finish compiling the step. */
    private static final int ROUNDS = 10;

    /** {@code fused}: the step as {@code Trainer} runs plain SGD ({@link FeedForwardNet#sgdStep}). */
    @ParameterizedTest(name = "fused={0}")
    @ValueSource(booleans = {false, true})
    void trainStepAllocatesNothingAfterWarmUp(boolean fused) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Random rng = new Random(5);
        int n = 1000;
        int batch = 100;
        Tensor xTrain = Tensor.zeros(n, 784);
        for (int i = 0; i < xTrain.size(); i++) {
            xTrain.data()[i] = rng.nextDouble();
        }
        int[] tTrain = new int[n];
        for (int i = 0; i < n; i++) {
            tTrain[i] = rng.nextInt(10);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (i * 7919) % n;
        }
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, rng);
        Tensor xBatch = Tensor.zeros(batch, 784);
        int[] tBatch = new int[batch];

        double first = step(net, fused, xTrain, tTrain, order, 0, xBatch, tBatch);
        for (int i = 0; i < 200; i++) {
            step(net, fused, xTrain, tTrain, order, i, xBatch, tBatch);
        }
        // Warm-up ends when the JIT has compiled the step (escape analysis removes the temporaries of
        // netlib's Java kernel only then); natively it is the first round. Up to ROUNDS rounds.
        long thread = Thread.currentThread().getId();
        long allocated = Long.MAX_VALUE;
        double last = 0;
        for (int round = 0; round < ROUNDS && allocated >= SLACK_BYTES; round++) {
            long before = bean.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 100; i++) {
                last = step(net, fused, xTrain, tTrain, order, i, xBatch, tBatch);
            }
            allocated = bean.getThreadAllocatedBytes(thread) - before;
        }
        // netlib's Java kernel (VectorBLAS on JDK 17) boxes vectors until C2 has compiled each of its
        // dgemm paths, which for the 784-wide products takes well over ROUNDS * 100 steps; grad4j's own
        // code allocates nothing either way. With native BLAS (what Blas picks when OpenBLAS is there)
        // the step must be allocation-free.
        assumeTrue(Blas.isNative() || allocated < SLACK_BYTES,
                "netlib Java BLAS still allocating after warm-up: " + allocated + " bytes; " + Blas.description());
        assertThat(allocated).as("bytes allocated by 100 train steps").isLessThan(SLACK_BYTES);
        assertThat(last).as("the steps train").isLessThan(first);
    }

    private static double step(TwoLayerNet net, boolean fused, Tensor xTrain, int[] tTrain, int[] order, int iteration,
            Tensor xBatch, int[] tBatch) {
        int batch = tBatch.length;
        int from = (iteration * batch) % order.length;
        Ops.gatherRows(xTrain, order, from, batch, xBatch);
        for (int r = 0; r < batch; r++) {
            tBatch[r] = tTrain[order[from + r]];
        }
        if (fused) {
            return net.sgdStep(xBatch, tBatch, LR);
        }
        double loss = net.gradient(xBatch, tBatch);
        double[][] params = net.paramArrays();
        double[][] grads = net.gradArrays();
        for (int p = 0; p < params.length; p++) {
            double[] w = params[p];
            double[] g = grads[p];
            for (int i = 0; i < w.length; i++) {
                w[i] -= LR * g[i];
            }
        }
        return loss;
    }
}
