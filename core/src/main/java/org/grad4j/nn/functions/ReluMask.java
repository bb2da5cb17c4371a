package org.grad4j.nn.functions;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Relu}'s backward {@code dx = y > 0 ? dout : 0} with the Vector API: a compare and a blend per
 * vector, where the scalar loop mispredicts a branch on about every other element (the signs of
 * pre-activations are random). Loaded only when {@code jdk.incubator.vector} is present; same results
 * as the scalar loop, bit for bit.
 */
final class ReluMask {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private ReluMask() {
    }

    static void backward(double[] y, double[] g, double[] dx) {
        DoubleVector zero = DoubleVector.zero(S);
        int i = 0;
        for (int up = S.loopBound(y.length); i < up; i += S.length()) {
            VectorMask<Double> off = DoubleVector.fromArray(S, y, i).compare(VectorOperators.GT, 0.0).not();
            DoubleVector.fromArray(S, g, i).blend(zero, off).intoArray(dx, i);
        }
        for (; i < y.length; i++) {
            dx[i] = y[i] > 0 ? g[i] : 0.0;
        }
    }
}
