package org.grad4j.train;

import java.io.IOException;
import org.grad4j.data.BatchSampler;
import org.grad4j.data.Dataset;
import org.grad4j.data.Examples;
import org.grad4j.data.SplitExamples;
import org.grad4j.data.Task;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.Network;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.nn.loss.Loss;
import org.grad4j.nn.module.Module;
import org.grad4j.optim.ModuleOptimizer;
import org.grad4j.optim.Optimizer;
import org.grad4j.optim.schedule.Schedule;
import org.grad4j.tensor.SparseProduct;
import org.grad4j.tensor.SparseRows;
import org.grad4j.tensor.TwoCores;

/**
 * Mini-batch gradient descent over any module, loss, optimizer and examples, as the book's
 * {@code train_neuralnet.py}: per iteration, draw a batch, take the gradient of the loss, and let
 * the optimizer update the parameters in place; every epoch ({@code train size / batch} iterations)
 * score the whole training and test sets (accuracy for classification; MSE, MAE and R² for
 * regression, recorded in the {@link History}).
 *
 * <p>How a step and an evaluation are computed is {@link StepPlanner}'s choice, made once per run:
 * the book's fused two-core SGD step for the exact pattern it implements (its contract, in
 * {@link Plan#unfilledGradients()}, is that the modules' {@code grad} tensors are not filled), the
 * generic autograd step for everything else. This class does not look at which module, loss or
 * optimizer it was given.
 *
 * <p>Each {@link #run} owns a second core: it starts a {@link TwoCores} worker of its own when it
 * begins and closes it when it ends (also when it fails); the plan's steps, the optimizer's update
 * and the evaluations of that run use it, and nothing else does. Two runs on two threads never share
 * a worker, and each computes the bits it computes alone. A trainer is not thread-safe: one run at
 * a time.
 * <pre>{@code
 * Sequential net = Sequential.book(new Linear(5, 32, Init.std(0.5), rng), new Tanh(), new Linear(32, 1, Init.std(0.5), rng));
 * TrainResult r = new Trainer(net, new MSELoss(), new Adam(0.01), ds.train(), ds.test(), settings).run(TrainListener.NONE);
 * }</pre>
 */
public final class Trainer {
    private final Module module;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Examples train;
    private final Examples test;
    private final String name;
    private final TrainSettings s;
    private Schedule schedule;
    private InputMode input = InputMode.AUTO;
    private InputMode used;
    private int start;
    private History history;
    private Checkpoint.State resumed;

    /**
     * @throws IllegalArgumentException when the training examples are empty
     */
    public Trainer(Module module, Loss loss, Optimizer optimizer, Examples train, Examples test,
            TrainSettings settings) {
        this(module, loss, optimizer, train, test, "the data", settings);
    }

    /** With a {@link ModuleOptimizer} over {@code module}'s parameters (its optimizer steps them). */
    public Trainer(Module module, Loss loss, ModuleOptimizer optimizer, Examples train, Examples test,
            TrainSettings settings) {
        this(module, loss, optimizer.optimizer(), train, test, settings);
    }

    /** One of the book's networks on an IDX data set: its module and softmax cross-entropy. */
    public Trainer(Network net, Optimizer optimizer, Dataset data, TrainSettings settings) {
        this(checkInputs(net, data).asModule(), new CrossEntropyLoss(), optimizer, SplitExamples.train(data),
                SplitExamples.test(data), data.name(), settings);
    }

    private Trainer(Module module, Loss loss, Optimizer optimizer, Examples train, Examples test, String name,
            TrainSettings settings) {
        this.module = module;
        this.loss = loss;
        this.optimizer = optimizer;
        this.train = train;
        this.test = test;
        this.name = name;
        this.s = settings;
        if (train.size() == 0) {
            throw new IllegalArgumentException(name + ": the training split is empty");
        }
    }

    private static Network checkInputs(Network net, Dataset data) {
        int inputs = net.parameters().get(0).value().rows();
        if (inputs != data.features()) {
            throw new IllegalArgumentException("the network takes " + inputs + " inputs but " + data.name()
                    + " has " + data.features() + " features per example");
        }
        return net;
    }

