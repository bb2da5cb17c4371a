package org.grad4j.spark;

import java.io.Serializable;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.grad4j.data.BatchSampler;
import org.grad4j.data.Task;
import org.grad4j.io.Repr;
import org.grad4j.optim.ClipNorm;
import org.grad4j.optim.Optimizer;
import org.grad4j.train.TrainingDivergedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data-parallel training of a model ({@link ModelSpec}: each task builds its {@link Replica}) over
 * cached {@link TrainingData} blocks, in one of the two {@link Mode}s. The weights live on the
 * driver; each Spark job broadcasts them.
 *
 * <p>SYNC, per step: the driver draws the global batch with {@link BatchSampler} over all rows
 * (the in-process order for the same seed), broadcasts the weights and the batch's row numbers;
 * every partition takes the gradient {@code g_p} of the mean loss over the {@code b_p} batch rows
 * it holds; {@code treeAggregate} sums
 * <pre>{@code g = sum_p (b_p / B) g_p}</pre>
 * which is the gradient of the mean loss over the whole batch; the driver clips it if asked and
 * lets its optimizer take the step.
 *
 * <p>AVERAGE, per round of {@code k} steps: the driver broadcasts the weights and the optimizer's
 * state; every partition {@code p} of {@code n_p} rows takes {@code k} steps on batches of
 * {@code max(1, round(B n_p / n))} of its own rows ({@link LocalOrder}); the weights and the
 * optimizer's per-parameter slots come back averaged with weights {@code n_p / n}, its counters
 * (Adam's step count) as their maximum, which is every partition's count, as all take {@code k} steps.
 *
 * <p>Each job's wall time is split into the slowest task's computing and the rest
 * ({@link StepTimes}), logged per job at DEBUG, summarised at INFO, with a WARN when scheduling
 * and communication take more than half of the time.
 */
final class DataParallel {
    private static final Logger LOG = LoggerFactory.getLogger(DataParallel.class);
    private static final int TREE_DEPTH = 2;

    /** Progress, on the driver. */
    interface Listener {
        /** After global step {@code iteration} (0-based) with the batch's loss. */
        void step(int iteration, int total, double loss);

        /** After the step that completes {@code done} steps, when {@code done} is a multiple of the evaluation interval or the end. */
        default void evaluate(int done) {}
    }

    /** The losses of every step and where the time went. */
    record Result(double[] losses, StepTimes times) {}

    private DataParallel() {}

    /**
     * Trains from {@code weights}, which are updated in place (they end as the trained weights).
     *
     * @throws TrainingDivergedException when the loss or a weight stops being finite
     */
    static Result train(JavaSparkContext sc, TrainingData data, ModelSpec spec, double[][] weights, OptimizerSpec opt,
                        Plan plan, Listener listener) {
        if (data.features != spec.inputs()) {
            throw new IllegalArgumentException("the model takes " + spec.inputs() + " inputs but the rows have "
                    + data.features + " features");
        }
        if (data.task != spec.task()) {
            throw new IllegalArgumentException("the model is for " + spec.task().id() + ", the data for "
                    + data.task.id());
        }
        if (data.task == Task.CLASSIFICATION ? data.classes > spec.outputs() : spec.outputs() != 1) {
            throw new IllegalArgumentException("the model has " + spec.outputs() + " outputs but the data have "
                    + (data.task == Task.CLASSIFICATION ? data.classes + " classes" : "one target"));
        }
        try {
            return plan.mode() == Mode.SYNC ? sync(sc, data, spec, weights, opt, plan, listener)
                    : average(sc, data, spec, weights, opt, plan, listener);
        } catch (TrainingDivergedException e) {
            throw e;
        } catch (Exception e) {
            throw Jobs.unwrap(e);
        }
    }

    /** What a SYNC task needs: the weights and the batch's row numbers. */
    record StepInput(double[][] weights, int[] batch) implements Serializable {}

    private static Result sync(JavaSparkContext sc, TrainingData data, ModelSpec spec, double[][] weights,
                               OptimizerSpec opt, Plan plan, Listener listener) {
        int batch = plan.batch();
        BatchSampler sampler = new BatchSampler(Math.toIntExact(data.rows), batch, plan.sampling(), plan.seed());
        Optimizer optimizer = opt.create();
        Epochs epochs = new Epochs(plan, optimizer, data.rows);
        StepTimes times = new StepTimes();
        double[] losses = new double[plan.iterations()];
        int[] idx = new int[batch];
        for (int it = 0; it < plan.iterations(); it++) {
            sampler.next(idx);
            long t0 = System.nanoTime();
            Broadcast<StepInput> in = sc.broadcast(new StepInput(weights, idx.clone()));
            Partial g;
            try {
                g = data.blocks.treeAggregate(new Partial(),
                        (acc, block) -> gradientTask(acc, block, in.value(), spec, batch), Partial::merge, TREE_DEPTH);
            } finally {
                in.destroy(); // also when the job fails: the caller's session keeps running
            }
            long t1 = System.nanoTime();
            if (g.rows != batch) {
                throw new IllegalStateException("step " + (it + 1) + ": the partitions held " + g.rows + " of the "
                        + batch + " batch rows");
            }
            double loss = g.loss[0];
            if (!Double.isFinite(loss)) {
                throw diverged(it, "the loss is " + loss, optimizer);
            }
            if (plan.clipNorm() != Double.POSITIVE_INFINITY) {
                ClipNorm.clip(g.sum, plan.clipNorm());
            }
            optimizer.step(weights, g.sum);
            times.add(t1 - t0, g.computeNanos);
            times.addDriver(System.nanoTime() - t1);
            log(times, "step " + (it + 1), plan);
            losses[it] = loss;
            listener.step(it, plan.iterations(), loss);
            epochs.after(it + 1, loss, weights, listener);
        }
        finish(times, plan);
        return new Result(losses, times);
    }

    /** One partition's share of a SYNC step: the gradient over the batch rows it holds, weighted by their share. */
    private static Partial gradientTask(Partial acc, Block block, StepInput in, ModelSpec spec, int batch) {
        int mine = 0;
        for (int r : in.batch()) {
            if (block.holds(r)) {
                mine++;
            }
        }
        if (mine == 0) {
            return acc;
        }
        long t0 = System.nanoTime();
        int[] local = new int[mine];
        int k = 0;
        for (int r : in.batch()) {
            if (block.holds(r)) {
                local[k++] = (int) (r - block.start());
            }
        }
        Replica replica = spec.replica(in.weights());
        double[] lossOut = new double[1];
        int rows = mine;
        TaskThreads.run(() -> lossOut[0] = replica.gradient(block.table(), local, rows));
        double loss = lossOut[0];
        double share = (double) mine / batch;
        acc.addScaled(replica.grads(), share);
        acc.addLoss(new double[] {loss}, share);
        acc.rows += mine;
        acc.computeNanos = Math.max(acc.computeNanos, System.nanoTime() - t0);
        return acc;
    }

    /** What an AVERAGE task needs: the weights, the optimizer's state and lr, where the round starts and how long it is. */
    record RoundInput(double[][] weights, Map<String, double[][]> state, double lr, long stepsBefore, int steps,
                      int batch, long rows) implements Serializable {}

    private static Result average(JavaSparkContext sc, TrainingData data, ModelSpec spec, double[][] weights,
                                  OptimizerSpec opt, Plan plan, Listener listener) {
        Optimizer driverOptimizer = opt.create();
        Map<String, double[][]> state = driverOptimizer.state();
        Epochs epochs = new Epochs(plan, driverOptimizer, data.rows);
        StepTimes times = new StepTimes();
        double[] losses = new double[plan.iterations()];
        var sampling = plan.sampling();
        long seed = plan.seed();
        double clip = plan.clipNorm();
        int round = 0;
        for (int done = 0; done < plan.iterations(); round++) {
            int steps = Math.min(plan.localSteps(), plan.iterations() - done);
            long t0 = System.nanoTime();
            Broadcast<RoundInput> in = sc.broadcast(new RoundInput(weights, state, driverOptimizer.lr(), done, steps,
                    plan.batch(), data.rows));
            Partial s;
            try {
                s = data.blocks.treeAggregate(new Partial(),
                        (acc, block) -> localTask(acc, block, in.value(), spec, opt, sampling, seed, clip),
                        Partial::merge, TREE_DEPTH);
            } finally {
                in.destroy();
            }
            long t1 = System.nanoTime();
            if (s.rows != data.rows) {
                throw new IllegalStateException("round " + (round + 1) + ": the partitions held " + s.rows + " of the "
                        + data.rows + " rows");
            }
            for (int i = 0; i < weights.length; i++) {
                System.arraycopy(s.sum[i], 0, weights[i], 0, weights[i].length);
            }
            state = s.state();
            times.add(t1 - t0, s.computeNanos);
            times.addDriver(System.nanoTime() - t1);
            log(times, "round " + (round + 1) + " (" + steps + " local steps)", plan);
            for (int j = 0; j < steps; j++) {
                int it = done + j;
                double loss = s.loss[j];
                if (!Double.isFinite(loss)) {
                    throw diverged(it, "the loss is " + loss, driverOptimizer);
                }
                losses[it] = loss;
                listener.step(it, plan.iterations(), loss);
                // lr changes and evaluations happen between rounds, at the first round end past their step
                epochs.after(it + 1, loss, j == steps - 1 ? weights : null, listener);
            }
            done += steps;
        }
        finish(times, plan);
        return new Result(losses, times);
    }

    /** One partition's AVERAGE round: {@code steps} local steps, the resulting weights and state weighted by its rows. */
    private static Partial localTask(Partial acc, Block block, RoundInput in, ModelSpec spec, OptimizerSpec opt,
                                     org.grad4j.data.Sampling sampling, long seed, double clip) {
        if (block.rows() == 0) {
            return acc;
        }
        long t0 = System.nanoTime();
        int b = (int) Math.max(1, Math.round((double) in.batch() * block.rows() / in.rows()));
        Replica replica = spec.replica(in.weights());
        Optimizer optimizer = opt.create();
        optimizer.setLr(in.lr());
        optimizer.loadState(in.state());
        LocalOrder order = new LocalOrder(block.rows(), sampling, seed, block.partition());
        int[] idx = new int[b];
        double[] losses = new double[in.steps()];
        double[][] params = replica.params();
        TaskThreads.run(() -> {
            for (int s = 0; s < in.steps(); s++) {
                order.batch(in.stepsBefore() + s, b, idx);
                losses[s] = replica.gradient(block.table(), idx, b);
                if (!Double.isFinite(losses[s])) {
                    break;
                }
                double[][] grads = replica.grads();
                if (clip != Double.POSITIVE_INFINITY) {
                    ClipNorm.clip(grads, clip);
                }
                optimizer.step(params, grads);
            }
        });
        double share = (double) block.rows() / in.rows();
        acc.addScaled(params, share);
        acc.addState(optimizer.state(), share, params);
        acc.addLoss(losses, share);
        acc.rows += block.rows();
        acc.computeNanos = Math.max(acc.computeNanos, System.nanoTime() - t0);
        return acc;
    }

    private static void log(StepTimes times, String what, Plan plan) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(times.line(times.jobs() - 1, what));
        }
        if (times.jobs() == 2 * StepTimes.WARM_UP_JOBS && times.communicationDominates()) {
            LOG.warn(dominates(times, plan));
            times.warned = true;
        }
    }

    private static void finish(StepTimes times, Plan plan) {
        LOG.info(plan.mode().id() + " training: " + times.summary());
        if (times.communicationDominates() && !times.warned) {
            LOG.warn(dominates(times, plan));
        }
    }

    private static String dominates(StepTimes times, Plan plan) {
        String instead = plan.mode() == Mode.SYNC ? "or in mode average (local steps between averagings)"
                : "or with more local steps per round than " + plan.localSteps();
        return String.format(java.util.Locale.ROOT, "scheduling and communication take %.0f %% of each Spark job: "
                + "this model and batch size train faster in one process (grad4j train without --spark), %s",
                100 * times.communicationShare(), instead);
    }

    static TrainingDivergedException diverged(int it, String what, Optimizer optimizer) {
        return new TrainingDivergedException("training diverged at iteration " + (it + 1) + ": " + what
                + " (learning rate " + Repr.of(optimizer.lr()) + " too large?)", it);
    }
}
