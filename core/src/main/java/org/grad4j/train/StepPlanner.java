package org.grad4j.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.grad4j.data.Examples;
import org.grad4j.data.Split;
import org.grad4j.data.Task;
import org.grad4j.nn.Activation;
import org.grad4j.nn.BatchColumns;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.loss.Loss;
import org.grad4j.nn.module.Linear;
import org.grad4j.nn.module.Module;
import org.grad4j.nn.module.Sequential;
import org.grad4j.optim.ClipNorm;
import org.grad4j.optim.Optimizer;
import org.grad4j.tensor.SparseRows;
import org.grad4j.tensor.Tensor;
import org.grad4j.tensor.TwoCores;

/**
 * Chooses how a training step and an evaluation are computed. The book's fused kernels
 * ({@code FeedForwardNet.sgdStep}, {@code classify}: forward, backward and update over {@code Affine}
 * arrays on two cores) are used only for the exact pattern they implement:
 * <ul>
 *   <li>module: {@code Linear (Sigmoid Linear)*} or {@code Linear (Relu Linear)*} (one activation,
 *       every {@code Linear} with a bias, or a single {@code Linear} without one), in a {@link Sequential};</li>
 *   <li>loss: softmax cross-entropy over class indices, examples of a classification task;</li>
 *   <li>data: IDX byte images ({@link Examples#images()});</li>
 *   <li>step: backprop, plain SGD ({@link Optimizer#plainSgd()}), no gradient clipping.</li>
 * </ul>
 * The fused network wraps the module's parameter arrays (no copies), so a step updates the module.
 * Anything else (Tanh, Dropout, BatchNorm, a module of another package, another loss or optimizer,
 * tables of doubles, clipping) gets the generic autograd step, which is correct for any module;
 * {@link #refusal} says why a pattern was not accepted. Evaluation uses the {@code Classify} kernel
 * for the same module, loss and data pattern (any optimizer).
 *
 * <p>A plan computes on two cores with the {@link TwoCores} worker it is given, which its caller owns
 * and closes ({@code Trainer} starts one per run): the fused step passes it to its kernels, the other
 * plans bind it to the calling thread for the duration of each step ({@link TwoCores#bind}), so the
 * products inside the module's {@code forward} and {@code backward} and the optimizer's update use it.
 * Plans made without one compute on the calling thread alone, with the same results.
 */
public final class StepPlanner {

    private StepPlanner() {
    }

    /** The book's network over a module's arrays, or the reason the module is not one. */
    private record Book(FeedForwardNet net, String refusal) {}

    /**
     * The reason the fused step is refused for this combination, or null when it is accepted.
     */
    public static String refusal(Module module, Loss loss, Optimizer optimizer, Examples data, GradientMode gradient,
            double clipNorm) {
        String r = bookRefusal(module, loss, data);
        if (r != null) {
            return r;
        }
        if (gradient != GradientMode.BACKPROP) {
            return "the gradient is " + gradient.name().toLowerCase() + ", the fused step is backprop";
        }
        if (!optimizer.plainSgd()) {
            return "the optimizer is " + optimizer.getClass().getSimpleName() + ", not plain SGD";
        }
        if (clipNorm != Double.POSITIVE_INFINITY) {
            return "the gradients are clipped";
        }
        return null;
    }

    private static String bookRefusal(Module module, Loss loss, Examples data) {
        Book b = book(module);
        String r = bookModelRefusal(b, loss, data.task());
        if (r != null) {
            return r;
        }
        if (data.images() == null) {
            return "the data are not byte images";
        }
        if (b.net.inputSize() != data.features() || b.net.outputSize() != data.classes()) {
            return "the network maps " + b.net.inputSize() + " inputs to " + b.net.outputSize()
                    + " scores, the data have " + data.features() + " features and " + data.classes() + " classes";
        }
        return null;
    }

    /** Why a module (recognised as {@code b}), loss and task are not the book's network with softmax cross-entropy, or null. */
    private static String bookModelRefusal(Book b, Loss loss, Task task) {
        if (b.net == null) {
            return b.refusal;
        }
        if (loss.kind() != Loss.Kind.CROSS_ENTROPY || !loss.takesClassIndices()) {
            return "the loss is " + loss.getClass().getSimpleName() + ", not cross-entropy over class indices";
        }
        if (task != Task.CLASSIFICATION) {
            return "the task is " + task.name().toLowerCase();
        }
        return null;
    }

