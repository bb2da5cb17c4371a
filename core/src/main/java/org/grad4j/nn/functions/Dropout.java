package org.grad4j.nn.functions;

import java.util.Random;
import org.grad4j.autograd.Function;
import org.grad4j.autograd.Tensor;

/**
 * Inverted dropout (the book's ch. 6.4.3 {@code Dropout}, scaled as PyTorch so that evaluation is the
 * identity): each element is kept with probability {@code 1 - p}, drawn from {@code rng}.
 * <pre>{@code
 * forward:   mask = (u >= p) / (1 - p),  u ~ U[0, 1);   y = x * mask     (saves mask)
 * backward:  dx = dout * mask
 * }</pre>
 * With {@code p == 1} every element is dropped (mask 0).
 */
public final class Dropout extends Function {

    private final double p;
    private final Random rng;

    /**
     * @throws IllegalArgumentException {@code dropout probability has to be between 0 and 1, but got 1.5}
     */
    public Dropout(double p, Random rng) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
        }
        this.p = p;
        this.rng = rng;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        double[] x = in[0].data();
        double[] mask = new double[x.length];
        double[] y = new double[x.length];
        double keep = p == 1 ? 0 : 1 / (1 - p);
        for (int i = 0; i < x.length; i++) {
            mask[i] = rng.nextDouble() >= p ? keep : 0;
            y[i] = x[i] * mask[i];
        }
        ctx.saveForBackward(Tensor.wrap(mask, in[0].shape()));
        return Tensor.wrap(y, in[0].shape());
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor dout) {
        double[] mask = ctx.saved(0).data();
        double[] g = dout.data();
        double[] dx = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            dx[i] = g[i] * mask[i];
        }
        return new Tensor[] {Tensor.wrap(dx, dout.shape())};
    }
}
