package org.grad4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Random;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;
import org.grad4j.data.Split;
import org.grad4j.nn.Activation;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.Network;
import org.grad4j.nn.TwoLayerNet;
import org.grad4j.tensor.Ops;
import org.junit.jupiter.api.Test;

/** {@link Evaluation}: the two-core paths of a {@link FeedForwardNet} against the layer-by-layer ones. */
class EvaluationTest {

    @Test
    void feedForwardPathGivesThePredictionsOfTheGenericPath() throws Exception {
        Dataset data = Datasets.sample();
        Split test = data.test(); // 2 000 digits: two chunks
        Random rng = new Random(9);
        FeedForwardNet net = new TwoLayerNet(data.features(), 50, 10, 0.01, Activation.SIGMOID, rng);
        for (double[] p : net.paramArrays()) { // far from the all-one-class start
            for (int i = 0; i < p.length; i++) {
                p[i] = rng.nextGaussian() * 0.2;
            }
        }
        // the same network behind the plain interface: Evaluation gathers the rows and calls predict
        Network plain = (Network) Proxy.newProxyInstance(Network.class.getClassLoader(),
                new Class<?>[] {Network.class}, (proxy, method, args) -> method.invoke(net, args));

        Evaluation evaluation = new Evaluation(data.features());
        int[] fast = evaluation.predictions(net, test);
        int[] generic = evaluation.predictions(plain, test);

        assertThat(fast).containsExactly(generic);
        assertThat(java.util.Arrays.stream(fast).distinct().count()).as("classes predicted").isGreaterThan(3);
        assertThat(evaluation.accuracy(net, test)).isEqualTo(evaluation.accuracy(plain, test));
    }

    @Test
    void sparsePathGivesTheClassesOfTheSparseScores() throws Exception {
        Dataset data = Datasets.sample();
        Split test = data.test();
        Random rng = new Random(10);
        FeedForwardNet net = new TwoLayerNet(data.features(), 50, 10, 0.01, Activation.SIGMOID, rng);
        for (double[] p : net.paramArrays()) {
            for (int i = 0; i < p.length; i++) {
                p[i] = rng.nextGaussian() * 0.2;
            }
        }
        int[] want = new int[test.size()];
        int[] idx = new int[Evaluation.CHUNK];
        for (int from = 0; from < test.size(); from += Evaluation.CHUNK) {
            for (int r = 0; r < idx.length; r++) {
                idx[r] = from + r;
            }
            int[] chunk = Ops.argmaxRows(net.scores(test.sparse(), idx, 0, idx.length), null);
            System.arraycopy(chunk, 0, want, from, chunk.length);
        }

        assertThat(new Evaluation(data.features(), true).predictions(net, test)).containsExactly(want);
    }

    @Test
    void rejectsANetworkOfAnotherInputWidth() throws Exception {
        Split test = Datasets.sample().test();
        FeedForwardNet net = new TwoLayerNet(50, 20, 10, 0.01, Activation.SIGMOID, new Random(1));
        assertThatThrownBy(() -> new Evaluation(784).predictions(net, test))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("network input shape [2000, 784], expected [*, 50]");
    }
}
