package org.grad4j.train;

import org.grad4j.data.Split;
import org.grad4j.tensor.Halves;

/**
 * Gathers rows of a split as doubles on two cores when {@link Halves} is on (converting a batch of
 * 100 MNIST images, 78 400 pixels, takes a fifth of a training step on one core). The work is cut
 * the way the first layer's product {@code x W1} will be cut ({@code Gemm}): by the middle column
 * when the rows are few (a training batch: the product is split by its inner dimension, and
 * {@code x^T dA1} by rows of {@code dW1}, also at the middle column), by the middle row otherwise
 * (an evaluation chunk of 1000 rows: split by rows). Each core then reads the half it wrote
 * itself. Reused; one gathering at a time.
 */
final class Gather implements Halves.Task {
    private final int features;
    private Split split;
    private int[] idx;
    private int count;
    private double[] out;

    Gather(int features) {
        this.features = features;
    }

    /** Rows {@code idx[0..count)} of {@code split} into {@code out}, row-major. */
    void rows(Split split, int[] idx, int count, double[] out) {
        if (count < 2 || features < 2 || !Halves.acquire()) {
            split.gatherRows(idx, 0, count, out);
            return;
        }
        this.split = split;
        this.idx = idx;
        this.count = count;
        this.out = out;
        Halves.run(this);
    }

    @Override
    public void run(int half) {
        if (features >= 2 * count) {
            int mid = features / 2;
            split.gatherColumns(idx, count, half == 0 ? 0 : mid, half == 0 ? mid : features, out);
        } else {
            int mid = count / 2;
            split.gatherRows(idx, half == 0 ? 0 : mid, half == 0 ? mid : count - mid, out, half == 0 ? 0 : mid * features);
        }
    }
}
