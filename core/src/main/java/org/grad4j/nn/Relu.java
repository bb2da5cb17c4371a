package org.grad4j.nn;

import org.grad4j.tensor.Ops;
import org.grad4j.tensor.Rows;
import org.grad4j.tensor.Tensor;

/**
 * Rectified linear unit layer: {@code y = max(0, x)}, backward {@code dx = dout} where {@code x > 0},
 * else 0 (the book's convention: the derivative at 0 is taken as 0).
 */
public final class Relu implements Layer {

    private Tensor out;
    private Tensor dx;

    @Override
    public Tensor forward(Tensor x) {
        out = Tensor.reuse(out, x.rows(), x.cols());
        return Ops.relu(x, out);
    }

    @Override
    public Tensor backward(Tensor dout) {
        if (out == null || dout.size() != out.size()) {
            throw new IllegalArgumentException("Relu.backward: dout shape " + dout.shapeString()
                    + ", expected " + (out == null ? "a forward call first" : out.shapeString()));
        }
        dx = Tensor.reuse(dx, out.rows(), out.cols());
        Rows.reluBackward(dout.data(), out.data(), dx.data(), 0, out.size());
        return dx;
    }
}
