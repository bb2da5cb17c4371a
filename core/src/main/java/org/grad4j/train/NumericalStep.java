package org.grad4j.train;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.grad4j.autograd.NoGrad;
import org.grad4j.autograd.Tensor;
import org.grad4j.data.Examples;
import org.grad4j.data.Task;
import org.grad4j.nn.loss.Loss;
import org.grad4j.nn.module.Dropout;
import org.grad4j.nn.module.Module;
import org.grad4j.optim.ClipNorm;
import org.grad4j.optim.Optimizer;

import org.grad4j.tensor.TwoCores;

/**
 * The book's numerical gradient (ch. 4, {@code numerical_gradient}) over every parameter of any
 * module and loss, then the optimizer: for each element {@code θ_i} of each parameter, with the
 * batch's loss {@code L} computed by the module's forward in training mode without a graph,
 * <pre>{@code
 * g_i = (L(θ + h e_i) - L(θ - h e_i)) / (2 h),   h = 1e-4
 * }</pre>
 * ({@code θ_i} is restored after each pair of evaluations). That is two forwards per parameter
 * element: a check of the autograd step on small models, not a way to train large ones.
 *
 * <p>The step's first forward (the loss it returns) updates batch-norm running statistics once, as
 * the autograd step's forward does; the statistics are restored after the perturbed forwards. A
 * forward must be deterministic: {@link #refusal} refuses a module with dropout (a new mask at every
 * evaluation). The gradients go to buffers of this step, not to the parameters' {@code grad}
 * tensors ({@link #unfilledGradients()} names every parameter), as the book's numerical plan.
 * The forwards and the optimizer's update run with the {@link TwoCores} worker given (owned by the
 * caller) bound to the calling thread for the step ({@link TwoCores#bind}).
 */
final class NumericalStep implements Plan {

    /** The book's step {@code h = 1e-4}. */
    static final double H = 1e-4;

    private final Module module;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Examples train;
    private final boolean classes;
    private final Tensor[] params;
    private final double[][] paramArrays;
    private final double[][] grads;
    private final Tensor[] buffers;
    private final double[][] saved;
    private final double clipNorm;
    private final double[][] clipped;
    private final Set<String> names;
    private final TwoCores cores;

    /** On the calling thread alone. */
    NumericalStep(Module module, Loss loss, Optimizer optimizer, Examples train, double clipNorm) {
        this(module, loss, optimizer, train, clipNorm, TwoCores.off());
    }

    /** With {@code cores}' second halves (not closed here). */
    NumericalStep(Module module, Loss loss, Optimizer optimizer, Examples train, double clipNorm, TwoCores cores) {
        this.cores = cores;
        String refused = refusal(module);
        if (refused != null) {
            throw new IllegalArgumentException("the numerical gradient needs a deterministic forward: " + refused);
        }
        this.module = module;
        this.loss = loss;
        this.optimizer = optimizer;
        this.train = train;
        this.classes = train.task() == Task.CLASSIFICATION && loss.takesClassIndices();
        Map<String, Tensor> named = module.namedParameters();
        this.names = Collections.unmodifiableSet(new LinkedHashSet<>(named.keySet()));
        this.params = named.values().toArray(new Tensor[0]);
        this.paramArrays = new double[params.length][];
        this.grads = new double[params.length][];
        for (int i = 0; i < params.length; i++) {
            paramArrays[i] = params[i].data();
            grads[i] = new double[paramArrays[i].length];
        }
        this.buffers = module.namedBuffers().values().toArray(new Tensor[0]);
        this.saved = new double[buffers.length][];
        for (int i = 0; i < buffers.length; i++) {
            saved[i] = new double[buffers[i].size()];
        }
        this.clipNorm = clipNorm;
        if (clipNorm == Double.POSITIVE_INFINITY) {
            this.clipped = null;
        } else {
            this.clipped = new double[grads.length][];
            for (int i = 0; i < grads.length; i++) {
                clipped[i] = new double[grads[i].length];
            }
        }
    }

