package org.grad4j.nn.functions;

import org.grad4j.autograd.Function;
import org.grad4j.autograd.Tensor;
import org.grad4j.tensor.Gemm;

/**
 * The book's {@code Affine} layer (ch. 5.6.2) as an autograd function of {@code (x, W, b)} or
 * {@code (x, W)}: {@code x} is {@code [N, in]} (leading dimensions of a higher rank are folded into
 * {@code N}), {@code W} is {@code [in, out]}, {@code b} is {@code [out]}.
 * <pre>{@code
 * forward:   out = x W + b
 * backward:  dx = dout W^T        dW = x^T dout        db = sum over rows of dout
 * }</pre>
 * The products go through {@link Gemm} on the flat arrays, transposes as BLAS flags.
 */
public final class Affine extends Function {

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0];
        Tensor w = in[1];
        if (w.rank() != 2 || x.rank() < 2 || x.dim(-1) != w.dim(0) || (in.length > 2
                && (in[2].rank() != 1 || in[2].dim(0) != w.dim(1)))) {
            throw new IllegalArgumentException("Affine: shape mismatch x " + x.shapeString() + ", W " + w.shapeString()
                    + (in.length > 2 ? ", b " + in[2].shapeString() : ""));
        }
        int k = w.dim(0);
        int n = w.dim(1);
        int m = x.size() / k;
        double[] out = new double[m * n];
        if (in.length > 2) {
            double[] b = in[2].data();
            for (int i = 0; i < m; i++) {
                System.arraycopy(b, 0, out, i * n, n);
            }
        }
        Gemm.gemm(false, false, 1.0, mat(x.data(), m, k), mat(w.data(), k, n), in.length > 2 ? 1.0 : 0.0,
                mat(out, m, n));
        ctx.saveForBackward(x, w);
        int[] shape = x.shape();
        shape[shape.length - 1] = n;
        return Tensor.wrap(out, shape);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor dout) {
        Tensor x = ctx.saved(0);
        Tensor w = ctx.saved(1);
        int k = w.dim(0);
        int n = w.dim(1);
        int m = x.size() / k;
        Tensor[] grads = new Tensor[ctx.inputs()];
        org.grad4j.tensor.Tensor g = mat(dout.data(), m, n);
        if (ctx.needsInputGrad(0)) {
            double[] dx = new double[m * k];
            Gemm.gemm(false, true, 1.0, g, mat(w.data(), k, n), 0.0, mat(dx, m, k));    // dx = dout W^T
            grads[0] = Tensor.wrap(dx, x.shape());
        }
        if (ctx.needsInputGrad(1)) {
            double[] dw = new double[k * n];
            Gemm.gemm(true, false, 1.0, mat(x.data(), m, k), g, 0.0, mat(dw, k, n));    // dW = x^T dout
            grads[1] = Tensor.wrap(dw, k, n);
        }
        if (grads.length > 2 && ctx.needsInputGrad(2)) {
            double[] db = new double[n];                                              // db = sum_rows dout
            double[] d = dout.data();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    db[j] += d[i * n + j];
                }
            }
            grads[2] = Tensor.wrap(db, n);
        }
        return grads;
    }

    private static org.grad4j.tensor.Tensor mat(double[] data, int rows, int cols) {
        return org.grad4j.tensor.Tensor.of(data, rows, cols);
    }
}
