package org.grad4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Random;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;
import org.grad4j.data.Split;
import org.grad4j.nn.Activation;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.Network;
import org.grad4j.nn.TwoLayerNet;
import org.junit.jupiter.api.Test;

/** {@link Evaluation}: the two-core path of a {@link FeedForwardNet} against the generic one. */
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
}
