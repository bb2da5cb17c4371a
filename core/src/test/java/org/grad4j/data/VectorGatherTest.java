package org.grad4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VectorGatherTest {

    @Test
    void everyByteBecomesExactlyItsValueOver255() {
        byte[] px = new byte[3 + 256 + 5];
        for (int v = 0; v < 256; v++) {
            px[3 + v] = (byte) v;
        }
        for (int count : new int[] {0, 1, 7, 8, 9, 256, 261}) {
            double[] out = new double[2 + 261];
            if (2 + count < out.length) {
                out[2 + count] = -1; // a sentinel right after the row
            }
            VectorGather.row(px, 3, out, 2, count);
            for (int j = 0; j < count; j++) {
                assertThat(out[2 + j]).as("count %d, j %d", count, j).isEqualTo((px[3 + j] & 0xFF) / 255.0);
            }
            if (2 + count < out.length) {
                assertThat(out[2 + count]).isEqualTo(-1.0);
            }
            assertThat(out[0]).isZero();
        }
    }
}
