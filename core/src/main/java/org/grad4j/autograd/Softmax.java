package org.grad4j.autograd;

/**
 * Softmax and log-softmax along an axis, shifted by the maximum so that large scores do not overflow:
 * <pre>{@code
 * y = exp(x - m) / sum exp(x - m)            dx = y * (g - sum(g * y))
 * z = x - m - log sum exp(x - m)             dx = g - exp(z) * sum(g)
 * }</pre>
 */
final class Softmax {

    private Softmax() {
    }

    static Tensor apply(Tensor a, int axis, boolean log) {
        String name = log ? "logSoftmax" : "softmax";
        int ax = Shape.axis(name, a.shape, axis);
        int[] on = Shape.around(a.shape, ax);
        int outer = on[0];
        int n = on[1];
        int inner = on[2];
        double[] x = a.data;
        double[] y = new double[x.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double m = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < n; k++) {
                    m = Math.max(m, x[base + k * inner]);
                }
                double s = 0;
                for (int k = 0; k < n; k++) {
                    double e = Math.exp(x[base + k * inner] - m);
                    y[base + k * inner] = e;
                    s += e;
                }
                double logS = Math.log(s);
                for (int k = 0; k < n; k++) {
                    int j = base + k * inner;
                    y[j] = log ? x[j] - m - logS : y[j] / s;
                }
            }
        }
        Tensor out = new Tensor(y, a.shape);
        if (NoGrad.recording(a)) {
            out.gradFn = new Node(name, a) {
                @Override
                protected Tensor[] backward(Tensor grad) {
                    double[] yy = saved(0).data;
                    double[] g = grad.data;
                    double[] d = new double[g.length];
                    for (int o = 0; o < outer; o++) {
                        for (int i = 0; i < inner; i++) {
                            int base = o * n * inner + i;
                            double s = 0;
                            for (int k = 0; k < n; k++) {
                                int j = base + k * inner;
                                s += log ? g[j] : g[j] * yy[j];
                            }
                            for (int k = 0; k < n; k++) {
                                int j = base + k * inner;
                                d[j] = log ? g[j] - Math.exp(yy[j]) * s : yy[j] * (g[j] - s);
                            }
                        }
                    }
                    return new Tensor[] {new Tensor(d, inputs[0].shape)};
                }
            }.save(out);
        }
        Anomaly.check(name, out, a);
        return out;
    }
}
