package org.grad4j.train;

import java.io.IOException;
import org.grad4j.data.BatchSampler;
import org.grad4j.data.Dataset;
import org.grad4j.data.Split;
import org.grad4j.nn.BatchColumns;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.Network;
import org.grad4j.optim.ClipNorm;
import org.grad4j.optim.Optimizer;
import org.grad4j.optim.Sgd;
import org.grad4j.optim.schedule.Schedule;
import org.grad4j.tensor.Halves;
import org.grad4j.tensor.SparseProduct;
import org.grad4j.tensor.SparseRows;
import org.grad4j.tensor.Tensor;

/**
 * Mini-batch stochastic gradient descent, as the book's {@code train_neuralnet.py}: per iteration,
 * draw a batch, take the gradient of the loss (backprop, or the book's numerical gradient), and let
 * the optimizer update the weights; every epoch ({@code train size / batch} iterations) measure the
 * accuracy on the whole training and test splits.
 *
 * <p>A step allocates nothing once warm. The network's weights are modified in place. With plain
 * {@link Sgd} on a {@link FeedForwardNet} (backprop, no clipping) a step is the network's
 * {@code sgdStep} (three two-core phases): on dense batches the two cores gather the batch, each the
 * columns it multiplies, and the first layer's update is folded into its gradient product; the
 * weight gradients of the other layers ({@link Network#gradArrays()}) are not filled during the run
 * (the bias gradients are).
 */
public final class Trainer {
    private final Network net;
    private final Optimizer optimizer;
    private final Dataset data;
    private final TrainSettings s;
    private Schedule schedule;
    private InputMode input = InputMode.AUTO;
    private InputMode used;
    private int start;
    private History history;

    public Trainer(Network net, Optimizer optimizer, Dataset data, TrainSettings settings) {
        this.net = net;
        this.optimizer = optimizer;
        this.data = data;
        this.s = settings;
        int inputs = net.parameters().get(0).value().rows();
        if (inputs != data.features()) {
            throw new IllegalArgumentException("the network takes " + inputs + " inputs but " + data.name()
                    + " has " + data.features() + " features per example");
        }
        if (data.train().size() == 0) {
            throw new IllegalArgumentException(data.name() + ": the training split is empty");
        }
    }

    /** Changes the learning rate once per epoch by {@code schedule} (the epoch's mean loss is its metric). */
    public Trainer schedule(Schedule schedule) {
        this.schedule = schedule;
        return this;
    }

    /**
     * {@link InputMode#AUTO} reads sparsely only for runs of at least this many iterations: the sparse
     * kernels cost about a second of JIT compilation before they run at full speed, which a run of
     * the book's 10 000 MNIST iterations wins back (measured with {@code ./grad4j train --dataset
     * mnist-sample --input sparse|dense}: 390 against 460 us per iteration over 10 000 iterations,
     * but 1213 against 824 over 1000).
     */
    public static final int SPARSE_MIN_ITERATIONS = 5000;

    /** How batches are read ({@link InputMode#AUTO} by default); returns this. */
    public Trainer input(InputMode mode) {
        this.input = mode;
        this.used = null;
        return this;
    }

    /**
     * The input mode {@link #run} uses ({@link InputMode#DENSE} or {@link InputMode#SPARSE}): AUTO
     * resolved against the data, the network and the length of the run (sparse when at most
     * {@link FeedForwardNet#SPARSE_DENSITY} of the training pixels are nonzero and the run has at
     * least {@link #SPARSE_MIN_ITERATIONS} iterations to go). Sparse needs backprop and a
     * {@link FeedForwardNet} whose first layer can take it.
     *
     * @throws IllegalArgumentException when SPARSE is asked for but cannot be used, saying why
     */
    public InputMode inputMode() {
        if (used != null) {
            return used;
        }
        boolean feedForward = net instanceof FeedForwardNet;
        boolean backprop = s.gradient() == GradientMode.BACKPROP;
        boolean fits = data.features() <= SparseRows.MAX_COLUMNS;
        if (input == InputMode.SPARSE) {
            if (!backprop) {
                throw new IllegalArgumentException("sparse input works with the backprop gradient only");
            }
            if (!feedForward) {
                throw new IllegalArgumentException("sparse input needs a feed-forward network (FeedForwardNet)");
            }
            if (!fits) {
                throw new IllegalArgumentException("sparse input takes at most " + SparseRows.MAX_COLUMNS
                        + " features, " + data.name() + " has " + data.features());
            }
            if (!SparseProduct.available()) {
                throw new IllegalArgumentException("sparse input needs the Vector API (--add-modules "
                        + "jdk.incubator.vector)");
            }
            if (!((FeedForwardNet) net).sparseWorthwhile(0.0)) {
                throw new IllegalArgumentException("sparse input needs a first layer of at least "
                        + SparseProduct.MIN_COLUMNS + " units");
            }
            used = InputMode.SPARSE;
        } else if (input == InputMode.AUTO && backprop && feedForward && fits
                && s.iterations() - start >= SPARSE_MIN_ITERATIONS
                && ((FeedForwardNet) net).sparseWorthwhile(data.train().density())) {
            used = InputMode.SPARSE;
        } else {
            used = InputMode.DENSE;
        }
        return used;
    }

