package org.grad4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.util.Random;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;
import org.grad4j.data.Sampling;
import org.grad4j.nn.Activation;
import org.grad4j.nn.TwoLayerNet;
import org.grad4j.optim.Adam;
import org.grad4j.optim.Sgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WarmupTest {

    private static TwoLayerNet net(long seed) {
        return new TwoLayerNet(784, 50, 10, 0.01, Activation.SIGMOID, new Random(seed));
    }

    private static void awaitSteps(Warmup w, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (w.steps() < n && w.failure() == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @ParameterizedTest
    @EnumSource(value = InputMode.class, names = {"DENSE", "SPARSE", "AUTO"})
    void trainsTheSpareNetworkUntilClosed(InputMode mode) throws Exception {
        TwoLayerNet spare = net(1);
        double[] w1 = spare.paramArrays()[0].clone();
        Warmup w = Warmup.start(spare, new Sgd(0.1), TrainSettings.book(), mode, 0.19);
        awaitSteps(w, 3);
        w.close();
        int steps = w.steps();
        assertThat(w.failure()).isNull();
        assertThat(steps).isGreaterThanOrEqualTo(3);
        assertThat(spare.paramArrays()[0]).isNotEqualTo(w1);
        Thread.sleep(20);
        assertThat(w.steps()).as("no step after close").isEqualTo(steps);
    }

    @Test
    void aModeThatCannotBeUsedIsAFailureNotAnException() {
        TrainSettings numerical = TrainSettings.book().withGradient(GradientMode.NUMERICAL, 1);
        Warmup w = Warmup.start(net(1), new Sgd(0.1), numerical, InputMode.SPARSE, 0.19);
        w.close();
        assertThat(w.failure()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sparse input works with the backprop gradient only");
        assertThat(w.steps()).isZero();
    }

    @Test
    void stopsByItselfAtItsLimits() throws Exception {
        Warmup w = Warmup.start(net(1), new Adam(0.001), TrainSettings.book().withBatch(10), InputMode.DENSE, 0.5);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (w.running() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(w.running()).isFalse();
        w.close();
        assertThat(w.steps()).isPositive().isLessThanOrEqualTo(Warmup.MAX_STEPS);
        assertThat(w.failure()).isNull();
    }

    @Test
    void theRealRunIsTheSameWithOrWithoutAWarmupBeforeIt() throws IOException {
        Dataset sample = Datasets.sample();
        TrainSettings s = TrainSettings.book().withIterations(60).withSampling(Sampling.REPLACEMENT).withEvalEvery(30);

        TwoLayerNet cold = net(7);
        TrainResult a = new Trainer(cold, new Sgd(0.1), sample, s).input(InputMode.DENSE).run(TrainListener.NONE);

        Warmup w = Warmup.start(net(8), new Sgd(0.1), s, InputMode.DENSE, 0.19);
        TwoLayerNet warm = net(7);
        w.close();
        TrainResult b = new Trainer(warm, new Sgd(0.1), sample, s).input(InputMode.DENSE).run(TrainListener.NONE);

        assertThat(b.history().loss()).containsExactly(a.history().loss());
        for (int i = 0; i < cold.paramArrays().length; i++) {
            assertThat(warm.paramArrays()[i]).containsExactly(cold.paramArrays()[i]);
        }
        assertThat(b.testAccuracy()).isEqualTo(a.testAccuracy());
    }

    @Test
    void madeUpDataHasTheShapeAndDensityAskedFor() {
        Dataset d = Warmup.madeUp(784, 10, 0.19, new Random(3));
        assertThat(d.features()).isEqualTo(784);
        assertThat(d.train().size()).isEqualTo(Warmup.EXAMPLES);
        assertThat(d.train().density()).isCloseTo(0.19, offset(0.005));
        for (int i = 0; i < d.train().size(); i++) {
            assertThat(d.train().label(i)).isBetween(0, 9);
        }
    }
}
