package org.grad4j.nn;

import java.util.List;
import java.util.Random;
import org.grad4j.tensor.Tensor;

/**
 * The book's {@code TwoLayerNet} (ch. 5.7): {@code Affine1 -> Sigmoid (or ReLU) -> Affine2 ->
 * SoftmaxWithLoss}, parameters {@code W1 (input x hidden)}, {@code b1 (hidden)},
 * {@code W2 (hidden x output)}, {@code b2 (output)}. Weights start as {@code weightInitStd * N(0, 1)},
 * biases at zero.
 */
public final class TwoLayerNet extends FeedForwardNet {

    /** Book defaults: {@code weightInitStd = 0.01}, sigmoid activation. */
    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random rng) {
        this(inputSize, hiddenSize, outputSize, 0.01, Activation.SIGMOID, rng);
    }

    /**
     * Random weights {@code weightInitStd * N(0, 1)} from {@code rng} (W1 drawn first), zero biases.
     *
     * @throws IllegalArgumentException for a non-positive size or a negative or non-finite std
     */
    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, double weightInitStd,
            Activation activation, Random rng) {
        this(randomWeights(inputSize, hiddenSize, outputSize, weightInitStd, rng), activation);
    }

    /**
     * Given parameters (copied), e.g. loaded from a file.
     *
     * @throws IllegalArgumentException naming the parameter and both shapes, e.g.
     *     {@code W2: shape [40, 10], expected [50, 10]}
     */
    public TwoLayerNet(Tensor w1, Tensor b1, Tensor w2, Tensor b2, Activation activation) {
        super(List.of(w1, w2), List.of(b1, b2), required(activation));
    }

    private TwoLayerNet(Tensor[] wb, Activation activation) {
        this(wb[0], wb[1], wb[2], wb[3], activation);
    }

    private static Activation required(Activation a) {
        if (a == null) {
            throw new IllegalArgumentException("TwoLayerNet: activation is required");
        }
        return a;
    }

    private static Tensor[] randomWeights(int in, int hidden, int out, double std, Random rng) {
        if (in <= 0 || hidden <= 0 || out <= 0) {
            throw new IllegalArgumentException("TwoLayerNet: sizes must be positive: " + in + ", " + hidden
                    + ", " + out);
        }
        Init init = Init.std(std);
        return new Tensor[] {
            Tensor.randn(in, hidden, init.stdFor(in), rng), Tensor.zeros(hidden),
            Tensor.randn(hidden, out, init.stdFor(hidden), rng), Tensor.zeros(out)
        };
    }
}