    /** Recognises {@code Linear (act Linear)*}; wraps its arrays in a {@link FeedForwardNet}. */
    private static Book book(Module module) {
        if (module.kind() != org.grad4j.nn.module.LayerKind.SEQUENTIAL) {
            return new Book(null, "the module is not a Sequential");
        }
        List<Module> layers = ((Sequential) module).layers();
        List<Tensor> ws = new ArrayList<>();
        List<Tensor> bs = new ArrayList<>();
        Activation act = null;
        int biases = 0;
        for (int i = 0; i < layers.size(); i++) {
            Module m = layers.get(i);
            boolean linearPlace = i % 2 == 0;
            Activation a = null;
            switch (m.kind()) {
                case LINEAR -> {
                    if (!linearPlace) {
                        return new Book(null, "layer " + i + " is a Linear where an activation belongs");
                    }
                    Linear lin = (Linear) m;
                    org.grad4j.autograd.Tensor w = lin.weight();
                    ws.add(Tensor.of(w.data(), w.dim(0), w.dim(1)));
                    if (lin.bias() != null) {
                        bs.add(Tensor.wrap(lin.bias().data()));
                        biases++;
                    }
                }
                case SIGMOID -> a = Activation.SIGMOID;
                case RELU -> a = Activation.RELU;
                case TANH, DROPOUT, BATCH_NORM, SEQUENTIAL, OTHER -> {
                    return new Book(null, "layer " + i + " is " + m.kind().name().toLowerCase()
                            + ", the fused step has Linear, Sigmoid and Relu only");
                }
            }
            if (a != null) {
                if (linearPlace) {
                    return new Book(null, "layer " + i + " is an activation where a Linear belongs");
                }
                if (act != null && act != a) {
                    return new Book(null, "the activations differ (" + act + " and " + a + ")");
                }
                act = a;
            }
        }
        if (layers.size() % 2 == 0) {
            return new Book(null, "the last layer is not a Linear");
        }
        if (biases != ws.size() && (biases != 0 || ws.size() != 1)) {
            return new Book(null, "some Linear layers have no bias");
        }
        try {
            return new Book(FeedForwardNet.wrapping(ws, biases == 0 ? null : bs, act), null);
        } catch (IllegalArgumentException e) {
            return new Book(null, e.getMessage());
        }
    }

    /** As {@link #plan(Module, Loss, Optimizer, Examples, TrainSettings, boolean, TwoCores)} on the calling thread alone. */
    public static Plan plan(Module module, Loss loss, Optimizer optimizer, Examples train, TrainSettings s,
            boolean sparse) {
        return plan(module, loss, optimizer, train, s, sparse, TwoCores.off());
    }

    /**
     * The step for this combination, its second halves on {@code cores} (which the caller owns):
     * {@link Plan.Kind#FUSED_SGD} when {@link #refusal} is null
     * (dense, or sparse when {@code sparse}), else for the book's networks (module, loss and data of
     * the fused pattern) {@link Plan.Kind#BOOK_NUMERICAL} with the numerical gradient and
     * {@link Plan.Kind#BOOK_BACKPROP} with any other optimizer or clipping, else
     * {@link Plan.Kind#NUMERICAL} with the numerical gradient and {@link Plan.Kind#GENERIC} otherwise.
     *
     * @throws IllegalArgumentException when {@code sparse} is asked for a step other than the fused
     *     one, or the numerical gradient for a module whose forward is not deterministic (dropout)
     */
    public static Plan plan(Module module, Loss loss, Optimizer optimizer, Examples train, TrainSettings s,
            boolean sparse, TwoCores cores) {
        String refused = refusal(module, loss, optimizer, train, s.gradient(), s.clipNorm());
        if (refused == null) {
            return new Fused(module, book(module).net, optimizer, train, s.batch(), sparse, cores);
        }
        if (sparse) {
            throw new IllegalArgumentException("sparse input needs the fused SGD step, which is refused: " + refused);
        }
        String notBook = bookRefusal(module, loss, train);
        if (s.gradient() == GradientMode.NUMERICAL) {
            if (notBook != null) {
                return new NumericalStep(module, loss, optimizer, train, s.clipNorm(), cores);
            }
            return new GradientStep(module, new BatchGradient.Book(module, book(module).net, true, s.threads()),
                    optimizer, train, s.clipNorm(), cores);
        }
        if (notBook == null) {
            return new GradientStep(module, new BatchGradient.Book(module, book(module).net, false, s.threads()),
                    optimizer, train, s.clipNorm(), cores);
        }
        return generic(module, loss, optimizer, train, s, cores);
    }

