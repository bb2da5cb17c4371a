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
    private final Tensor chunk;
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
        this.chunk = sparse ? null : Tensor.zeros(CHUNK, features);
        this.gather = new Gather(features);
    }

    /** The predicted class of every example of {@code split}. */
    public int[] predictions(Network net, Split split) {
        int n = split.size();
        int[] out = new int[n];
        for (int from = 0; from < n; from += CHUNK) {
            int count = Math.min(CHUNK, n - from);
            for (int r = 0; r < count; r++) {
                idx[r] = from + r;
            }
            Tensor scores;
            if (sparse && net instanceof FeedForwardNet ffn) {
                scores = ffn.scores(split.sparse(), idx, 0, count);
            } else {
                Tensor x = count == CHUNK && chunk != null ? chunk : Tensor.zeros(count, features);
                gather.rows(split, idx, count, x.data());
                scores = net.predict(x);
            }
            int[] arg = count == CHUNK ? best : new int[count];
            Ops.argmaxRows(scores, arg);
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
