package org.grad4j.nn;

import org.grad4j.tensor.Ops;
import org.grad4j.tensor.Rows;
import org.grad4j.tensor.Tensor;

/**
 * Logistic sigmoid layer: {@code y = 1 / (1 + exp(-x))}, backward {@code dx = dout * y * (1 - y)}.
 */
public final class Sigmoid implements Layer {

    private Tensor out;
    private Tensor dx;

    @Override
    public Tensor forward(Tensor x) {
        out = Tensor.reuse(out, x.rows(), x.cols());
        return Ops.sigmoid(x, out);
    }

    @Override
    public Tensor backward(Tensor dout) {
        if (out == null || dout.size() != out.size()) {
            throw new IllegalArgumentException("Sigmoid.backward: dout shape " + dout.shapeString()
                    + ", expected " + (out == null ? "a forward call first" : out.shapeString()));
        }
        dx = Tensor.reuse(dx, out.rows(), out.cols());
        Rows.sigmoidBackward(dout.data(), out.data(), dx.data(), 0, out.size());
        return dx;
    }
}