    /** The generic autograd step, whatever the module (the reference the other plans are tested against). */
    static Plan generic(Module module, Loss loss, Optimizer optimizer, Examples train, TrainSettings s) {
        return generic(module, loss, optimizer, train, s, TwoCores.off());
    }

    /** As {@link #generic(Module, Loss, Optimizer, Examples, TrainSettings)}, on two cores with {@code cores}. */
    static Plan generic(Module module, Loss loss, Optimizer optimizer, Examples train, TrainSettings s,
            TwoCores cores) {
        return new GradientStep(module, new BatchGradient.Autograd(module, loss), optimizer, train, s.clipNorm(),
                cores);
    }

    /**
     * How the gradient of a batch's mean loss is computed without a step, for {@code task} examples
     * of any kind (byte images or tables of doubles): the book's backprop ({@link BatchGradient.Book})
     * when the module and loss have the book's pattern (the fused step's module and loss, a
     * classification task), else autograd ({@link BatchGradient.Autograd}). The result works on the
     * module's own arrays.
     */
    public static BatchGradient gradient(Module module, Loss loss, Task task) {
        Book b = book(module);
        return bookModelRefusal(b, loss, task) == null ? new BatchGradient.Book(module, b.net, false, 1)
                : new BatchGradient.Autograd(module, loss);
    }

    /**
     * The book's network over {@code module}'s arrays when module, loss and data have the fused pattern
     * (for {@code Trainer}'s choice of sparse input and the fused evaluation); null otherwise.
     */
    static FeedForwardNet bookNet(Module module, Loss loss, Examples data) {
        return bookRefusal(module, loss, data) == null ? book(module).net : null;
    }

