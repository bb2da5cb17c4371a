package org.grad4j.examples;

import java.io.IOException;
import java.util.Random;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;
import org.grad4j.io.Repr;
import org.grad4j.nn.Parameter;
import org.grad4j.nn.TwoLayerNet;
import org.grad4j.tensor.Tensor;

/**
 * The book's {@code two_layer_net.py} (ch. 4.5.1): a TwoLayerNet(784, 100, 10), its parameter
 * shapes, and the time its numerical gradient takes against backprop on a batch of 100 images.
 */
public final class TwoLayerNetExample implements Example {

    @Override
    public String name() {
        return "two-layer-net";
    }

    @Override
    public String description() {
        return "TwoLayerNet(784, 100, 10): shapes, and numerical gradient vs backprop time (two_layer_net.py)";
    }

    @Override
    public void run(ExampleContext ctx) throws IOException {
        TwoLayerNet net = new TwoLayerNet(784, 100, 10, new Random(0));
        for (Parameter p : net.parameters()) {
            ctx.out().println(p.name() + ".shape = " + shape(p.value()));
        }
        Dataset ds = Datasets.sample();
        int n = 100;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Tensor x = Tensor.zeros(n, 784);
        int[] t = new int[n];
        ds.train().gatherRows(idx, 0, n, x.data());
        ds.train().gatherLabels(idx, 0, n, t);
        ctx.out().println("x.shape = " + shape(x) + "  (100 images of mnist-sample)");
        long t0 = System.nanoTime();
        net.gradient(x, t);
        long t1 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            net.gradient(x, t);
        }
        double backprop = (System.nanoTime() - t1) / 20e9;
        // The full numerical gradient takes minutes (2 forward passes for each of the 79 510 weights):
        // time the book's central difference on a sample of weights and extrapolate.
        int weights = countWeights(net);
        int sampled = 400;
        double[][] params = net.paramArrays();
        Random pick = new Random(1);
        long t2 = System.nanoTime();
        double sink = 0;
        for (int k = 0; k < sampled; k++) {
            double[] p = params[pick.nextInt(params.length)];
            int j = pick.nextInt(p.length);
            double keep = p[j];
            p[j] = keep + 1e-4;
            double f1 = net.loss(x, t);
            p[j] = keep - 1e-4;
            double f2 = net.loss(x, t);
            p[j] = keep;
            sink += (f1 - f2) / 2e-4;
        }
        double perWeight = (System.nanoTime() - t2) / 1e9 / sampled;
        double numerical = perWeight * weights;
        for (Parameter p : net.parameters()) {
            ctx.out().println("grads['" + p.name() + "'].shape = " + shape(p.grad()));
        }
        ctx.out().println("backprop gradient:  " + fmt(backprop) + " s per batch (first call, with warm-up: "
                + fmt((t1 - t0) / 1e9) + " s)");
        ctx.out().println("numerical gradient: " + fmt(numerical) + " s per batch on one thread (2 forward passes for each of "
                + weights + " weights; timed on " + sampled + " of them" + (Double.isNaN(sink) ? "" : "") + ")");
        ctx.out().println("backprop is about " + Math.round(numerical / backprop) + " times faster; the book's 10 000 "
                + "iterations with the numerical gradient would take about " + Math.round(numerical * 10_000 / 3600) + " hours");
    }

    private static int countWeights(TwoLayerNet net) {
        int n = 0;
        for (Parameter p : net.parameters()) {
            n += p.value().size();
        }
        return n;
    }

    private static String shape(Tensor t) {
        return t.rank() == 1 ? "(" + t.size() + ",)" : "(" + t.rows() + ", " + t.cols() + ")";
    }

    private static String fmt(double s) {
        return Repr.of(Math.round(s * 1e6) / 1e6);
    }

    public static void main(String[] args) throws IOException {
        new TwoLayerNetExample().run(Examples.defaultContext());
    }
}
