package org.grad4j.train;

import org.grad4j.data.Examples;
import org.grad4j.data.Split;
import org.grad4j.data.SplitExamples;
import org.grad4j.nn.Network;
import org.grad4j.nn.loss.CrossEntropyLoss;

/**
 * A model's predictions and scores over a whole set of examples, in chunks of rows so that 60 000
 * examples never need to be expanded to doubles at once: for classification the accuracy and the
 * confusion matrix, for regression MSE, MAE and R² ({@link RegressionMetrics}). How a chunk is
 * computed is the {@link Predictor}'s business ({@link StepPlanner#predictor}).
 */
public final class Evaluation {
    static final int CHUNK = 1000;

    private final Predictor predictor;
    private final boolean sparse;
    private final int[] idx = new int[CHUNK];
    private final int[] best = new int[CHUNK];

    /** Through {@code predictor}. */
    public Evaluation(Predictor predictor) {
        this.predictor = predictor;
        this.sparse = false;
    }

    /** For the book's networks ({@link #predictions(Network, Split)}), dense input. */
    public Evaluation(int features) {
        this(features, false);
    }

    /**
     * For the book's networks ({@link #predictions(Network, Split)}).
     *
     * @param sparse whether scores are computed from the splits' {@link Split#sparse() nonzero pixels}
     */
    public Evaluation(int features, boolean sparse) {
        this.predictor = null;
        this.sparse = sparse;
    }

    /** The predicted class of every example. */
    public int[] predictions(Examples data) {
        return predictions(predictor, data);
    }

    private int[] predictions(Predictor p, Examples data) {
        int n = data.size();
        int[] out = new int[n];
        for (int from = 0; from < n; from += CHUNK) {
            int count = Math.min(CHUNK, n - from);
            for (int r = 0; r < count; r++) {
                idx[r] = from + r;
            }
            int[] arg = count == CHUNK ? best : new int[count];
            p.classify(data, idx, count, arg);
            System.arraycopy(arg, 0, out, from, count);
        }
        return out;
    }

    /** The outputs of every example, row-major ({@code size x outputs}). */
    public double[] outputs(Examples data) {
        int n = data.size();
        double[] out = null;
        int width = 0;
        for (int from = 0; from < n; from += CHUNK) {
            int count = Math.min(CHUNK, n - from);
            for (int r = 0; r < count; r++) {
                idx[r] = from + r;
            }
            double[] y = predictor.outputs(data, idx, count);
            if (out == null) {
                width = y.length / count;
                out = new double[n * width];
            }
            System.arraycopy(y, 0, out, from * width, y.length);
        }
        return out == null ? new double[0] : out;
    }

    /** The fraction of examples whose predicted class is their label (NaN for none). */
    public double accuracy(Examples data) {
        return data.size() == 0 ? Double.NaN : confusion(data).accuracy();
    }

    /** {@code counts[true][predicted]} over every example. */
    public ConfusionMatrix confusion(Examples data) {
        int[] pred = predictions(data);
        int[] labels = new int[data.size()];
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        data.gatherLabels(all, 0, all.length, labels);
        return ConfusionMatrix.of(labels, pred, data.classes());
    }

    /** MSE, MAE and R² of the outputs against the examples' targets. */
    public RegressionMetrics regression(Examples data) {
        double[] y = outputs(data);
        double[] targets = new double[data.size() * data.targetWidth()];
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        data.gatherTargets(all, 0, all.length, targets);
        return RegressionMetrics.of(targets, y, data.targetWidth());
    }

    /** The score {@code Trainer} records: accuracy for classification, R² for regression. */
    double score(Examples data) {
        if (data.size() == 0) {
            return Double.NaN;
        }
        return switch (data.task()) {
            case CLASSIFICATION -> accuracy(data);
            case REGRESSION -> regression(data).r2();
        };
    }

    /**
     * Scores the whole training and test sets and records them in {@code h} as evaluation at
     * {@code iteration}: the accuracies for classification, MSE, MAE and R² for regression (NaN for
     * an empty set).
     */
    void record(History h, int iteration, Examples train, Examples test) {
        switch (train.task()) {
            case CLASSIFICATION -> h.addEvaluation(iteration, score(train), score(test));
            case REGRESSION -> h.addEvaluation(iteration, train.size() == 0 ? null : regression(train),
                    test.size() == 0 ? null : regression(test));
        }
    }

    /** The predicted class of every example of {@code split} by one of the book's networks. */
    public int[] predictions(Network net, Split split) {
        int inputs = net.parameters().get(0).value().rows();
        if (split.features() != inputs) {
            throw new IllegalArgumentException("network input shape [" + split.size() + ", " + split.features()
                    + "], expected [*, " + inputs + "]");
        }
        var ps = net.parameters();
        int classes = ps.get(ps.size() - 1).value().cols();
        if (ps.get(ps.size() - 1).value().rank() == 1) {
            classes = ps.get(ps.size() - 1).value().size();
        }
        Predictor p = StepPlanner.predictor(net.asModule(), new CrossEntropyLoss(), new SplitExamples(split, classes),
                sparse);
        return predictions(p, new SplitExamples(split, classes));
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
