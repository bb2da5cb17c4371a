package org.grad4j.examples;

import java.io.IOException;
import java.util.Map;
import java.util.Random;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;
import org.grad4j.io.Repr;
import org.grad4j.nn.Activation;
import org.grad4j.nn.GradientCheck;
import org.grad4j.nn.TwoLayerNet;
import org.grad4j.tensor.Tensor;

/** The book's {@code gradient_check.py} (ch. 5.7.3): backprop against the numerical gradient on 3 images. */
public final class GradientCheckExample implements Example {

    @Override
    public String name() {
        return "gradient-check";
    }

    @Override
    public String description() {
        return "backprop vs numerical gradient of TwoLayerNet on 3 images, mean |difference| per parameter (gradient_check.py)";
    }

    @Override
    public void run(ExampleContext ctx) throws IOException {
        Dataset ds = Datasets.sample();
        Tensor x = Tensor.zeros(3, ds.features());
        int[] t = new int[3];
        ds.train().gatherRows(new int[] {0, 1, 2}, 0, 3, x.data());
        ds.train().gatherLabels(new int[] {0, 1, 2}, 0, 3, t);
        for (Activation a : new Activation[] {Activation.SIGMOID, Activation.RELU}) {
            TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, a, new Random(2));
            Map<String, Double> diff = GradientCheck.meanAbsoluteDifference(net, x, t,
                    Runtime.getRuntime().availableProcessors());
            ctx.out().println("TwoLayerNet 784-50-10 " + a.name().toLowerCase(java.util.Locale.ROOT) + ":");
            diff.forEach((k, v) -> ctx.out().println(k + ":" + Repr.of(v)));
        }
    }

    public static void main(String[] args) throws IOException {
        new GradientCheckExample().run(Examples.defaultContext());
    }
}
