package org.grad4j.nn.loss;

import org.grad4j.autograd.Tensor;

/**
 * Mean squared error over all elements, as {@code torch.nn.MSELoss} (mean reduction):
 * <pre>{@code L = mean((y - t)^2)        dL/dy = 2 (y - t) / size}</pre>
 */
public final class MSELoss implements Loss {

    /** @throws IllegalArgumentException {@code MSELoss: shape mismatch [4, 1] and [4]} */
    @Override
    public Kind kind() {
        return Kind.MSE;
    }

    @Override
    public Tensor forward(Tensor prediction, Tensor target) {
        if (!java.util.Arrays.equals(prediction.shape(), target.shape())) {
            throw new IllegalArgumentException("MSELoss: shape mismatch " + prediction.shapeString() + " and "
                    + target.shapeString());
        }
        Tensor d = prediction.sub(target);
        return d.mul(d).mean();
    }
}
