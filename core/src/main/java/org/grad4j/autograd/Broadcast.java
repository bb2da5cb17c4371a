package org.grad4j.autograd;

import java.util.Arrays;

/** Undoing broadcasting in backward: a gradient is summed over the dimensions its input was stretched along. */
final class Broadcast {

    private Broadcast() {
    }

    /**
     * {@code g} (of the broadcast shape) summed down to {@code shape}; {@code g} itself when the shapes
     * are equal (it is not modified either way).
     */
    static Tensor sumTo(Tensor g, int[] shape) {
        if (Arrays.equals(g.shape, shape)) {
            return g;
        }
        double[] r = new double[Shape.size(shape)];
        double[] gd = g.data;
        if (r.length == 1) {
            double s = 0;
            for (double v : gd) {
                s += v;
            }
            r[0] = s;
            return new Tensor(r, shape.clone());
        }
        int[] o4 = Shape.pad4(g.shape);
        int[] s = Shape.strides4(shape, o4);
        int i = 0;
        for (int d0 = 0; d0 < o4[0]; d0++) {
            for (int d1 = 0; d1 < o4[1]; d1++) {
                for (int d2 = 0; d2 < o4[2]; d2++) {
                    int base = d0 * s[0] + d1 * s[1] + d2 * s[2];
                    for (int d3 = 0; d3 < o4[3]; d3++) {
                        r[base + d3 * s[3]] += gd[i++];
                    }
                }
            }
        }
        return new Tensor(r, shape.clone());
    }

    /** {@code t} repeated to the broadcast {@code shape} (a new array). */
    static double[] expand(Tensor t, int[] shape) {
        double[] r = new double[Shape.size(shape)];
        int[] o4 = Shape.pad4(shape);
        int[] s = Shape.strides4(t.shape, o4);
        double[] td = t.data;
        int i = 0;
        for (int d0 = 0; d0 < o4[0]; d0++) {
            for (int d1 = 0; d1 < o4[1]; d1++) {
                for (int d2 = 0; d2 < o4[2]; d2++) {
                    int base = d0 * s[0] + d1 * s[1] + d2 * s[2];
                    for (int d3 = 0; d3 < o4[3]; d3++) {
                        r[i++] = td[base + d3 * s[3]];
                    }
                }
            }
        }
        return r;
    }
}
