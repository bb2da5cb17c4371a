package org.grad4j.nn.module;

import org.grad4j.autograd.Tensor;

/** The activation {@link org.grad4j.nn.functions.Relu} as a module without parameters. */
public final class Relu extends Module {

    private static final org.grad4j.nn.functions.Relu F = new org.grad4j.nn.functions.Relu();

    @Override
    public LayerKind kind() {
        return LayerKind.RELU;
    }

    @Override
    public Tensor forward(Tensor x) {
        return F.apply(x);
    }
}
