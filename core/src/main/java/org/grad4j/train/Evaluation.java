package org.grad4j.train;

import org.grad4j.data.Split;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.Network;
import org.grad4j.tensor.Ops;
import org.grad4j.tensor.Tensor;

/**
 * Predictions and accuracy of a network over a whole split, in chunks of rows so that 60 000
 * examples never need to be expanded to doubles at once.
 */
public final class Evaluation {
    static final int CHUNK = 1000;

    private final int features;
    private final boolean sparse;
    /** The gathered rows of a chunk, for networks other than {@link FeedForwardNet} (made on first use). */
    private Tensor chunk;
    private final int[] idx = new int[CHUNK];
    private final int[] best = new int[CHUNK];
    private final Gather gather;

    public Evaluation(int features) {
        this(features, false);
    }

    /**
     * @param sparse whether a {@link FeedForwardNet} computes its scores from the splits'
     *     {@link Split#sparse() nonzero pixels} (as training does with {@link InputMode#SPARSE})
     */
    public Evaluation(int features, boolean sparse) {
        this.features = features;
        this.sparse = sparse;
        this.gather = new Gather(features);
    }

    /** The predicted class of every example of {@code split}. */
    public int[] predictions(Network net, Split split) {
        int n = split.size();
        if (net instanceof FeedForwardNet ffn && split.features() != ffn.inputSize()) {
            throw new IllegalArgumentException("network input shape [" + n + ", " + split.features()
                    + "], expected [*, " + ffn.inputSize() + "]");
        }
        int[] out = new int[n];
        for (int from = 0; from < n; from += CHUNK) {
            int count = Math.min(CHUNK, n - from);
            for (int r = 0; r < count; r++) {
                idx[r] = from + r;
            }
            int[] arg = count == CHUNK ? best : new int[count];
            if (net instanceof FeedForwardNet ffn) {
                // each core takes blocks of its half of the rows through the network
                if (sparse) {
                    ffn.classify(split.sparse(), idx, 0, count, arg);
                } else {
                    ffn.classify((r0, r1, x) -> split.gatherRows(idx, r0, r1 - r0, x), count, arg);
                }
            } else {
                if (chunk == null) {
                    chunk = Tensor.zeros(CHUNK, features);
                }
                Tensor x = count == CHUNK ? chunk : Tensor.zeros(count, features);
                gather.rows(split, idx, count, x.data());
                Ops.argmaxRows(net.predict(x), arg);
            }
            System.arraycopy(arg, 0, out, from, count);
        }
        return out;
    }

    /** The fraction of examples of {@code split} whose predicted class is their label. */
    public double accuracy(Network net, Split split) {
        if (split.size() == 0) {
            return Double.NaN;
        }
        int[] pred = predictions(net, split);
        int correct = 0;
        for (int i = 0; i < pred.length; i++) {
            if (pred[i] == split.label(i)) {
                correct++;
            }
        }
        return (double) correct / pred.length;
    }

    /** {@code counts[true][predicted]}. */
    public static int[][] confusion(int[] predictions, Split split, int classes) {
        int[][] m = new int[classes][classes];
        for (int i = 0; i < predictions.length; i++) {
            m[split.label(i)][predictions[i]]++;
        }
        return m;
    }
}