    private static Set<String> names(Module module) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(module.namedParameters().keySet()));
    }

    /** {@code FeedForwardNet.sgdStep}, dense (each core gathers the columns it multiplies) or sparse. */
    private static final class Fused implements Plan {
        private final FeedForwardNet net;
        private final Optimizer optimizer;
        private final Split train;
        private final SparseRows sparseTrain;
        private final int[] t;
        private final org.grad4j.tensor.Tensor x;
        private final Columns[] columns;
        private int turn;
        private final Set<String> unfilled;
        private final org.grad4j.autograd.Tensor[] params;
        private final TwoCores cores;

        Fused(Module module, FeedForwardNet net, Optimizer optimizer, Examples data, int batch, boolean sparse,
                TwoCores cores) {
            this.net = net;
            this.cores = cores;
            this.optimizer = optimizer;
            this.train = data.images();
            this.sparseTrain = sparse ? train.sparse() : null;
            this.t = new int[batch];
            this.x = sparse ? null : Tensor.zeros(batch, data.features());
            this.columns = sparse ? null : new Columns[] {new Columns(batch), new Columns(batch)};
            this.unfilled = names(module);
            this.params = module.parameters().toArray(new org.grad4j.autograd.Tensor[0]);
        }

        /** One batch's rows, gathered column range by column range (two threads may fill at once). */
        private final class Columns implements BatchColumns {
            final int[] rows;
            int count;

            Columns(int batch) {
                rows = new int[batch];
            }

            @Override
            public void fill(double[] xd, int c0, int c1) {
                train.gatherColumns(rows, count, c0, c1, xd);
            }

            @Override
            public void readAhead(int c0, int c1) {
                train.touchColumns(rows, count, c0, c1);
            }
        }

        @Override
        public Kind kind() {
            return Kind.FUSED_SGD;
        }

        @Override
        public boolean sparse() {
            return sparseTrain != null;
        }

        @Override
        public Set<String> unfilledGradients() {
            return unfilled;
        }

        @Override
        public double step(int[] idx, int[] next, int count) {
            train.gatherLabels(idx, 0, count, t);
            double loss;
            if (sparseTrain != null) {
                loss = net.sgdStep(cores, sparseTrain, idx, 0, count, t, optimizer.lr());
            } else {
                // the step also starts the next batch, which the previous step has already started for this one
                Columns now = columns[turn];
                Columns after = columns[turn ^ 1];
                System.arraycopy(idx, 0, now.rows, 0, count);
                now.count = count;
                System.arraycopy(next, 0, after.rows, 0, count);
                after.count = count;
                loss = net.sgdStep(cores, now, after, x, t, optimizer.lr());
                turn ^= 1;
            }
            for (org.grad4j.autograd.Tensor p : params) {
                p.bumpVersion();
            }
            return loss;
        }

        @Override
        public String description() {
            return "fused two-core SGD step (" + (sparse() ? "sparse" : "dense") + " input)";
        }
    }

    /**
     * A {@link BatchGradient} (the book's backprop or numerical gradient on its network, or autograd),
     * then clipping and the optimizer on the module's arrays in the module's parameter order.
     */
    private static final class GradientStep implements Plan {
        private final BatchGradient gradient;
        private final Optimizer optimizer;
        private final Examples train;
        private final double[][] params;
        private final double[][] clipped;
        private final double clipNorm;
        private final Set<String> unfilled;
        private final org.grad4j.autograd.Tensor[] moduleParams;
        private final TwoCores cores;

        GradientStep(Module module, BatchGradient gradient, Optimizer optimizer, Examples train, double clipNorm,
                TwoCores cores) {
            this.gradient = gradient;
            this.cores = cores;
            this.optimizer = optimizer;
            this.train = train;
            this.moduleParams = module.namedParameters().values().toArray(new org.grad4j.autograd.Tensor[0]);
            this.params = new double[moduleParams.length][];
            for (int i = 0; i < params.length; i++) {
                params[i] = moduleParams[i].data();
            }
            this.clipNorm = clipNorm;
            this.clipped = clipBuffers(params, clipNorm);
            this.unfilled = gradient.kind() == Kind.GENERIC ? Set.of() : names(module);
        }

        @Override
        public Kind kind() {
            return gradient.kind();
        }

        @Override
        public boolean sparse() {
            return false;
        }

        @Override
        public Set<String> unfilledGradients() {
            return unfilled;
        }

        @Override
        public double step(int[] idx, int[] next, int count) {
            double loss;
            try (TwoCores.Scope bound = cores.bind()) { // the layers' products and the optimizer's update
                loss = gradient.compute(train, idx, count);
                if (Double.isFinite(loss)) {
                    optimizer.step(params, clip(gradient.grads(), clipNorm, clipped));
                }
            }
            if (Double.isFinite(loss)) {
                for (org.grad4j.autograd.Tensor p : moduleParams) {
                    p.bumpVersion();
                }
            }
            return loss;
        }

        @Override
        public String description() {
            return switch (gradient.kind()) {
                case BOOK_NUMERICAL -> "the book's numerical gradient, then " + optimizer.getClass().getSimpleName();
                case BOOK_BACKPROP -> "the book's backprop, then " + optimizer.getClass().getSimpleName();
                case GENERIC, FUSED_SGD, NUMERICAL -> "autograd step";
            };
        }
    }

    private static double[][] clipBuffers(double[][] grads, double clipNorm) {
        if (clipNorm == Double.POSITIVE_INFINITY) {
            return null;
        }
        double[][] c = new double[grads.length][];
        for (int i = 0; i < grads.length; i++) {
            c[i] = new double[grads[i].length];
        }
        return c;
    }

    private static double[][] clip(double[][] grads, double clipNorm, double[][] out) {
        if (out == null) {
            return grads;
        }
        ClipNorm.clip(grads, clipNorm, out);
        return out;
    }

    /**
     * How a split is evaluated: the book's {@code Classify} kernel over the module's arrays for the
     * fused pattern (module, loss, byte images; dense, or sparse when {@code sparse}), else the
     * module's forward in evaluation mode without gradients. On two cores with the worker bound to
     * the calling thread at each call ({@link TwoCores#current()}), so on that thread alone outside a
     * {@link TwoCores#bind} scope.
     */
    public static Predictor predictor(Module module, Loss loss, Examples data, boolean sparse) {
        return predictor(module, loss, data, sparse, null);
    }

    /**
     * As {@link #predictor(Module, Loss, Examples, boolean)}, the second halves on {@code cores} (owned
     * by the caller), or, when it is null, on the worker bound to the calling thread at each call.
     */
    public static Predictor predictor(Module module, Loss loss, Examples data, boolean sparse, TwoCores cores) {
        FeedForwardNet net = bookNet(module, loss, data);
        return net != null ? new Predictor.Book(net, sparse, cores) : new Predictor.Generic(module, cores);
    }

    /** The generic predictor, whatever the module (used for outputs other than classes). */
    static Predictor generic(Module module) {
        return new Predictor.Generic(module, null);
    }

}
