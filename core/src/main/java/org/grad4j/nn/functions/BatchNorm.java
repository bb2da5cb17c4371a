package org.grad4j.nn.functions;

import org.grad4j.autograd.Function;
import org.grad4j.autograd.Tensor;

/**
 * Batch normalization (Ioffe and Szegedy 2015; the book's ch. 6.3 {@code BatchNormalization}) as an
 * autograd function of {@code (x [N, D], gamma [D], beta [D])}, with PyTorch's running statistics.
 *
 * <p>In training ({@code training == true}), with batch statistics:
 * <pre>{@code
 * forward:   mu = mean_n x,  xc = x - mu,  var = mean_n xc^2,  std = sqrt(var + eps),
 *            xn = xc / std,  y = gamma * xn + beta
 *            running_mean = (1 - momentum) running_mean + momentum mu
 *            running_var  = (1 - momentum) running_var  + momentum var * N / (N - 1)   (unbiased, as torch)
 * backward:  dbeta = sum_n dout,   dgamma = sum_n xn * dout,   dxn = gamma * dout,
 *            dxc = dxn / std,   dstd = -sum_n dxn * xc / std^2,   dvar = dstd / (2 std),
 *            dxc += (2 / N) xc dvar,   dmu = sum_n dxc,   dx = dxc - dmu / N            (the book's steps)
 * }</pre>
 * In evaluation, {@code y = gamma * (x - running_mean) / sqrt(running_var + eps) + beta}, so
 * {@code dx = dout * gamma / sqrt(running_var + eps)}. The running buffers are modified in place
 * (training forward only).
 */
public final class BatchNorm extends Function {

    private final double[] runningMean;
    private final double[] runningVar;
    private final double momentum;
    private final double eps;
    private final boolean training;

    /** {@code runningMean} and {@code runningVar} ({@code D} values each) are updated in training. */
    public BatchNorm(double[] runningMean, double[] runningVar, double momentum, double eps, boolean training) {
        this.runningMean = runningMean;
        this.runningVar = runningVar;
        this.momentum = momentum;
        this.eps = eps;
        this.training = training;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        Tensor x = in[0];
        int d = runningMean.length;
        if (x.rank() != 2 || x.dim(1) != d || in[1].size() != d || in[2].size() != d) {
            throw new IllegalArgumentException("BatchNorm: shape mismatch x " + x.shapeString() + ", gamma "
                    + in[1].shapeString() + ", beta " + in[2].shapeString() + ", expected [N, " + d + "]");
        }
        int n = x.dim(0);
        if (training && n < 2) {
            throw new IllegalArgumentException("BatchNorm: expected more than 1 value per channel when training,"
                    + " got input of shape " + x.shapeString());
        }
        double[] xd = x.data();
        double[] gamma = in[1].data();
        double[] beta = in[2].data();
        double[] xn = new double[n * d];
        double[] std = new double[d];
        double[] y = new double[n * d];
        for (int j = 0; j < d; j++) {
            double mu;
            double var;
            if (training) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += xd[i * d + j];
                }
                mu = s / n;
                double q = 0;
                for (int i = 0; i < n; i++) {
                    double c = xd[i * d + j] - mu;
                    q += c * c;
                }
                var = q / n;
                runningMean[j] = (1 - momentum) * runningMean[j] + momentum * mu;
                runningVar[j] = (1 - momentum) * runningVar[j] + momentum * q / (n - 1);
            } else {
                mu = runningMean[j];
                var = runningVar[j];
            }
            std[j] = Math.sqrt(var + eps);
            for (int i = 0; i < n; i++) {
                int k = i * d + j;
                xn[k] = (xd[k] - mu) / std[j];
                y[k] = gamma[j] * xn[k] + beta[j];
            }
        }
        ctx.saveForBackward(Tensor.wrap(xn, n, d), Tensor.wrap(std, d), in[1]);
        return Tensor.wrap(y, n, d);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor dout) {
        double[] xn = ctx.saved(0).data();
        double[] std = ctx.saved(1).data();
        double[] gamma = ctx.saved(2).data();
        double[] g = dout.data();
        int d = std.length;
        int n = xn.length / d;
        double[] dx = new double[n * d];
        double[] dgamma = new double[d];
        double[] dbeta = new double[d];
        for (int j = 0; j < d; j++) {
            double sumG = 0;
            double sumGxn = 0;
            for (int i = 0; i < n; i++) {
                sumG += g[i * d + j];
                sumGxn += g[i * d + j] * xn[i * d + j];
            }
            dbeta[j] = sumG;
            dgamma[j] = sumGxn;
            if (!training) {
                for (int i = 0; i < n; i++) {
                    dx[i * d + j] = g[i * d + j] * gamma[j] / std[j];
                }
                continue;
            }
            // The book's steps with xc = xn * std: dxc = gamma g / std - xc * sum(gamma g xc) / (N std^3)
            // and dx = dxc - mean(dxc), i.e. (gamma / std) (g - mean(g) - xn mean(g xn)).
            double meanG = sumG / n;
            double meanGxn = sumGxn / n;
            for (int i = 0; i < n; i++) {
                int k = i * d + j;
                dx[k] = gamma[j] / std[j] * (g[k] - meanG - xn[k] * meanGxn);
            }
        }
        return new Tensor[] {Tensor.wrap(dx, n, d), Tensor.wrap(dgamma, d), Tensor.wrap(dbeta, d)};
    }
}
