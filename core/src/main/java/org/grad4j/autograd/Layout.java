package org.grad4j.autograd;

/**
 * Operations that move values without arithmetic, and their backward rules:
 * <pre>{@code
 * reshape:         dx = g reshaped back (the result shares x's data and version counter)
 * transpose(i, j): dx = g transposed back
 * slice rows:      dx = g in the sliced rows, 0 elsewhere
 * concat:          dx_k = the k-th block of g
 * }</pre>
 */
final class Layout {

    private Layout() {
    }

    static Tensor reshape(Tensor a, int[] shape) {
        int[] s = shape.clone();
        int infer = -1;
        int known = 1;
        for (int d = 0; d < s.length; d++) {
            if (s[d] == -1 && infer < 0) {
                infer = d;
            } else {
                known *= s[d];
            }
        }
        if (infer >= 0 && known > 0 && a.data.length % known == 0) {
            s[infer] = a.data.length / known;
        }
        Shape.checked("reshape", s);
        if (Shape.size(s) != a.data.length) {
            throw new IllegalArgumentException("reshape: shape " + Shape.str(shape) + " is invalid for a tensor of shape "
                    + Shape.str(a.shape) + " (" + a.data.length + " elements)");
        }
        Tensor out = new Tensor(a.data, s, a.version);
        if (NoGrad.recording(a)) {
            out.gradFn = new Node("reshape", a) {
                @Override
                protected Tensor[] backward(Tensor grad) {
                    return new Tensor[] {new Tensor(grad.data, inputs[0].shape)};
                }
            }.save();
        }
        return out;
    }

    static Tensor transpose(Tensor a, int dim0, int dim1) {
        int d0 = Shape.axis("transpose", a.shape, dim0);
        int d1 = Shape.axis("transpose", a.shape, dim1);
        int[] s = a.shape.clone();
        s[d0] = a.shape[d1];
        s[d1] = a.shape[d0];
        Tensor out = new Tensor(permute(a.data, a.shape, d0, d1), s);
        if (NoGrad.recording(a)) {
            out.gradFn = new Node("transpose", a) {
                @Override
                protected Tensor[] backward(Tensor grad) {
                    return new Tensor[] {new Tensor(permute(grad.data, s, d0, d1), inputs[0].shape)};
                }
            }.save();
        }
        return out;
    }

    /** {@code x} of {@code shape} with dimensions {@code d0} and {@code d1} swapped, as a new array. */
    private static double[] permute(double[] x, int[] shape, int d0, int d1) {
        int[] in4 = Shape.pad4(shape);
        int off = Shape.MAX_RANK - shape.length;
        int[] st = new int[Shape.MAX_RANK];
        for (int d = Shape.MAX_RANK - 1, stride = 1; d >= 0; d--) {
            st[d] = stride;
            stride *= in4[d];
        }
        int[] o4 = in4.clone();
        int[] os = st.clone();
        o4[d0 + off] = in4[d1 + off];
        o4[d1 + off] = in4[d0 + off];
        os[d0 + off] = st[d1 + off];
        os[d1 + off] = st[d0 + off];
        double[] r = new double[x.length];
        int i = 0;
        for (int a = 0; a < o4[0]; a++) {
            for (int b = 0; b < o4[1]; b++) {
                for (int c = 0; c < o4[2]; c++) {
                    int base = a * os[0] + b * os[1] + c * os[2];
                    for (int e = 0; e < o4[3]; e++) {
                        r[i++] = x[base + e * os[3]];
                    }
                }
            }
        }
        return r;
    }

    static Tensor slice(Tensor a, int start, int end) {
        if (a.shape.length == 0 || start < 0 || end > a.shape[0] || start >= end) {
            throw new IllegalArgumentException("slice: rows " + start + ".." + end + " of a tensor of shape "
                    + Shape.str(a.shape));
        }
        int row = a.data.length / a.shape[0];
        int[] s = a.shape.clone();
        s[0] = end - start;
        double[] r = new double[s[0] * row];
        System.arraycopy(a.data, start * row, r, 0, r.length);
        Tensor out = new Tensor(r, s);
        if (NoGrad.recording(a)) {
            out.gradFn = new Node("slice", a) {
                @Override
                protected Tensor[] backward(Tensor grad) {
                    double[] d = new double[inputs[0].data.length];
                    System.arraycopy(grad.data, 0, d, start * row, grad.data.length);
                    return new Tensor[] {new Tensor(d, inputs[0].shape)};
                }
            }.save();
        }
        return out;
    }

    static Tensor concat(int axis, Tensor[] ts) {
        if (ts.length == 0) {
            throw new IllegalArgumentException("concat: no tensors");
        }
        int[] first = ts[0].shape;
        int ax = Shape.axis("concat", first, axis);
        int total = 0;
        for (Tensor t : ts) {
            if (t.shape.length != first.length) {
                throw new IllegalArgumentException("concat: shapes " + Shape.str(first) + " and " + Shape.str(t.shape)
                        + " differ in rank");
            }
            for (int d = 0; d < first.length; d++) {
                if (d != ax && t.shape[d] != first[d]) {
                    throw new IllegalArgumentException("concat: shapes " + Shape.str(first) + " and "
                            + Shape.str(t.shape) + " differ outside axis " + ax);
                }
            }
            total += t.shape[ax];
        }
        int[] s = first.clone();
        s[ax] = total;
        int outer = Shape.around(first, ax)[0];
        int inner = Shape.around(first, ax)[2];
        double[] r = new double[Shape.size(s)];
        int[] offsets = new int[ts.length];
        for (int o = 0, pos = 0; o < outer; o++) {
            for (int k = 0; k < ts.length; k++) {
                int block = ts[k].shape[ax] * inner;
                System.arraycopy(ts[k].data, o * block, r, pos, block);
                pos += block;
            }
        }
        for (int k = 1; k < ts.length; k++) {
            offsets[k] = offsets[k - 1] + ts[k - 1].shape[ax] * inner;
        }
        Tensor out = new Tensor(r, s);
        if (NoGrad.recording(ts)) {
            int row = total * inner;
            out.gradFn = new Node("concat", ts.clone()) {
                @Override
                protected Tensor[] backward(Tensor grad) {
                    Tensor[] gs = new Tensor[inputs.length];
                    for (int k = 0; k < inputs.length; k++) {
                        if (!needsGrad(k)) {
                            continue;
                        }
                        int block = inputs[k].shape[ax] * inner;
                        double[] d = new double[outer * block];
                        for (int o = 0; o < outer; o++) {
                            System.arraycopy(grad.data, o * row + offsets[k], d, o * block, block);
                        }
                        gs[k] = new Tensor(d, inputs[k].shape);
                    }
                    return gs;
                }
            }.save();
        }
        return out;
    }
}
