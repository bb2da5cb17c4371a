package org.grad4j.spark;

import org.grad4j.optim.Optimizer;

/** Epoch boundaries: the schedule's lr change (mean loss of the epoch as its metric) and evaluations. */
final class Epochs {
    private final Plan plan;
    private final Optimizer optimizer;
    private final int perEpoch;
    private final double baseLr;
    private double epochLoss;
    private int epochCount;
    private boolean evalDue;
    private boolean lrDue;

    Epochs(Plan plan, Optimizer optimizer, long rows) {
        this.plan = plan;
        this.optimizer = optimizer;
        this.perEpoch = (int) Math.max(rows / plan.batch(), 1);
        this.baseLr = optimizer.lr();
    }

    /** After {@code done} steps; {@code weights} null while the round's weights are not on the driver yet. */
    void after(int done, double loss, double[][] weights, DataParallel.Listener listener) {
        epochLoss += loss;
        epochCount++;
        boolean last = done == plan.iterations();
        if ((plan.evalEvery() > 0 && done % plan.evalEvery() == 0) || last) {
            evalDue = true;
        }
        if (done % perEpoch == 0 && plan.schedule() != null) {
            lrDue = true;
        }
        if (weights == null) {
            return;
        }
        if (lrDue) {
            optimizer.setLr(plan.schedule().lr(done / perEpoch, baseLr, optimizer.lr(), epochLoss / epochCount));
            epochLoss = 0;
            epochCount = 0;
            lrDue = false;
        }
        if (evalDue) {
            for (double[] w : weights) {
                for (double v : w) {
                    if (!Double.isFinite(v)) {
                        throw DataParallel.diverged(done - 1, "a weight is no longer finite", optimizer);
                    }
                }
            }
            listener.evaluate(done);
            evalDue = false;
        }
    }
}
