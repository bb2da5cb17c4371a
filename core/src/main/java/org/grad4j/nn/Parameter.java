package org.grad4j.nn;

import org.grad4j.tensor.Tensor;

/**
 * A trainable parameter of a network: its name ({@code W1}, {@code b1}, ...), its value and the
 * gradient of the loss with respect to it, of the same shape. Optimizers update {@code value().data()}
 * in place from {@code grad().data()}.
 */
public record Parameter(String name, Tensor value, Tensor grad) {

    public Parameter {
        if (name == null || value == null || grad == null) {
            throw new IllegalArgumentException("Parameter: name, value and grad are required");
        }
        if (!value.sameShape(grad)) {
            throw new IllegalArgumentException("Parameter " + name + ": grad shape " + grad.shapeString()
                    + " differs from value shape " + value.shapeString());
        }
    }
}
