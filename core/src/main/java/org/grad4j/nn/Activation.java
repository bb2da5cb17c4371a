package org.grad4j.nn;

/** The hidden-layer activation of a network. */
public enum Activation {
    SIGMOID,
    RELU;

    /** A new layer computing this activation. */
    public Layer newLayer() {
        return this == SIGMOID ? new Sigmoid() : new Relu();
    }
}
