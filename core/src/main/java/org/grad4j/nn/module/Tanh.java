package org.grad4j.nn.module;

import org.grad4j.autograd.Tensor;

/** {@code y = tanh(x)}, {@code dx = dout * (1 - y^2)}, as a module without parameters. */
public final class Tanh extends Module {

    @Override
    public LayerKind kind() {
        return LayerKind.TANH;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.tanh();
    }
}
