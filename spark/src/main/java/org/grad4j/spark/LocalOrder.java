package org.grad4j.spark;

import java.util.SplittableRandom;
import org.grad4j.data.Sampling;

/**
 * The order in which one partition visits its own rows in {@code average} mode, addressable by
 * position so that a task can start mid-stream without replaying the rounds before it (tasks keep
 * no state between jobs): position {@code p} of partition {@code part} is
 * <ul>
 *   <li>SHUFFLE: row {@code perm_e[p mod n]} of epoch {@code e = p / n}, where {@code perm_e} is a
 *       Fisher-Yates permutation seeded by {@code (seed, part, e)};</li>
 *   <li>SEQUENTIAL: row {@code p mod n};</li>
 *   <li>REPLACEMENT: a uniform draw seeded by {@code (seed, part, p / batch)} for each batch.</li>
 * </ul>
 */
final class LocalOrder {
    private final int n;
    private final Sampling sampling;
    private final long seed;
    private final int part;
    private int[] perm;
    private long permEpoch = -1;
    private SplittableRandom draws;
    private long drawsBatch = -1;

    LocalOrder(int n, Sampling sampling, long seed, int part) {
        this.n = n;
        this.sampling = sampling;
        this.seed = seed;
        this.part = part;
    }

    /** Fills {@code idx[0..batch)} with the rows at positions {@code batchNumber * batch ...}. */
    void batch(long batchNumber, int batch, int[] idx) {
        long p0 = batchNumber * batch;
        for (int k = 0; k < batch; k++) {
            long p = p0 + k;
            idx[k] = switch (sampling) {
                case SEQUENTIAL -> (int) (p % n);
                case SHUFFLE -> permutation(p / n)[(int) (p % n)];
                case REPLACEMENT -> draw(batchNumber);
            };
        }
    }

    private int draw(long batchNumber) {
        if (drawsBatch != batchNumber) {
            draws = new SplittableRandom(mix(seed, part, batchNumber));
            drawsBatch = batchNumber;
        }
        return draws.nextInt(n);
    }

    private int[] permutation(long epoch) {
        if (epoch != permEpoch) {
            if (perm == null) {
                perm = new int[n];
            }
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            SplittableRandom r = new SplittableRandom(mix(seed, part, epoch));
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            permEpoch = epoch;
        }
        return perm;
    }

    /** A seed from three numbers (SplittableRandom's own mixing of a golden-ratio sequence). */
    static long mix(long seed, long a, long b) {
        return new SplittableRandom(new SplittableRandom(seed ^ (a * 0x9E3779B97F4A7C15L)).nextLong()
                ^ (b * 0xC2B2AE3D27D4EB4FL)).nextLong();
    }
}