    /** Why the numerical gradient cannot be taken of {@code module}'s forward, or null when it can. */
    static String refusal(Module module) {
        return switch (module.kind()) {
            case DROPOUT -> ((Dropout) module).p() == 0 ? null
                    : "Dropout(" + org.grad4j.io.Repr.of(((Dropout) module).p()) + ") draws a new mask at every evaluation";
            case SEQUENTIAL, OTHER -> {
                for (Module child : module.children().values()) {
                    String r = refusal(child);
                    if (r != null) {
                        yield r;
                    }
                }
                yield null;
            }
            case LINEAR, SIGMOID, RELU, TANH, BATCH_NORM -> null;
        };
    }

    @Override
    public Kind kind() {
        return Kind.NUMERICAL;
    }

    @Override
    public boolean sparse() {
        return false;
    }

    @Override
    public Set<String> unfilledGradients() {
        return names;
    }

    @Override
    public double step(int[] idx, int[] next, int count) {
        try (TwoCores.Scope bound = cores.bind()) { // the forwards' products and the update
            return numericalStep(idx, count);
        }
    }

    private double numericalStep(int[] idx, int count) {
        double value = gradient(idx, count);
        if (!Double.isFinite(value)) {
            return value;
        }
        double[][] g = grads;
        if (clipped != null) {
            ClipNorm.clip(grads, clipNorm, clipped);
            g = clipped;
        }
        optimizer.step(paramArrays, g);
        for (Tensor p : params) {
            p.bumpVersion();
        }
        return value;
    }

    /**
     * Fills {@link #gradients()} with the numerical gradient of the loss of rows {@code idx[0..count)}
     * and returns that loss (before any update; when it is not finite no gradient is taken).
     */
    double gradient(int[] idx, int count) {
        Tensor x = features(idx, count);
        Batch target = targets(idx, count);
        module.train();
        try (NoGrad off = new NoGrad()) {
            double value = loss(x, target);
            if (!Double.isFinite(value)) {
                return value;
            }
            for (int b = 0; b < buffers.length; b++) {
                System.arraycopy(buffers[b].data(), 0, saved[b], 0, saved[b].length);
            }
            for (int k = 0; k < params.length; k++) {
                double[] p = paramArrays[k];
                for (int i = 0; i < p.length; i++) {
                    double v = p[i];
                    p[i] = v + H;
                    params[k].bumpVersion();
                    double up = loss(x, target);
                    p[i] = v - H;
                    params[k].bumpVersion();
                    double down = loss(x, target);
                    p[i] = v;
                    params[k].bumpVersion();
                    grads[k][i] = (up - down) / (2 * H);
                }
            }
            for (int b = 0; b < buffers.length; b++) {
                System.arraycopy(saved[b], 0, buffers[b].data(), 0, saved[b].length);
                buffers[b].bumpVersion();
            }
            return value;
        }
    }

    /** The gradient the last step took, in the module's parameter order (this step's buffers). */
    double[][] gradients() {
        return grads;
    }

    private record Batch(int[] classes, double[] values) {}

    private Tensor features(int[] idx, int count) {
        double[] xb = new double[count * train.features()];
        train.gatherFeatures(idx, 0, count, xb);
        return Tensor.wrap(xb, count, train.features());
    }

    private Batch targets(int[] idx, int count) {
        if (classes) {
            int[] tb = new int[count];
            train.gatherLabels(idx, 0, count, tb);
            return new Batch(tb, null);
        }
        double[] yb = new double[count * train.targetWidth()];
        train.gatherTargets(idx, 0, count, yb);
        return new Batch(null, yb);
    }

    private double loss(Tensor x, Batch target) {
        Tensor out = module.forward(x);
        return (classes ? loss.forward(out, target.classes()) : loss.forward(out, Tensor.wrap(target.values(), out.shape())))
                .item();
    }

    @Override
    public String description() {
        return "numerical gradient (central differences, h = 1e-4, over every parameter), then the optimizer";
    }
}
