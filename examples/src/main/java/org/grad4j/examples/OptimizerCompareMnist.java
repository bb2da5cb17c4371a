package org.grad4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.grad4j.data.BatchSampler;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;
import org.grad4j.data.Sampling;
import org.grad4j.data.Split;
import org.grad4j.io.Repr;
import org.grad4j.nn.Activation;
import org.grad4j.nn.Init;
import org.grad4j.nn.MultiLayerNet;
import org.grad4j.optim.BookAdaGrad;
import org.grad4j.optim.BookAdam;
import org.grad4j.optim.Momentum;
import org.grad4j.optim.Optimizer;
import org.grad4j.optim.Sgd;
import org.grad4j.plot.LineChart;
import org.grad4j.tensor.Tensor;

/**
 * The book's {@code optimizer_compare_mnist.py} (ch. 6, Fig. 6-9): four {@code MultiLayerNet}s
 * 784-100-100-100-100-10 with ReLU and He initialization (the book's default {@code weight_init_std='relu'}),
 * trained on MNIST with mini-batches of 128 drawn with replacement ({@code np.random.choice}) for 2000
 * iterations by SGD(0.01), Momentum(0.01), AdaGrad(0.01) and Adam(0.001), the book's classes.
 *
 * <p>As in the book, all four see the same batch at each iteration; the loss recorded is the loss on that
 * batch after the update, printed every 100 iterations, and the curves are drawn smoothed by
 * {@link SmoothCurve}. Unlike the book (where each network draws its own weights), the four networks start
 * from the same weights (seed {@link #SEED}), so only the optimizer differs.
 *
 * <p>MNIST is downloaded once into the grad4j cache; when that fails the example says so and uses the
 * 10 000-digit sample shipped with grad4j.
 */
public final class OptimizerCompareMnist implements Example {

    static final long SEED = 0;
    static final int ITERATIONS = 2000;
    static final int BATCH = 128;
    static final int[] HIDDEN = {100, 100, 100, 100};

    @Override
    public String name() {
        return "optimizer-compare-mnist";
    }

    @Override
    public String description() {
        return "SGD, Momentum, AdaGrad, Adam training a 5-layer ReLU net on MNIST, 2000 steps (optimizer_compare_mnist.py)";
    }

    @Override
    public void run(ExampleContext ctx) throws IOException {
        Dataset data = load(ctx.out());
        double[][] loss = train(data, ITERATIONS, ctx.out());
        Path file = ctx.picture(name());
        chart(loss, data.name()).write(file, 900, 650);
        ctx.wrote(file);
    }

    /** The book's names and optimizers (lr: SGD 0.01, Momentum 0.01 with momentum 0.9, AdaGrad 0.01, Adam 0.001). */
    static List<String> names() {
        return List.of("SGD", "Momentum", "AdaGrad", "Adam");
    }

    static List<Optimizer> optimizers() {
        return List.of(new Sgd(0.01), new Momentum(0.01), new BookAdaGrad(0.01), new BookAdam());
    }

    /** MNIST, or the shipped sample when MNIST cannot be had (saying so on {@code log}). */
    static Dataset load(PrintStream log) throws IOException {
        return Datasets.loadOrSample("mnist", null, log::println);
    }

    /**
     * Trains the four networks for {@code iterations} on the same batches, printing the loss every 100
     * iterations as the book does; returns the loss per iteration of each, in {@link #names()} order.
     */
    static double[][] train(Dataset data, int iterations, PrintStream out) {
        List<String> names = names();
        List<Optimizer> optimizers = optimizers();
        int k = names.size();
        MultiLayerNet[] nets = new MultiLayerNet[k];
        for (int i = 0; i < k; i++) {
            nets[i] = new MultiLayerNet(data.features(), HIDDEN, data.classes(), Activation.RELU, Init.HE, new Random(SEED));
        }
        Split train = data.train();
        BatchSampler sampler = new BatchSampler(train.size(), BATCH, Sampling.REPLACEMENT, SEED);
        int[] idx = new int[BATCH];
        int[] t = new int[BATCH];
        Tensor x = Tensor.zeros(BATCH, data.features());
        double[][] loss = new double[k][iterations];
        for (int it = 0; it < iterations; it++) {
            sampler.next(idx);
            train.gatherRows(idx, 0, BATCH, x.data());
            train.gatherLabels(idx, 0, BATCH, t);
            for (int i = 0; i < k; i++) {
                nets[i].gradient(x, t);
                optimizers.get(i).step(nets[i].paramArrays(), nets[i].gradArrays());
                loss[i][it] = nets[i].loss(x, t);
            }
            if (it % 100 == 0) {
                out.println("===========iteration:" + it + "===========");
                for (int i = 0; i < k; i++) {
                    out.println(names.get(i) + ":" + Repr.of(loss[i][it]));
                }
            }
        }
        return loss;
    }

    /** The book's figure: the smoothed losses, y from 0 to 1. */
    static LineChart chart(double[][] loss, String dataset) {
        LineChart c = LineChart.titled("Optimizers on " + dataset + " (784-100-100-100-100-10, ReLU, batch " + BATCH + ")")
                .xLabel("iterations").yLabel("loss (smoothed)").yRange(0, 1);
        double[] it = new double[loss[0].length];
        for (int i = 0; i < it.length; i++) {
            it[i] = i;
        }
        for (int i = 0; i < loss.length; i++) {
            c.add(names().get(i), it, SmoothCurve.of(loss[i]));
        }
        return c;
    }

    public static void main(String[] args) throws IOException {
        new OptimizerCompareMnist().run(Examples.defaultContext());
    }
}
