package org.grad4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PixelsTest {

    @Test
    void theVectorKernelIsInUseInTheTests() {
        // surefire passes --add-modules jdk.incubator.vector, as the launcher does
        assertTrue(Pixels.vector());
    }

    @Test
    void everyCodeInEveryLaneIsItsQuotientBy255() {
        // 256 codes, each at each of the 8 positions of a vector load, in both rows of a pair
        for (int shift = 0; shift < 8; shift++) {
            byte[] px = new byte[256 + 8];
            for (int v = 0; v < 256; v++) {
                px[shift + v] = (byte) v;
            }
            double[] out = new double[2 * px.length];
            PixelKernels.rows(px, 0, 0, out, 0, px.length, px.length);
            double[] one = new double[px.length];
            PixelKernels.row(px, 0, one, 0, px.length);
            double[] viaTable = new double[px.length];
            Pixels.scalar(px, 0, viaTable, 0, px.length);
            double[] either = new double[px.length];
            Pixels.row(px, 0, either, 0, px.length);
            assertArrayEquals(viaTable, either, 0.0);
            for (int v = 0; v < 256; v++) {
                double want = v / 255.0;
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(out[shift + v]), "code " + v);
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(out[px.length + shift + v]));
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(one[shift + v]));
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(viaTable[shift + v]));
                assertEquals(want, Pixels.level((byte) v));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 15, 16, 17, 28, 63, 392, 784})
    void widthsOffsetsAndTailsMatchTheTable(int width) {
        Random rnd = new Random(width * 31L + 7);
        byte[] px = new byte[3 * width + 11];
        rnd.nextBytes(px);
        double[] levels = Pixels.levels();
        int s0 = rnd.nextInt(width + 1);
        int s1 = width + 3 + rnd.nextInt(width + 1);
        double[] out = new double[2 * width + 20];
        java.util.Arrays.fill(out, -1.0);
        int d0 = 1 + rnd.nextInt(3);
        int d1 = d0 + width + 2;
        PixelKernels.rows(px, s0, s1, out, d0, d1, width);
        double[] either = new double[out.length];
        java.util.Arrays.fill(either, -1.0);
        Pixels.rows(px, s0, s1, either, d0, d1, width);
        double[] want = new double[out.length];
        java.util.Arrays.fill(want, -1.0);
        for (int j = 0; j < width; j++) {
            want[d0 + j] = levels[px[s0 + j] & 0xFF];
            want[d1 + j] = levels[px[s1 + j] & 0xFF];
        }
        assertArrayEquals(want, out, 0.0); // the rest of out untouched
        assertArrayEquals(want, either, 0.0);
        double[] single = new double[width + 2];
        PixelKernels.row(px, s1, single, 1, width);
        double[] wantSingle = new double[width + 2];
        Pixels.scalar(px, s1, wantSingle, 1, width);
        assertArrayEquals(wantSingle, single, 0.0);
    }

    @Test
    void rangesOutsideTheArraysThrow() {
        byte[] px = new byte[16];
        double[] out = new double[32];
        assertThrows(IndexOutOfBoundsException.class, () -> PixelKernels.rows(px, 0, 9, out, 0, 16, 8));
        assertThrows(IndexOutOfBoundsException.class, () -> PixelKernels.row(px, 0, out, 28, 8));
        assertThrows(IndexOutOfBoundsException.class, () -> PixelKernels.row(px, 12, out, 0, 8));
        assertThrows(IndexOutOfBoundsException.class, () -> Pixels.rows(px, 0, 9, out, 0, 16, 8));
        assertThrows(IndexOutOfBoundsException.class, () -> Pixels.row(px, 12, out, 0, 8));
    }

    @Test
    void theVectorKernelIsTakenOnceTheJitHasCompiledIt() {
        // timed tries, as the conversion makes them now and then: compiled, the kernel converts a
        // pixel in well under a nanosecond; interpreted, in tens. Typically a few hundred tries.
        byte[] px = new byte[2 * 392];
        new Random(3).nextBytes(px);
        double[] out = new double[2 * 392];
        long deadline = System.nanoTime() + 20_000_000_000L;
        boolean compiled = false;
        while (!compiled && System.nanoTime() < deadline) {
            compiled = Pixels.warm(px, out, 392);
        }
        assertTrue(compiled, "the vector kernel never ran at compiled speed");
        assertTrue(Pixels.vectorInUse());
    }
}
