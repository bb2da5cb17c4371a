package org.grad4j.train;

import org.grad4j.autograd.NoGrad;
import org.grad4j.data.Examples;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.module.Module;
import org.grad4j.tensor.TwoCores;

/**
 * A model's outputs for rows of examples, as {@link StepPlanner#predictor} chose to compute them.
 * An instance keeps buffers: use one per thread. It computes on two cores with the {@link TwoCores}
 * worker it was made with (owned by its maker, as a {@code Trainer} run owns its own), or, made
 * without one, with the worker bound to the calling thread at each call ({@link TwoCores#current()}),
 * which is none outside a {@link TwoCores#bind} scope: predictors on many threads, each with a
 * predictor of its own, share no worker.
 */
public interface Predictor {

    /** The predicted class (the highest output) of the rows {@code idx[0..count)} into {@code out[0..count)}. */
    void classify(Examples data, int[] idx, int count, int[] out);

    /** The outputs (scores, or regression values) of the rows {@code idx[0..count)}, row-major, as a new array. */
    double[] outputs(Examples data, int[] idx, int count);

    /** The {@code Classify} kernel of the book's network (over the module's arrays). */
    final class Book implements Predictor {
        private final FeedForwardNet net;
        private final boolean sparse;
        private final TwoCores cores;

        /** With {@code cores}, or the thread's bound worker at each call when it is null. */
        Book(FeedForwardNet net, boolean sparse, TwoCores cores) {
            this.net = net;
            this.sparse = sparse;
            this.cores = cores;
        }

        @Override
        public void classify(Examples data, int[] idx, int count, int[] out) {
            TwoCores c = cores != null ? cores : TwoCores.current();
            // each core takes blocks of its half of the rows through the network
            if (sparse) {
                net.classify(c, data.images().sparse(), idx, 0, count, out);
            } else {
                net.classify(c, (r0, r1, x) -> data.gatherFeatures(idx, r0, r1 - r0, x), count, out);
            }
        }

        @Override
        public double[] outputs(Examples data, int[] idx, int count) {
            double[] x = new double[count * data.features()];
            data.gatherFeatures(idx, 0, count, x);
            TwoCores c = cores != null ? cores : TwoCores.current();
            try (TwoCores.Scope bound = c.bind()) {
                return net.predict(org.grad4j.tensor.Tensor.of(x, count, data.features())).data().clone();
            }
        }
    }

    /**
     * The module's forward in evaluation mode (dropout off, running statistics), without gradients.
     * The module's mode is switched for the forward and then restored: generic predictors of one
     * module on several threads take turns (a service answering from many threads at once uses
     * {@code SavedModel}, whose module stays in evaluation mode).
     */
    final class Generic implements Predictor {
        private final Module module;
        private final TwoCores cores;

        /** With {@code cores}, or the thread's bound worker at each call when it is null. */
        Generic(Module module, TwoCores cores) {
            this.module = module;
            this.cores = cores;
        }

        @Override
        public void classify(Examples data, int[] idx, int count, int[] out) {
            double[] y = outputs(data, idx, count);
            int width = y.length / Math.max(count, 1);
            for (int r = 0; r < count; r++) {
                int best = 0;
                for (int c = 1; c < width; c++) {
                    if (y[r * width + c] > y[r * width + best]) {
                        best = c;
                    }
                }
                out[r] = best;
            }
        }

        @Override
        public double[] outputs(Examples data, int[] idx, int count) {
            double[] x = new double[count * data.features()];
            data.gatherFeatures(idx, 0, count, x);
            TwoCores c = cores != null ? cores : TwoCores.current();
            // the mode is the module's, shared by every predictor of it: switched and restored under its lock,
            // so that a forward on another thread never runs in the mode this one left for a moment
            synchronized (module) {
                boolean training = module.isTraining();
                module.eval();
                try (NoGrad g = new NoGrad(); TwoCores.Scope bound = c.bind()) {
                    return module.forward(org.grad4j.autograd.Tensor.wrap(x, count, data.features())).data().clone();
                } finally {
                    if (training) {
                        module.train();
                    }
                }
            }
        }
    }
}
