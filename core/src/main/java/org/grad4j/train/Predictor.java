package org.grad4j.train;

import org.grad4j.autograd.NoGrad;
import org.grad4j.data.Examples;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.module.Module;

/**
 * A model's outputs for rows of examples, as {@link StepPlanner#predictor} chose to compute them.
 * An instance keeps buffers: use one per thread.
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

        Book(FeedForwardNet net, boolean sparse) {
            this.net = net;
            this.sparse = sparse;
        }

        @Override
        public void classify(Examples data, int[] idx, int count, int[] out) {
            // each core takes blocks of its half of the rows through the network
            if (sparse) {
                net.classify(data.images().sparse(), idx, 0, count, out);
            } else {
                net.classify((r0, r1, x) -> data.gatherFeatures(idx, r0, r1 - r0, x), count, out);
            }
        }

        @Override
        public double[] outputs(Examples data, int[] idx, int count) {
            double[] x = new double[count * data.features()];
            data.gatherFeatures(idx, 0, count, x);
            return net.predict(org.grad4j.tensor.Tensor.of(x, count, data.features())).data().clone();
        }
    }

    /** The module's forward in evaluation mode (dropout off, running statistics), without gradients. */
    final class Generic implements Predictor {
        private final Module module;

        Generic(Module module) {
            this.module = module;
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
            boolean training = module.isTraining();
            module.eval();
            try (NoGrad g = new NoGrad()) {
                return module.forward(org.grad4j.autograd.Tensor.wrap(x, count, data.features())).data().clone();
            } finally {
                if (training) {
                    module.train();
                }
            }
        }
    }
}