    /** Continues from a checkpoint's iteration and history (its weights must already be in the network). */
    public Trainer resume(Checkpoint.State state) {
        if (state.iteration() > s.iterations()) {
            throw new IllegalArgumentException("the checkpoint is at iteration " + state.iteration() + ", beyond the "
                    + s.iterations() + " asked for");
        }
        this.start = state.iteration();
        this.history = state.history();
        this.used = null;
        return this;
    }

    /** The number of iterations in an epoch: the training size over the batch size, at least 1. */
    public int iterationsPerEpoch() {
        return Math.max(data.train().size() / s.batch(), 1);
    }

    /** Runs the training; throws {@link TrainingDivergedException} when the loss or weights stop being finite. */
    public TrainResult run(TrainListener listener) throws IOException {
        Split train = data.train();
        int perEpoch = iterationsPerEpoch();
        int evalEvery = s.evalEvery() > 0 ? s.evalEvery() : perEpoch;
        boolean sparse = inputMode() == InputMode.SPARSE;
        Steps steps = new Steps(sparse);
        steps.skip(start); // the batches drawn before the checkpoint
        double[][] params = net.paramArrays();
        History h = history != null ? history : new History(s.iterations());
        Evaluation eval = new Evaluation(data.features(), sparse);
        double baseLr = optimizer.lr();
        double epochLoss = 0;
        int epochCount = 0;
        long stepNanos = 0;
        long evalNanos = 0;
        int lastCheckpoint = -1;
        // loads the BLAS library and starts the second core's thread now, as loading the data is not timed either
        Halves.enabled();

        for (int it = start; it < s.iterations(); it++) {
            long t0 = System.nanoTime();
            double loss = steps.next();
            if (!Double.isFinite(loss)) {
                throw diverged(it, "the loss is " + loss, lastCheckpoint);
            }
            stepNanos += System.nanoTime() - t0;
            h.addLoss(loss);
            epochLoss += loss;
            epochCount++;
            listener.iteration(it, s.iterations(), loss);

            int done = it + 1;
            boolean last = done == s.iterations();
            if (done % evalEvery == 0 || last) {
                if (!finite(params)) {
                    throw diverged(it, "a weight is no longer finite", lastCheckpoint);
                }
                long e0 = System.nanoTime();
                double trainAcc = eval.accuracy(net, train);
                double testAcc = eval.accuracy(net, data.test());
                evalNanos += System.nanoTime() - e0;
                h.addEvaluation(done, trainAcc, testAcc);
                listener.evaluated(done, (done + perEpoch - 1) / perEpoch, trainAcc, testAcc);
            }
            if (done % perEpoch == 0 && schedule != null) {
                optimizer.setLr(schedule.lr(done / perEpoch, baseLr, optimizer.lr(), epochLoss / epochCount));
                epochLoss = 0;
                epochCount = 0;
            }
            if (s.checkpoint() != null && ((s.checkpointEvery() > 0 && done % s.checkpointEvery() == 0) || last)) {
                if (!finite(params)) {
                    throw diverged(it, "a weight is no longer finite", lastCheckpoint);
                }
                Checkpoint.write(s.checkpoint(), net, done, s.seed(), h);
                lastCheckpoint = done;
                listener.checkpointed(done, s.checkpoint());
            }
        }
        if (!finite(params)) {
            throw diverged(s.iterations() - 1, "a weight is no longer finite", lastCheckpoint);
        }
        double trainAcc;
        double testAcc;
        if (h.evaluations() > 0 && h.evalIterations()[h.evaluations() - 1] == s.iterations()) {
            trainAcc = h.trainAccuracy()[h.evaluations() - 1];
            testAcc = h.testAccuracy()[h.evaluations() - 1];
        } else {
            trainAcc = eval.accuracy(net, train);
            testAcc = eval.accuracy(net, data.test());
        }
        return new TrainResult(h.iterations(), stepNanos / 1e9, evalNanos / 1e9, trainAcc, testAcc, h.lastLoss(), h);
    }

    /** A fresh iteration source for this trainer's settings and {@link #inputMode()}, for {@link Warmup}. */
    Steps steps() {
        return new Steps(inputMode() == InputMode.SPARSE);
    }

