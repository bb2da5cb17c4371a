package org.grad4j.autograd;

/**
 * Picking values by index or by condition, and their backward rules:
 * <pre>{@code
 * gather(t):           y_n = x[n, t_n]       dx[n, t_n] = g_n, 0 elsewhere
 * where(c, a, b):      y = c != 0 ? a : b    da = g where c != 0, db = g where c == 0 (summed to shape)
 * }</pre>
 */
final class Select {

    private Select() {
    }

    static Tensor gather(Tensor a, int[] classes) {
        if (a.shape.length != 2 || classes.length != a.shape[0]) {
            throw new IllegalArgumentException("gather: " + classes.length + " class indices for a tensor of shape "
                    + Shape.str(a.shape) + ", expected [" + classes.length + ", C]");
        }
        int c = a.shape[1];
        double[] r = new double[classes.length];
        for (int n = 0; n < classes.length; n++) {
            if (classes[n] < 0 || classes[n] >= c) {
                throw new IllegalArgumentException("gather: class index " + classes[n] + " at row " + n
                        + " out of range for shape " + Shape.str(a.shape));
            }
            r[n] = a.data[n * c + classes[n]];
        }
        Tensor out = new Tensor(r, new int[] {classes.length});
        if (NoGrad.recording(a)) {
            int[] t = classes.clone();
            out.gradFn = new Node("gather", a) {
                @Override
                protected Tensor[] backward(Tensor grad) {
                    double[] d = new double[inputs[0].data.length];
                    for (int n = 0; n < t.length; n++) {
                        d[n * c + t[n]] = grad.data[n];
                    }
                    return new Tensor[] {new Tensor(d, inputs[0].shape)};
                }
            }.save();
        }
        return out;
    }

    static Tensor where(Tensor condition, Tensor a, Tensor b) {
        int[] s = Shape.broadcast("where", Shape.broadcast("where", condition.shape, a.shape), b.shape);
        double[] c = Broadcast.expand(condition, s);
        double[] x = Broadcast.expand(a, s);
        double[] y = Broadcast.expand(b, s);
        double[] r = new double[c.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = c[i] != 0 ? x[i] : y[i];
        }
        Tensor out = new Tensor(r, s);
        if (NoGrad.recording(a, b)) {
            Tensor mask = new Tensor(c, s);
            out.gradFn = new Node("where", a, b) {
                @Override
                protected Tensor[] backward(Tensor grad) {
                    double[] m = saved(0).data;
                    double[] da = new double[m.length];
                    double[] db = new double[m.length];
                    for (int i = 0; i < m.length; i++) {
                        if (m[i] != 0) {
                            da[i] = grad.data[i];
                        } else {
                            db[i] = grad.data[i];
                        }
                    }
                    return new Tensor[] {
                        needsGrad(0) ? Broadcast.sumTo(new Tensor(da, s), inputs[0].shape) : null,
                        needsGrad(1) ? Broadcast.sumTo(new Tensor(db, s), inputs[1].shape) : null
                    };
                }
            }.save(mask);
        }
        return out;
    }
}
