package org.grad4j.tensor;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector kernels of {@link Pixels}: 8 byte codes are loaded at once, widened to 8 ints, masked to
 * 0..255, converted to two vectors of 4 doubles and divided by 255.0. The last {@code width % 8}
 * pixels of a row go through the scalar table. This class is only loaded when the module
 * {@code jdk.incubator.vector} is present.
 */
final class PixelKernels {

    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_64;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;

    private PixelKernels() {
    }

    static void rows(byte[] px, int s0, int s1, double[] out, int d0, int d1, int width) {
        int j = 0;
        for (; j + 8 <= width; j += 8) {
            IntVector a = (IntVector) ByteVector.fromArray(B, px, s0 + j).convertShape(VectorOperators.B2I, I, 0);
            IntVector b = (IntVector) ByteVector.fromArray(B, px, s1 + j).convertShape(VectorOperators.B2I, I, 0);
            a = a.lanewise(VectorOperators.AND, 0xFF);
            b = b.lanewise(VectorOperators.AND, 0xFF);
            ((DoubleVector) a.convertShape(VectorOperators.I2D, D, 0)).div(255.0).intoArray(out, d0 + j);
            ((DoubleVector) a.convertShape(VectorOperators.I2D, D, 1)).div(255.0).intoArray(out, d0 + j + 4);
            ((DoubleVector) b.convertShape(VectorOperators.I2D, D, 0)).div(255.0).intoArray(out, d1 + j);
            ((DoubleVector) b.convertShape(VectorOperators.I2D, D, 1)).div(255.0).intoArray(out, d1 + j + 4);
        }
        Pixels.scalar(px, s0 + j, out, d0 + j, width - j);
        Pixels.scalar(px, s1 + j, out, d1 + j, width - j);
    }

    static void row(byte[] px, int s, double[] out, int d, int width) {
        int j = 0;
        for (; j + 8 <= width; j += 8) {
            IntVector a = (IntVector) ByteVector.fromArray(B, px, s + j).convertShape(VectorOperators.B2I, I, 0);
            a = a.lanewise(VectorOperators.AND, 0xFF);
            ((DoubleVector) a.convertShape(VectorOperators.I2D, D, 0)).div(255.0).intoArray(out, d + j);
            ((DoubleVector) a.convertShape(VectorOperators.I2D, D, 1)).div(255.0).intoArray(out, d + j + 4);
        }
        Pixels.scalar(px, s + j, out, d + j, width - j);
    }
}