    /**
     * The iterations of {@link #run}, one at a time: draw a batch, take the gradient, let the
     * optimizer update the weights. Allocates nothing per step.
     */
    final class Steps {
        private final Split train = data.train();
        private final int batch = s.batch();
        private final BatchSampler sampler = new BatchSampler(train.size(), batch, s.sampling(), s.seed());
        private int[] idx = new int[batch];
        /** The next batch (dense input), drawn a step early so that the second core can read its rows into cache. */
        private int[] ahead;
        private final Runnable touchAhead;
        private int touched;
        private final int[] t = new int[batch];
        private final boolean sparse;
        private final SparseRows sparseTrain;
        private final Tensor x;
        private final Gather gather = new Gather(data.features());
        private final double[][] params = net.paramArrays();
        private final double[][] grads = net.gradArrays();
        private final boolean clip = s.clipNorm() != Double.POSITIVE_INFINITY;
        private final double[][] clipped;
        /** Plain SGD on a {@link FeedForwardNet}: {@link FeedForwardNet#sgdStep} (on a dense batch it also gathers the batch). */
        private final FeedForwardNet fusedNet;
        /** The batches of the fused dense path, two in turn: the one in use and the next (drawn a step early). */
        private final Columns[] columns = {new Columns(), new Columns()};
        private int turn;

        Steps(boolean sparse) {
            this.sparse = sparse;
            this.sparseTrain = sparse ? train.sparse() : null;
            this.x = sparse ? null : Tensor.zeros(batch, data.features());
            this.clipped = clip ? new double[grads.length][] : grads;
            if (clip) {
                for (int i = 0; i < grads.length; i++) {
                    clipped[i] = new double[grads[i].length];
                }
            }
            this.fusedNet = s.gradient() == GradientMode.BACKPROP && !clip
                    && net instanceof FeedForwardNet f && optimizer instanceof Sgd sgd && sgd.plain() ? f : null;
            this.touchAhead = () -> touched += train.touchRows(ahead, batch);
        }

        /** One batch's rows, gathered column range by column range (two threads may fill at once). */
        private final class Columns implements BatchColumns {
            final int[] rows = new int[batch];

            @Override
            public void fill(double[] xd, int c0, int c1) {
                train.gatherColumns(rows, batch, c0, c1, xd);
            }

            @Override
            public void readAhead(int c0, int c1) {
                touched += train.touchColumns(rows, batch, c0, c1);
            }
        }

        /** Draws {@code n} batches without using them (before the first {@link #next()}). */
        void skip(int n) {
            for (int i = 0; i < n; i++) {
                sampler.next(idx);
            }
        }

        /**
         * One iteration; returns the batch's loss before the update. When it is not finite, the
         * fused SGD path has updated nothing (the other paths leave that to the caller).
         */
        double next() {
            if (sparse) {
                sampler.next(idx);
            } else {
                if (ahead == null) {
                    ahead = new int[batch];
                    sampler.next(ahead);
                }
                int[] drawn = ahead;
                ahead = idx;
                idx = drawn;
                sampler.next(ahead);
            }
            train.gatherLabels(idx, 0, batch, t);
            if (!sparse && fusedNet == null) {
                gather.rows(train, idx, batch, x.data());
                // the second core reads the next batch's rows into cache after its half of the first
                // product, while this one computes the small layers (2-3 % of a step, in-process A/B)
                Halves.afterNextTask(touchAhead);
            }
            double loss;
            if (sparse && fusedNet != null) {
                loss = fusedNet.sgdStep(sparseTrain, idx, 0, batch, t, optimizer.lr());
            } else if (sparse) {
                loss = ((FeedForwardNet) net).gradient(sparseTrain, idx, 0, batch, t);
            } else if (fusedNet != null) {
                // each core gathers the columns it multiplies; the step also starts the next batch
                // (drawn a step early), which the previous step has already started for this one
                Columns now = columns[turn];
                Columns after = columns[turn ^ 1];
                System.arraycopy(idx, 0, now.rows, 0, batch);
                System.arraycopy(ahead, 0, after.rows, 0, batch);
                loss = fusedNet.sgdStep(now, after, x, t, optimizer.lr());
                turn ^= 1;
            } else if (s.gradient() == GradientMode.BACKPROP) {
                loss = net.gradient(x, t);
            } else {
                net.numericalGradient(x, t, s.threads());
                loss = net.loss(x, t);
            }
            if (!Double.isFinite(loss)) {
                return loss;
            }
            if (clip) {
                ClipNorm.clip(grads, s.clipNorm(), clipped);
            }
            if (fusedNet == null) {
                optimizer.step(params, clipped);
            }
            return loss;
        }
    }

    private TrainingDivergedException diverged(int it, String what, int lastCheckpoint) {
        String kept = lastCheckpoint >= 0 ? "; the last good checkpoint (iteration " + lastCheckpoint + ") is kept in "
                + s.checkpoint() : s.checkpoint() != null && java.nio.file.Files.exists(s.checkpoint())
                ? "; the checkpoint " + s.checkpoint() + " is left as it was" : "";
        return new TrainingDivergedException("training diverged at iteration " + (it + 1) + ": " + what
                + " (learning rate " + org.grad4j.io.Repr.of(optimizer.lr()) + " too large?); nothing was saved" + kept, it);
    }

    private static boolean finite(double[][] params) {
        for (double[] p : params) {
            for (double v : p) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }
}
