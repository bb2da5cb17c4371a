package org.grad4j.nn.loss;

import org.grad4j.autograd.Function;
import org.grad4j.autograd.Tensor;

/**
 * Binary cross-entropy on logits, averaged over all elements, as {@code torch.nn.BCEWithLogitsLoss},
 * in the stable form that never takes the log of a sigmoid:
 * <pre>{@code
 * L = mean( max(x, 0) - x t + log(1 + exp(-|x|)) )        dL/dx = (sigmoid(x) - t) / size
 * }</pre>
 * The target gets no gradient.
 */
public final class BCEWithLogitsLoss implements Loss {

    private static final Function F = new Function() {
        @Override
        public String name() {
            return "BCEWithLogitsLoss";
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            double[] x = in[0].data();
            double[] t = in[1].data();
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += Math.max(x[i], 0) - x[i] * t[i] + Math.log1p(Math.exp(-Math.abs(x[i])));
            }
            ctx.saveForBackward(in[0], in[1]);
            return Tensor.scalar(s / x.length);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            double[] x = ctx.saved(0).data();
            double[] t = ctx.saved(1).data();
            double scale = g.item() / x.length;
            double[] dx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double sig = x[i] >= 0 ? 1 / (1 + Math.exp(-x[i])) : Math.exp(x[i]) / (1 + Math.exp(x[i]));
                dx[i] = (sig - t[i]) * scale;
            }
            return new Tensor[] {Tensor.wrap(dx, ctx.saved(0).shape()), null};
        }
    };

    /** @throws IllegalArgumentException {@code BCEWithLogitsLoss: shape mismatch [4, 1] and [4]} */
    @Override
    public Kind kind() {
        return Kind.BCE_WITH_LOGITS;
    }

    @Override
    public Tensor forward(Tensor logits, Tensor target) {
        if (!java.util.Arrays.equals(logits.shape(), target.shape())) {
            throw new IllegalArgumentException("BCEWithLogitsLoss: shape mismatch " + logits.shapeString() + " and "
                    + target.shapeString());
        }
        return F.apply(logits, target);
    }
}
