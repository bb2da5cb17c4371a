package org.grad4j.data;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Byte pixels to {@code pixel / 255.0}, eight at a time; only loaded when the module
 * {@code jdk.incubator.vector} is present. The division is the same IEEE operation as the scalar
 * table's, so the results are identical; measured 76 against 122 us for a batch of 100 MNIST images.
 */
final class VectorGather {

    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_64;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;

    private VectorGather() {
    }

    /** {@code out[dst + j] = (pixels[src + j] & 0xFF) / 255.0} for {@code j < count}. */
    static void row(byte[] pixels, int src, double[] out, int dst, int count) {
        DoubleVector scale = DoubleVector.broadcast(D, 255.0);
        int j = 0;
        for (int up = count - 7; j < up; j += 8) {
            IntVector v = ((IntVector) ByteVector.fromArray(B, pixels, src + j)
                    .convertShape(VectorOperators.B2I, IntVector.SPECIES_256, 0)).and(0xFF);
            ((DoubleVector) v.convertShape(VectorOperators.I2D, D, 0)).div(scale).intoArray(out, dst + j);
            ((DoubleVector) v.convertShape(VectorOperators.I2D, D, 1)).div(scale).intoArray(out, dst + j + 4);
        }
        for (; j < count; j++) {
            out[dst + j] = (pixels[src + j] & 0xFF) / 255.0;
        }
    }
}
