package org.grad4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BatchSamplerTest {

    private static final long SEED = 1234;

    @ParameterizedTest
    @EnumSource(Sampling.class)
    void sameSeedSameBatchesAndIndicesInRange(Sampling sampling) {
        BatchSampler a = new BatchSampler(97, 10, sampling, SEED);
        BatchSampler b = new BatchSampler(97, 10, sampling, SEED);
        int[] x = new int[10];
        int[] y = new int[12];
        y[10] = -5;
        for (int it = 0; it < 50; it++) {
            a.next(x);
            b.next(y);
            assertThat(Arrays.copyOf(y, 10)).containsExactly(x);
            assertThat(Arrays.stream(x).allMatch(i -> i >= 0 && i < 97)).isTrue();
        }
        assertThat(y[10]).as("entries beyond the batch untouched").isEqualTo(-5);
        assertThat(a.iteration()).isEqualTo(50);
    }

    @Test
    void shuffleSeesEveryExampleOncePerEpochAndReshuffles() {
        int n = 100;
        BatchSampler s = new BatchSampler(n, 7, Sampling.SHUFFLE, SEED);
        int[] idx = new int[7];
        int[] stream = new int[3 * n + 7];
        int p = 0;
        while (p + 7 <= stream.length) {
            s.next(idx);
            System.arraycopy(idx, 0, stream, p, 7);
            p += 7;
        }
        int[] first = Arrays.copyOfRange(stream, 0, n);
        int[] second = Arrays.copyOfRange(stream, n, 2 * n);
        int[] sortedFirst = first.clone();
        Arrays.sort(sortedFirst);
        int[] sortedSecond = second.clone();
        Arrays.sort(sortedSecond);
        int[] identity = new int[n];
        Arrays.setAll(identity, i -> i);
        assertThat(sortedFirst).containsExactly(identity);
        assertThat(sortedSecond).containsExactly(identity);
        assertThat(first).isNotEqualTo(second).isNotEqualTo(identity);
        assertThat(s.epoch()).isEqualTo(3);
    }

    @Test
    void sequentialWraps() {
        BatchSampler s = new BatchSampler(5, 3, Sampling.SEQUENTIAL, SEED);
        int[] idx = new int[3];
        s.next(idx);
        assertThat(idx).containsExactly(0, 1, 2);
        s.next(idx);
        assertThat(idx).containsExactly(3, 4, 0);
        assertThat(s.epoch()).isEqualTo(1);
        s.next(idx);
        assertThat(idx).containsExactly(1, 2, 3);
    }

    @Test
    void replacementDrawsWithReplacementUniformly() {
        // batch 10 from n = 10: without replacement every batch would be a permutation
        BatchSampler s = new BatchSampler(10, 10, Sampling.REPLACEMENT, SEED);
        int[] idx = new int[10];
        int withDuplicates = 0;
        long[] counts = new long[10];
        int batches = 2000;
        for (int it = 0; it < batches; it++) {
            s.next(idx);
            if (Arrays.stream(idx).distinct().count() < 10) {
                withDuplicates++;
            }
            for (int i : idx) {
                counts[i]++;
            }
        }
        // P(no duplicate) = 10!/10^10 = 0.00036, so almost every batch has one
        assertThat(withDuplicates).isGreaterThan(batches - 10);
        for (long c : counts) { // expected 2000 each, sd ~42
            assertThat(c).isBetween(1800L, 2200L);
        }
        assertThat(s.iterationsPerEpoch()).isEqualTo(1);
        assertThat(s.epoch()).isEqualTo(batches);
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> new BatchSampler(0, 1, Sampling.SHUFFLE, 1)).hasMessage("Invalid number of examples: 0");
        assertThatThrownBy(() -> new BatchSampler(5, 0, Sampling.SHUFFLE, 1)).hasMessage("Invalid batch size: 0");
        BatchSampler s = new BatchSampler(5, 4, Sampling.SHUFFLE, 1);
        assertThatThrownBy(() -> s.next(new int[3])).hasMessage("BatchSampler: index array of length 3 cannot hold a batch of 4");
        assertThat(new BatchSampler(60000, 100, Sampling.SHUFFLE, 1).iterationsPerEpoch()).isEqualTo(600);
    }
}
