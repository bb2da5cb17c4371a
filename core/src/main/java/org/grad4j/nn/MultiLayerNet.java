package org.grad4j.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.grad4j.tensor.Tensor;

/**
 * The book's {@code MultiLayerNet} (ch. 6): fully connected layers {@code input -> hidden[0] -> ... ->
 * hidden[L-2] -> output} with an activation after each hidden layer and softmax cross-entropy on top.
 * Layer {@code i} has {@code Wi} of shape {@code (n_{i-1}, n_i)} drawn as {@code init.stdFor(n_{i-1}) * N(0, 1)}
 * and a zero bias {@code bi}. (The book's weight decay is not part of this class.)
 */
public final class MultiLayerNet extends FeedForwardNet {

    /**
     * @param hidden sizes of the hidden layers (may be empty: then a single affine layer)
     * @throws IllegalArgumentException for a non-positive size
     */
    public MultiLayerNet(int inputSize, int[] hidden, int outputSize, Activation activation, Init init,
            Random rng) {
        this(random(sizes(inputSize, hidden, outputSize), init, rng), activation);
    }

    /**
     * Given parameters (copied), e.g. loaded from a file.
     *
     * @throws IllegalArgumentException naming the parameter and both shapes on a mismatch
     */
    public MultiLayerNet(List<Tensor> weights, List<Tensor> biases, Activation activation) {
        super(weights, checkedBiases(weights, biases), checkedActivation(activation));
    }

    private MultiLayerNet(List<List<Tensor>> wb, Activation activation) {
        this(wb.get(0), wb.get(1), activation);
    }

    private static List<Tensor> checkedBiases(List<Tensor> weights, List<Tensor> biases) {
        if (biases == null) {
            throw new IllegalArgumentException("MultiLayerNet: biases are required");
        }
        return biases;
    }

    private static Activation checkedActivation(Activation a) {
        if (a == null) {
            throw new IllegalArgumentException("MultiLayerNet: activation is required");
        }
        return a;
    }

    private static int[] sizes(int in, int[] hidden, int out) {
        int[] s = new int[hidden.length + 2];
        s[0] = in;
        System.arraycopy(hidden, 0, s, 1, hidden.length);
        s[s.length - 1] = out;
        for (int i = 0; i < s.length; i++) {
            if (s[i] <= 0) {
                throw new IllegalArgumentException("MultiLayerNet: layer sizes must be positive: "
                        + java.util.Arrays.toString(s));
            }
        }
        return s;
    }

    private static List<List<Tensor>> random(int[] sizes, Init init, Random rng) {
        if (init == null) {
            throw new IllegalArgumentException("MultiLayerNet: init is required");
        }
        List<Tensor> ws = new ArrayList<>();
        List<Tensor> bs = new ArrayList<>();
        for (int i = 1; i < sizes.length; i++) {
            ws.add(Tensor.randn(sizes[i - 1], sizes[i], init.stdFor(sizes[i - 1]), rng));
            bs.add(Tensor.zeros(sizes[i]));
        }
        return List.of(ws, bs);
    }
}
