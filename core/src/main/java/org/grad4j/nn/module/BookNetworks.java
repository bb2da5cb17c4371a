package org.grad4j.nn.module;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.grad4j.autograd.Tensor;
import org.grad4j.nn.Activation;
import org.grad4j.nn.Init;
import org.grad4j.nn.Network;
import org.grad4j.nn.Parameter;

/**
 * The book's networks built from modules, with the book's parameter names, to be trained with
 * {@link org.grad4j.nn.loss.CrossEntropyLoss}:
 * <ul>
 *   <li>{@link #simpleNet}: {@code x W} (ch. 4.4.1), parameter {@code W};</li>
 *   <li>{@link #twoLayerNet}: {@code Linear -> Sigmoid/Relu -> Linear} (ch. 5.7), {@code W1, b1, W2, b2};</li>
 *   <li>{@link #multiLayerNet}: {@code (Linear -> activation) x L-1 -> Linear} (ch. 6), {@code W1, b1, ...}.</li>
 * </ul>
 * They draw the same random weights from the same {@code rng} as {@link org.grad4j.nn.SimpleNet},
 * {@link org.grad4j.nn.TwoLayerNet} and {@link org.grad4j.nn.MultiLayerNet}, so they compute the same
 * losses and gradients; {@link #of(Network, Activation)} copies an existing network's weights.
 */
public final class BookNetworks {

    private BookNetworks() {
    }

    /** {@code SimpleNet}'s {@code 2 x 3} weight {@code W}, drawn from {@code N(0, 1)}. */
    public static Sequential simpleNet(Random rng) {
        return simpleNet(Tensor.randn(rng, 2, 3));
    }

    /** With the given {@code W} (used as it is). */
    public static Sequential simpleNet(Tensor w) {
        return Sequential.book(new Linear(w, null));
    }

    /** {@code TwoLayerNet(in, hidden, out)} with {@code weightInitStd * N(0, 1)} weights (W1 drawn first). */
    public static Sequential twoLayerNet(int in, int hidden, int out, double weightInitStd, Activation activation,
            Random rng) {
        return multiLayerNet(in, new int[] {hidden}, out, activation, Init.std(weightInitStd), rng);
    }

    /** {@code MultiLayerNet(in, hidden, out, activation, init)}: layer {@code i} drawn after layer {@code i - 1}. */
    public static Sequential multiLayerNet(int in, int[] hidden, int out, Activation activation, Init init,
            Random rng) {
        List<Module> layers = new ArrayList<>();
        int prev = in;
        for (int h : hidden) {
            layers.add(new Linear(prev, h, init, rng));
            layers.add(activation(activation));
            prev = h;
        }
        layers.add(new Linear(prev, out, init, rng));
        return Sequential.book(layers.toArray(new Module[0]));
    }

    /**
     * The same network as {@code net} (parameters {@code W1, b1, ...} or {@code W}, copied), with
     * {@code activation} after each hidden layer.
     */
    public static Sequential of(Network net, Activation activation) {
        List<Parameter> ps = net.parameters();
        List<Module> layers = new ArrayList<>();
        boolean biases = ps.size() > 1 && ps.get(1).name().startsWith("b");
        int step = biases ? 2 : 1;
        for (int i = 0; i < ps.size(); i += step) {
            if (!layers.isEmpty()) {
                layers.add(activation(activation));
            }
            Tensor w = copy(ps.get(i).value());
            layers.add(new Linear(w, biases ? copy(ps.get(i + 1).value()) : null));
        }
        return Sequential.book(layers.toArray(new Module[0]));
    }

    private static Tensor copy(org.grad4j.tensor.Tensor t) {
        return Tensor.wrap(t.data().clone(), t.shape());
    }

    /** A module for the book's activation. */
    public static Module activation(Activation a) {
        return switch (a) {
            case SIGMOID -> new Sigmoid();
            case RELU -> new Relu();
        };
    }
}
