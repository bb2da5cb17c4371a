package org.grad4j.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.grad4j.data.Dataset;
import org.grad4j.data.Datasets;
import org.grad4j.nn.TwoLayerNet;
import org.grad4j.optim.Sgd;
import org.grad4j.train.TrainListener;
import org.grad4j.train.TrainResult;
import org.grad4j.train.TrainSettings;
import org.grad4j.train.Trainer;

/**
 * The book's {@code train_neuralnet.py}: TwoLayerNet(784, 50, 10) trained on MNIST by mini-batch
 * SGD (10 000 iterations, batch 100, lr 0.1), printing the train and test accuracy every epoch and
 * drawing the loss and accuracy curves.
 */
public final class TrainNeuralnet implements Example {

    @Override
    public String name() {
        return "train-neuralnet";
    }

    @Override
    public String description() {
        return "mini-batch SGD on MNIST, 10 000 iterations, batch 100, lr 0.1, accuracy per epoch (train_neuralnet.py)";
    }

    @Override
    public void run(ExampleContext ctx) throws IOException {
        Dataset ds = Datasets.loadOrSample("mnist", null, ctx.out()::println);
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, new Random(1));
        TrainSettings s = TrainSettings.book().withSampling(org.grad4j.data.Sampling.REPLACEMENT).withSeed(1);
        TrainResult r = new Trainer(net, new Sgd(0.1), ds, s).run(new TrainListener() {
            @Override
            public void evaluated(int iteration, int epoch, double train, double test) {
                ctx.out().println("train acc, test acc | " + train + ", " + test);
            }
        });
        ctx.out().printf("%d iterations in %.2f s (%.0f µs each)%n", r.iterations(), r.seconds(), 1e6 * r.seconds() / r.iterations());
        Path file = ctx.picture(name());
        Pictures.trainingCurves(r.history(), ds.name() + ": TwoLayerNet 784-50-10, SGD lr 0.1").write(file);
        ctx.wrote(file);
    }

    public static void main(String[] args) throws IOException {
        new TrainNeuralnet().run(Examples.defaultContext());
    }
}
