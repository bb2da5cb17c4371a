package org.grad4j.nn.loss;

import org.grad4j.autograd.Tensor;

/** A loss: a scalar tensor from a prediction and a target, recorded for backward through the prediction. */
public interface Loss {

    /** The loss of {@code prediction} against {@code target}, as a scalar tensor. */
    Tensor forward(Tensor prediction, Tensor target);
}
