package org.grad4j.autograd;

/**
 * Reductions over one axis (viewing the tensor as {@code [outer, n, inner]} around it) or over all
 * elements, and their backward rules:
 * <pre>{@code
 * sum:   dx = g broadcast back along the axis
 * mean:  dx = g / n broadcast back
 * max:   dx = g at the (first) position of the maximum along the axis, 0 elsewhere (as torch.max(dim));
 *        over all elements, g shared evenly among the positions equal to the maximum (as torch.max())
 * }</pre>
 * {@code argmax} returns indices (as doubles) and is not differentiable.
 */
final class Reduce {

    private Reduce() {
    }

    static Tensor sumAll(Tensor a, boolean mean) {
        double s = 0;
        for (double v : a.data) {
            s += v;
        }
        int n = a.data.length;
        Tensor out = Tensor.scalar(mean ? s / n : s);
        if (NoGrad.recording(a)) {
            out.gradFn = new Node(mean ? "mean" : "sum", a) {
                @Override
                protected Tensor[] backward(Tensor grad) {
                    return new Tensor[] {Tensor.full(mean ? grad.data[0] / n : grad.data[0], inputs[0].shape)};
                }
            }.save();
        }
        return out;
    }

    static Tensor sum(Tensor a, int axis, boolean keepDims, boolean mean) {
        String name = mean ? "mean" : "sum";
        int ax = Shape.axis(name, a.shape, axis);
        int[] on = Shape.around(a.shape, ax);
        int outer = on[0];
        int n = on[1];
        int inner = on[2];
        double[] x = a.data;
        double[] r = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < n; k++) {
                int base = (o * n + k) * inner;
                for (int i = 0; i < inner; i++) {
                    r[o * inner + i] += x[base + i];
                }
            }
        }
        if (mean) {
            for (int i = 0; i < r.length; i++) {
                r[i] /= n;
            }
        }
        Tensor out = new Tensor(r, Shape.reduced(a.shape, ax, keepDims));
        if (NoGrad.recording(a)) {
            double scale = mean ? 1.0 / n : 1.0;
            out.gradFn = new Node(name, a) {
                @Override
                protected Tensor[] backward(Tensor grad) {
                    double[] g = grad.data;
                    double[] d = new double[outer * n * inner];
                    for (int o = 0; o < outer; o++) {
                        for (int k = 0; k < n; k++) {
                            int base = (o * n + k) * inner;
                            for (int i = 0; i < inner; i++) {
                                d[base + i] = g[o * inner + i] * scale;
                            }
                        }
                    }
                    return new Tensor[] {new Tensor(d, inputs[0].shape)};
                }
            }.save();
        }
        return out;
    }

    /** Index of the first maximum along the axis, per {@code [outer, inner]} position. */
    private static int[] argmaxIndices(Tensor a, int outer, int n, int inner) {
        double[] x = a.data;
        int[] idx = new int[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int best = 0;
                double m = x[o * n * inner + i];
                for (int k = 1; k < n; k++) {
                    double v = x[(o * n + k) * inner + i];
                    if (v > m || (Double.isNaN(v) && !Double.isNaN(m))) {
                        m = v;
                        best = k;
                    }
                }
                idx[o * inner + i] = best;
            }
        }
        return idx;
    }

    static Tensor argmax(Tensor a, int axis, boolean keepDims) {
        int ax = Shape.axis("argmax", a.shape, axis);
        int[] on = Shape.around(a.shape, ax);
        int[] idx = argmaxIndices(a, on[0], on[1], on[2]);
        double[] r = new double[idx.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = idx[i];
        }
        return new Tensor(r, Shape.reduced(a.shape, ax, keepDims));
    }

    static Tensor max(Tensor a, int axis, boolean keepDims) {
        int ax = Shape.axis("max", a.shape, axis);
        int[] on = Shape.around(a.shape, ax);
        int outer = on[0];
        int n = on[1];
        int inner = on[2];
        int[] idx = argmaxIndices(a, outer, n, inner);
        double[] r = new double[idx.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                r[o * inner + i] = a.data[(o * n + idx[o * inner + i]) * inner + i];
            }
        }
        Tensor out = new Tensor(r, Shape.reduced(a.shape, ax, keepDims));
        if (NoGrad.recording(a)) {
            out.gradFn = new Node("max", a) {
                @Override
                protected Tensor[] backward(Tensor grad) {
                    double[] d = new double[outer * n * inner];
                    for (int o = 0; o < outer; o++) {
                        for (int i = 0; i < inner; i++) {
                            d[(o * n + idx[o * inner + i]) * inner + i] = grad.data[o * inner + i];
                        }
                    }
                    return new Tensor[] {new Tensor(d, inputs[0].shape)};
                }
            }.save();
        }
        Anomaly.check("max", out, a);
        return out;
    }

    static Tensor maxAll(Tensor a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a.data) {
            m = v > m || Double.isNaN(v) ? v : m;
            if (Double.isNaN(m)) {
                break;
            }
        }
        Tensor out = Tensor.scalar(m);
        if (NoGrad.recording(a)) {
            double max = m;
            out.gradFn = new Node("max", a) {
                @Override
                protected Tensor[] backward(Tensor grad) {
                    double[] x = saved(0).data;
                    int count = 0;
                    for (double v : x) {
                        count += v == max ? 1 : 0;
                    }
                    double[] d = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        d[i] = x[i] == max ? grad.data[0] / count : 0;
                    }
                    return new Tensor[] {new Tensor(d, inputs[0].shape)};
                }
            }.save(a);
        }
        Anomaly.check("max", out, a);
        return out;
    }
}
