package org.grad4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PreloadTest {

    @Test
    void thePreloadRunsTheKernelsWithoutChangingAnything() throws InterruptedException {
        Preload.run();
        Preload.inBackground();
        Preload.inBackground(); // a second call does nothing
        long threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("grad4j-preload")).count();
        assertThat(threads).isLessThanOrEqualTo(1);
        // the kernels still compute what they did
        Tensor a = Tensor.of(new double[] {0.5, -1.0, 2.0, 0.25}, 2, 2);
        assertThat(Gemm.matmul(a, a, null).data()).containsExactly(-1.75, -0.75, 1.5, -1.9375);
        assertThat(Ops.sigmoid(Tensor.of(0.0), null).data()).containsExactly(0.5);
    }
}