    /** The module trained. */
    public Module module() {
        return module;
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
     * The step {@link #run} takes, as {@link StepPlanner} chooses it for this trainer (this one on the
     * calling thread alone: {@code run} gives its own plan the run's worker).
     */
    public Plan plan() {
        return StepPlanner.plan(module, loss, optimizer, train, s, inputMode() == InputMode.SPARSE);
    }

    /**
     * The input mode {@link #run} uses ({@link InputMode#DENSE} or {@link InputMode#SPARSE}): AUTO
     * resolved against the data, the plan and the length of the run (sparse when the fused step is
     * planned, at most {@link FeedForwardNet#SPARSE_DENSITY} of the training pixels are nonzero and
     * the run has at least {@link #SPARSE_MIN_ITERATIONS} iterations to go).
     *
     * @throws IllegalArgumentException when SPARSE is asked for but cannot be used, saying why
     */
    public InputMode inputMode() {
        if (used != null) {
            return used;
        }
        String refused = StepPlanner.refusal(module, loss, optimizer, train, s.gradient(), s.clipNorm());
        boolean fits = train.features() <= SparseRows.MAX_COLUMNS;
        if (input == InputMode.SPARSE) {
            if (s.gradient() != GradientMode.BACKPROP) {
                throw new IllegalArgumentException("sparse input works with the backprop gradient only");
            }
            if (refused != null) {
                throw new IllegalArgumentException("sparse input needs the fused SGD step, which is refused: "
                        + refused);
            }
            if (!fits) {
                throw new IllegalArgumentException("sparse input takes at most " + SparseRows.MAX_COLUMNS
                        + " features, " + name + " has " + train.features());
            }
            if (!SparseProduct.available()) {
                throw new IllegalArgumentException("sparse input needs the Vector API (--add-modules "
                        + "jdk.incubator.vector)");
            }
            if (!StepPlanner.bookNet(module, loss, train).sparseWorthwhile(0.0)) {
                throw new IllegalArgumentException("sparse input needs a first layer of at least "
                        + SparseProduct.MIN_COLUMNS + " units");
            }
            used = InputMode.SPARSE;
        } else if (input == InputMode.AUTO && refused == null && fits
                && s.iterations() - start >= SPARSE_MIN_ITERATIONS
                && StepPlanner.bookNet(module, loss, train).sparseWorthwhile(train.images().density())) {
            used = InputMode.SPARSE;
        } else {
            used = InputMode.DENSE;
        }
        return used;
    }

    /**
     * Continues from a checkpoint's iteration, history and (when it has them) optimizer state,
     * learning rate and {@link #schedule} state; its weights must already be in the module. The
     * batches drawn before the checkpoint are drawn again from the seed, so the sampler continues
     * where it was, and the losses of the epoch under way are taken from the history, so the
     * schedule sees the same epoch mean.
     */
    public Trainer resume(Checkpoint.State state) {
        if (state.iteration() > s.iterations()) {
            throw new IllegalArgumentException("the checkpoint is at iteration " + state.iteration() + ", beyond the "
                    + s.iterations() + " asked for");
        }
        this.start = state.iteration();
        this.history = state.history().forTask(train.task());
        this.resumed = state;
        this.used = null;
        return this;
    }

    /** The number of iterations in an epoch: the training size over the batch size, at least 1. */
    public int iterationsPerEpoch() {
        return Math.max(train.size() / s.batch(), 1);
    }

    /** Runs the training; throws {@link TrainingDivergedException} when the loss or weights stop being finite. */
    public TrainResult run(TrainListener listener) throws IOException {
        // starting the worker's thread is not timed, as loading the data is not
        try (TwoCores cores = TwoCores.start("grad4j-train")) {
            return run(listener, cores);
        }
    }

    private TrainResult run(TrainListener listener, TwoCores cores) throws IOException {
        int perEpoch = iterationsPerEpoch();
        int evalEvery = s.evalEvery() > 0 ? s.evalEvery() : perEpoch;
        boolean sparse = inputMode() == InputMode.SPARSE;
        Steps steps = new Steps(sparse, cores);
        steps.skip(start); // the batches drawn before the checkpoint
        double[][] params = paramArrays();
        History h = history != null ? history : new History(s.iterations(), train.task());
        Evaluation eval = new Evaluation(StepPlanner.predictor(module, loss, train, sparse, cores));
        double baseLr = optimizer.lr();
        if (resumed != null && resumed.optimizer() != null) {
            optimizer.loadState(resumed.optimizer());
            optimizer.setLr(resumed.lr());
        }
        if (resumed != null && schedule != null && !resumed.schedule().isEmpty()) {
            schedule.loadState(resumed.schedule());
        }
        double epochLoss = 0;
        int epochCount = 0;
        // the resumed epoch's losses so far, in order (when the history holds the checkpoint's every loss)
        double[] before = start % perEpoch == 0 || h.iterations() != start ? new double[0] : h.loss();
        for (int i = start - start % perEpoch; i < before.length; i++) {
            epochLoss += before[i];
            epochCount++;
        }
        long stepNanos = 0;
        long evalNanos = 0;
        int lastCheckpoint = -1;

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
                eval.record(h, done, train, test);
                evalNanos += System.nanoTime() - e0;
                int e = h.evaluations() - 1;
                listener.evaluated(done, (done + perEpoch - 1) / perEpoch, h.trainScore(e), h.testScore(e));
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
                Checkpoint.write(s.checkpoint(), module, optimizer, schedule, done, s.seed(), h);
                lastCheckpoint = done;
                listener.checkpointed(done, s.checkpoint());
            }
        }
        if (!finite(params)) {
            throw diverged(s.iterations() - 1, "a weight is no longer finite", lastCheckpoint);
        }
        double trainScore;
        double testScore;
        if (h.evaluations() > 0 && h.evalIterations()[h.evaluations() - 1] == s.iterations()) {
            trainScore = h.trainScore(h.evaluations() - 1);
            testScore = h.testScore(h.evaluations() - 1);
        } else {
            trainScore = eval.score(train);
            testScore = eval.score(test);
        }
        RegressionMetrics reg = train.task() == Task.REGRESSION && test.size() > 0 ? eval.regression(test) : null;
        return new TrainResult(h.iterations(), stepNanos / 1e9, evalNanos / 1e9, trainScore, testScore, h.lastLoss(),
                h, train.task(), reg);
    }

