package org.grad4j.train;

import java.util.Map;
import org.grad4j.data.Examples;
import org.grad4j.data.Task;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.loss.Loss;
import org.grad4j.nn.module.Module;

/**
 * The gradient of a model's mean loss over a batch of rows, without an update: what a training
 * step computes before its optimizer, and what data-parallel training computes on each share of a
 * batch before the shares are summed. {@link StepPlanner#gradient} chooses how: the book's
 * hand-written backprop for the book's networks, autograd for every other module.
 *
 * <p>The gradients are those of {@code module.namedParameters()}, in that order. An instance keeps
 * buffers: use one per thread.
 */
public interface BatchGradient {

    /** {@link Plan.Kind#BOOK_BACKPROP}, {@link Plan.Kind#BOOK_NUMERICAL} or {@link Plan.Kind#GENERIC}. */
    Plan.Kind kind();

    /**
     * Fills {@link #grads()} with the gradient of the mean loss over the rows {@code idx[0..count)}
     * of {@code data}, and returns that loss. When the loss is not finite the gradients may be left
     * as they were.
     */
    double compute(Examples data, int[] idx, int count);

    /**
     * The gradient arrays of the last {@link #compute}, positions matching the module's parameters
     * (read them before the next call, which may replace them).
     */
    double[][] grads();

    /**
     * {@code FeedForwardNet.gradient} (chapter 5's backprop) or {@code numericalGradient} (chapter 4)
     * on the book's network over the module's arrays; the network's gradient buffers, in the
     * module's parameter order.
     */
    final class Book implements BatchGradient {
        private final FeedForwardNet net;
        private final boolean numerical;
        private final int threads;
        private final double[][] grads;
        private org.grad4j.tensor.Tensor x;
        private int[] t;

        Book(Module module, FeedForwardNet net, boolean numerical, int threads) {
            this.net = net;
            this.numerical = numerical;
            this.threads = threads;
            Map<String, double[]> gradByName = new java.util.HashMap<>();
            for (org.grad4j.nn.Parameter p : net.parameters()) {
                gradByName.put(p.name(), p.grad().data());
            }
            Map<String, org.grad4j.autograd.Tensor> named = module.namedParameters();
            this.grads = new double[named.size()][];
            int i = 0;
            for (Map.Entry<String, org.grad4j.autograd.Tensor> e : named.entrySet()) {
                grads[i] = gradByName.get(e.getKey());
                if (grads[i] == null || grads[i].length != e.getValue().size()) {
                    throw new IllegalStateException("the book's network has no gradient for " + e.getKey());
                }
                i++;
            }
        }

        @Override
        public Plan.Kind kind() {
            return numerical ? Plan.Kind.BOOK_NUMERICAL : Plan.Kind.BOOK_BACKPROP;
        }

        @Override
        public double compute(Examples data, int[] idx, int count) {
            if (x == null || x.rows() != count) {
                x = org.grad4j.tensor.Tensor.zeros(count, data.features());
                t = new int[count];
            }
            data.gatherFeatures(idx, 0, count, x.data());
            data.gatherLabels(idx, 0, count, t);
            if (numerical) {
                net.numericalGradient(x, t, threads);
                return net.loss(x, t);
            }
            return net.gradient(x, t);
        }

        @Override
        public double[][] grads() {
            return grads;
        }
    }

    /**
     * Autograd: {@code loss.forward(module.forward(x), target).backward()} in training mode, with
     * class indices as targets when the loss takes them and the data are classes, else the target rows.
     */
    final class Autograd implements BatchGradient {
        private final Module module;
        private final Loss loss;
        private final org.grad4j.autograd.Tensor[] params;
        private final double[][] grads;
        private double[] xd;
        private double[] yd;
        private int[] t;

        Autograd(Module module, Loss loss) {
            this.module = module;
            this.loss = loss;
            this.params = module.namedParameters().values().toArray(new org.grad4j.autograd.Tensor[0]);
            this.grads = new double[params.length][];
            for (int i = 0; i < params.length; i++) {
                grads[i] = new double[params[i].size()];
            }
        }

        @Override
        public Plan.Kind kind() {
            return Plan.Kind.GENERIC;
        }

        @Override
        public double compute(Examples data, int[] idx, int count) {
            int d = data.features();
            if (xd == null || xd.length != count * d) {
                xd = new double[count * d];
            }
            data.gatherFeatures(idx, 0, count, xd);
            org.grad4j.autograd.Tensor x = org.grad4j.autograd.Tensor.wrap(xd, count, d);
            module.train();
            for (org.grad4j.autograd.Tensor p : params) {
                p.zeroGrad();
            }
            org.grad4j.autograd.Tensor out = module.forward(x);
            org.grad4j.autograd.Tensor l;
            if (data.task() == Task.CLASSIFICATION && loss.takesClassIndices()) {
                if (t == null || t.length != count) {
                    t = new int[count];
                }
                data.gatherLabels(idx, 0, count, t);
                l = loss.forward(out, t);
            } else {
                int w = data.targetWidth();
                if (yd == null || yd.length != count * w) {
                    yd = new double[count * w];
                }
                data.gatherTargets(idx, 0, count, yd);
                l = loss.forward(out, org.grad4j.autograd.Tensor.wrap(yd, out.shape()));
            }
            double value = l.item();
            if (!Double.isFinite(value)) {
                return value;
            }
            l.backward();
            for (int i = 0; i < params.length; i++) {
                org.grad4j.autograd.Tensor g = params[i].grad();
                if (g == null) {
                    java.util.Arrays.fill(grads[i], 0);
                } else {
                    grads[i] = g.data();
                }
            }
            return value;
        }

        @Override
        public double[][] grads() {
            return grads;
        }
    }
}
