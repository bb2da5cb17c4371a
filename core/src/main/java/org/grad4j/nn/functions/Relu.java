package org.grad4j.nn.functions;

import org.grad4j.autograd.Function;
import org.grad4j.autograd.Tensor;

/**
 * The book's {@code Relu} layer (ch. 5.5.1) as an autograd function; the mask is {@code x > 0},
 * read back from the output ({@code y > 0} exactly where {@code x > 0}):
 * <pre>{@code
 * forward:   y = x where x > 0, else 0       (saves y)
 * backward:  dx = dout where mask, else 0
 * }</pre>
 */
public final class Relu extends Function {

    private static final boolean VECTOR = org.grad4j.tensor.VectorApi.present();

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        double[] x = in[0].data();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.max(x[i], 0.0);      // branch-free (signs are random); NaN stays NaN
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
        if (VECTOR) {
            ReluMask.backward(y, g, dx);
            return new Tensor[] {Tensor.wrap(dx, dout.shape())};
        }
        for (int i = 0; i < g.length; i++) {
            dx[i] = y[i] > 0 ? g[i] : 0.0;     // the mask x > 0, read as y > 0
        }
        return new Tensor[] {Tensor.wrap(dx, dout.shape())};
    }
}
