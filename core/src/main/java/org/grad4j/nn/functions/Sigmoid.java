package org.grad4j.nn.functions;

import org.grad4j.autograd.Function;
import org.grad4j.autograd.Tensor;

/**
 * The book's {@code Sigmoid} layer (ch. 5.5.2) as an autograd function:
 * <pre>{@code
 * forward:   y = 1 / (1 + exp(-x))          (saves y)
 * backward:  dx = dout * y * (1 - y)
 * }</pre>
 */
public final class Sigmoid extends Function {

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        double[] x = in[0].data();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] >= 0 ? 1 / (1 + Math.exp(-x[i])) : Math.exp(x[i]) / (1 + Math.exp(x[i]));
        }
        Tensor out = Tensor.wrap(y, in[0].shape());
        ctx.saveForBackward(out);
        return out;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor dout) {
        double[] y = ctx.saved(0).data();
        double[] g = dout.data();
        double[] dx = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            dx[i] = g[i] * y[i] * (1 - y[i]);
        }
        return new Tensor[] {Tensor.wrap(dx, dout.shape())};
    }
}