    private double[][] paramArrays() {
        return module.parameters().stream().map(org.grad4j.autograd.Tensor::data).toArray(double[][]::new);
    }

    /**
     * A fresh iteration source for this trainer's settings and {@link #inputMode()}, for {@link Warmup}:
     * on the calling thread alone ({@link TwoCores#off()}), so that it takes no second core from a run.
     */
    Steps steps() {
        return new Steps(inputMode() == InputMode.SPARSE, TwoCores.off());
    }

    /**
     * The iterations of {@link #run}, one at a time: draw a batch (a step early, so that the fused
     * dense step can start reading it) and take the plan's step. Allocates nothing per step
     * beyond what the plan does.
     */
    final class Steps {
        private final int batch = s.batch();
        private final BatchSampler sampler = new BatchSampler(train.size(), batch, s.sampling(), s.seed());
        private int[] idx = new int[batch];
        private int[] ahead;
        private final Plan plan;

        Steps(boolean sparse, TwoCores cores) {
            this.plan = StepPlanner.plan(module, loss, optimizer, train, s, sparse, cores);
        }

        /** Draws {@code n} batches without using them (before the first {@link #next()}). */
        void skip(int n) {
            for (int i = 0; i < n; i++) {
                sampler.next(idx);
            }
        }

        /** One iteration; returns the batch's loss before the update (see {@link Plan#step}). */
        double next() {
            if (ahead == null) {
                ahead = new int[batch];
                sampler.next(ahead);
            }
            int[] drawn = ahead;
            ahead = idx;
            idx = drawn;
            sampler.next(ahead);
            return plan.step(idx, ahead, batch);
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
