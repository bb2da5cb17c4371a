package org.grad4j.nn;

import java.util.List;
import java.util.Random;
import org.grad4j.tensor.Tensor;

/**
 * The book's {@code simpleNet} (ch. 4.4.1): a single {@code 2 x 3} weight matrix {@code W}, no bias,
 * scores {@code x W}, softmax cross-entropy loss. Its only parameter is named {@code W}.
 */
public final class SimpleNet extends FeedForwardNet {

    /** With {@code W} drawn from {@code N(0, 1)}, as the book's {@code np.random.randn(2, 3)}. */
    public SimpleNet(Random rng) {
        this(Tensor.randn(2, 3, 1.0, rng));
    }

    /**
     * With the given {@code 2 x 3} weights (copied).
     *
     * @throws IllegalArgumentException {@code W: shape [3, 3], expected [2, 3]}
     */
    public SimpleNet(Tensor w) {
        super(List.of(checked(w)), null, null);
    }

    private static Tensor checked(Tensor w) {
        if (w.rank() != 2 || w.rows() != 2 || w.cols() != 3) {
            throw new IllegalArgumentException("W: shape " + w.shapeString() + ", expected [2, 3]");
        }
        return w;
    }
}
