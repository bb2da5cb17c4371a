package org.grad4j.nn.module;

import org.grad4j.autograd.Tensor;

/** The activation {@link org.grad4j.nn.functions.Sigmoid} as a module without parameters. */
public final class Sigmoid extends Module {

    private static final org.grad4j.nn.functions.Sigmoid F = new org.grad4j.nn.functions.Sigmoid();

    @Override
    public LayerKind kind() {
        return LayerKind.SIGMOID;
    }

    @Override
    public Tensor forward(Tensor x) {
        return F.apply(x);
    }
}
