package org.grad4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.grad4j.tensor.Ops;
import org.grad4j.tensor.SparseProduct;
import org.grad4j.tensor.SparseRows;
import org.grad4j.tensor.Tensor;
import org.grad4j.tensor.TwoCores;

/**
 * A stack of {@link Affine} layers with an activation between consecutive ones, topped by
 * {@link SoftmaxWithLoss}: {@code Affine1 -> act -> Affine2 -> act -> ... -> AffineL -> softmax}.
 * The common machinery of {@link SimpleNet}, {@link TwoLayerNet} and {@link MultiLayerNet}.
 *
 * <p>The fused step ({@link #sgdStep}) and the classification kernel ({@link #classify}) run on two
 * cores: the calling thread and the {@link TwoCores} worker passed to them, or, in the overloads
 * without one, the worker bound to the calling thread ({@link TwoCores#current()}), which is none
 * outside a {@link TwoCores#bind} scope: they then run on the calling thread alone, with the same
 * results. So do the layers' products ({@link #gradient}, {@link #predict}). The network never
 * starts or closes a worker; whoever passes or binds one owns it. Not thread-safe.
 *
 * <p>The first layer does not compute {@code dx} in backward (nobody needs the gradient with respect
 * to the data), and every buffer is kept between calls with the same batch size, so
 * {@link #gradient} allocates nothing once warm.
 */
public class FeedForwardNet implements Network {

    /** Rows per chunk in {@link #predict}, {@link #loss} and {@link #accuracy}, to bound memory. */
    static final int CHUNK = 1000;

    /** Step of the central difference in {@link #numericalGradient}, the book's {@code h = 1e-4}. */
    static final double H = 1e-4;

    private final Activation activation;
    private final Affine[] affines;
    private final Layer[] layers;
    private final SoftmaxWithLoss last = new SoftmaxWithLoss();
    private final List<Parameter> parameters;
    private final double[][] params;
    private final double[][] grads;
    private Tensor chunk;
    private SgdStep step;
    private TwoCores stepCores;
    private Classify classify;
    private TwoCores classifyCores;

    /**
     * A network with the given weights and biases, copied (the arguments are not kept or modified).
     *
     * @param weights {@code W1, W2, ...}, with {@code W(i+1).rows() == Wi.cols()}
     * @param biases {@code b1, b2, ...} with {@code bi.size() == Wi.cols()}, or null for no biases
     * @param activation between consecutive affine layers (null only for a single layer)
     * @throws IllegalArgumentException naming the parameter and both shapes on a mismatch
     */
    public FeedForwardNet(List<Tensor> weights, List<Tensor> biases, Activation activation) {
        this(weights, biases, activation, true);
    }

    /**
     * A network over the given weight and bias tensors themselves, not copies: its steps update them
     * in place and writes to them are seen by the network. Used by {@code StepPlanner} to run the
     * fused step over a module's parameter arrays.
     */
    public static FeedForwardNet wrapping(List<Tensor> weights, List<Tensor> biases, Activation activation) {
        return new FeedForwardNet(weights, biases, activation, false);
    }

    private FeedForwardNet(List<Tensor> weights, List<Tensor> biases, Activation activation, boolean copy) {
        int layerCount = weights.size();
        if (layerCount == 0) {
            throw new IllegalArgumentException("FeedForwardNet: no weights");
        }
        if (biases != null && biases.size() != layerCount) {
            throw new IllegalArgumentException("FeedForwardNet: " + biases.size() + " biases for " + layerCount
                    + " weight matrices");
        }
        if (activation == null && layerCount > 1) {
            throw new IllegalArgumentException("FeedForwardNet: an activation is required between layers");
        }
        this.activation = activation;
        this.affines = new Affine[layerCount];
        this.layers = new Layer[2 * layerCount - 1];
        List<Parameter> ps = new ArrayList<>();
        boolean single = layerCount == 1 && biases == null;
        for (int i = 0; i < layerCount; i++) {
            Tensor w = weights.get(i);
            String wName = single ? "W" : "W" + (i + 1);
            if (w.rank() != 2) {
                throw new IllegalArgumentException(wName + ": shape " + w.shapeString() + ", expected a matrix");
            }
            if (i > 0 && w.rows() != weights.get(i - 1).cols()) {
                throw new IllegalArgumentException(wName + ": shape " + w.shapeString() + ", expected ["
                        + weights.get(i - 1).cols() + ", " + w.cols() + "]");
            }
            Tensor b = null;
            if (biases != null) {
                b = biases.get(i);
                if (b.rank() != 1 || b.size() != w.cols()) {
                    throw new IllegalArgumentException("b" + (i + 1) + ": shape " + b.shapeString() + ", expected ["
                            + w.cols() + "]");
                }
                b = copy ? Tensor.copy(b) : b;
            }
            Affine affine = new Affine(copy ? Tensor.copy(w) : w, b).setComputeDx(i > 0);
            affines[i] = affine;
            layers[2 * i] = affine;
            if (i < layerCount - 1) {
                layers[2 * i + 1] = activation.newLayer();
            }
            ps.add(new Parameter(wName, affine.w(), affine.dW()));
            if (b != null) {
                ps.add(new Parameter("b" + (i + 1), affine.b(), affine.db()));
            }
        }
        this.parameters = Collections.unmodifiableList(ps);
        this.params = new double[ps.size()][];
        this.grads = new double[ps.size()][];
        for (int i = 0; i < ps.size(); i++) {
            params[i] = ps.get(i).value().data();
            grads[i] = ps.get(i).grad().data();
        }
    }

    /** A network with the same architecture and (copied) current weights. */
    public FeedForwardNet copy() {
        List<Tensor> ws = new ArrayList<>();
        List<Tensor> bs = affines[0].b() == null ? null : new ArrayList<>();
        for (Affine a : affines) {
            ws.add(a.w());
            if (bs != null) {
                bs.add(a.b());
            }
        }
        return new FeedForwardNet(ws, bs, activation);
    }

    /**
     * The same network as a module over this network's parameter arrays (not copies): {@code Linear}
     * layers named as the book names them ({@code W1, b1, ...}, or {@code W}) with the activation
     * between them. Training either trains both.
     */
    public org.grad4j.nn.module.Sequential asModule() {
        List<org.grad4j.nn.module.Module> ms = new ArrayList<>();
        for (int i = 0; i < affines.length; i++) {
            if (i > 0) {
                ms.add(org.grad4j.nn.module.BookNetworks.activation(activation));
            }
            Tensor w = affines[i].w();
            Tensor b = affines[i].b();
            ms.add(new org.grad4j.nn.module.Linear(org.grad4j.autograd.Tensor.wrap(w.data(), w.rows(), w.cols()),
                    b == null ? null : org.grad4j.autograd.Tensor.wrap(b.data(), b.size())));
        }
        return org.grad4j.nn.module.Sequential.book(ms.toArray(new org.grad4j.nn.module.Module[0]));
    }

    /** The hidden activation, or null for a single layer. */
    public Activation activation() {
        return activation;
    }

    /** Number of inputs (rows of W1). */
    public int inputSize() {
        return affines[0].w().rows();
    }

    /** Number of classes (columns of the last weight matrix). */
    public int outputSize() {
        return affines[affines.length - 1].w().cols();
    }

    /** Scores for {@code x}, in a buffer owned by the last layer. */
    private Tensor forward(Tensor x) {
        if (x.cols() != inputSize()) {
            throw new IllegalArgumentException("network input shape " + x.shapeString() + ", expected [*, "
                    + inputSize() + "]");
        }
        Tensor h = x;
        for (Layer layer : layers) {
            h = layer.forward(h);
        }
        return h;
    }

    private Tensor chunkOf(Tensor x, int from, int count) {
        if (from == 0 && count == x.rows()) {
            return x;
        }
        chunk = Tensor.reuse(chunk, count, x.cols());
        return Ops.copyRows(x, from, count, chunk);
    }

    private static void checkLabels(Tensor x, int[] t) {
        if (t.length != x.rows()) {
            throw new IllegalArgumentException(t.length + " labels for " + x.rows() + " rows");
        }
    }

    @Override
    public Tensor predict(Tensor x) {
        int n = x.rows();
        Tensor out = Tensor.zeros(n, outputSize());
        for (int from = 0; from < n; from += CHUNK) {
            int count = Math.min(CHUNK, n - from);
            Tensor scores = forward(chunkOf(x, from, count));
            System.arraycopy(scores.data(), 0, out.data(), from * outputSize(), scores.size());
        }
        return out;
    }

    @Override
    public double loss(Tensor x, int[] t) {
        checkLabels(x, t);
        int n = x.rows();
        double total = 0.0;
        for (int from = 0; from < n; from += CHUNK) {
            int count = Math.min(CHUNK, n - from);
            int[] tc = count == n ? t : Arrays.copyOfRange(t, from, from + count);
            total += last.forward(forward(chunkOf(x, from, count)), tc) * count;
        }
        return total / n;
    }

    @Override
    public double accuracy(Tensor x, int[] t) {
        checkLabels(x, t);
        int n = x.rows();
        int k = outputSize();
        long correct = 0;
        for (int from = 0; from < n; from += CHUNK) {
            int count = Math.min(CHUNK, n - from);
            double[] s = forward(chunkOf(x, from, count)).data();
            for (int i = 0; i < count; i++) {
                int r = i * k;
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (s[r + j] > s[r + best]) {
                        best = j;
                    }
                }
                if (best == t[from + i]) {
                    correct++;
                }
            }
        }
        return (double) correct / n;
    }

    @Override
    public double gradient(Tensor x, int[] t) {
        checkLabels(x, t);
        return backprop(last.forward(forward(x), t));
    }

    /**
     * One step of plain SGD on a batch, {@code p -= lr * grad} for every parameter, on two cores
     * ({@link SgdStep}; the second halves on the worker bound to the calling thread, else on this
     * one): the same step as {@link #gradient(Tensor, int[])} followed by {@code Sgd.step} to rounding,
     * with the first layer's update folded into its weight-gradient product (the product
     * accumulates {@code -lr * x^T dA1} onto {@code W1} directly, as PyTorch's {@code addmm_} with
     * {@code alpha = -lr}). The weight gradients ({@link #gradArrays()}) are not computed; the bias
     * gradients are. Returns the loss before the step; when it is not finite (NaN or infinite)
     * nothing is updated, as a trainer stops there.
     */
    public double sgdStep(Tensor x, int[] t, double lr) {
        return sgdStep(null, null, x, t, lr);
    }

    /**
     * As {@link #sgdStep(Tensor, int[], double)}, with the batch {@code x} written by {@code columns}
     * during the step, each core writing the half of the columns it multiplies (null: {@code x} is
     * already filled). Only {@code x} and the parameters (and bias gradients) are modified.
     */
    public double sgdStep(BatchColumns columns, Tensor x, int[] t, double lr) {
        return sgdStep(columns, null, x, t, lr);
    }

    /**
     * As {@link #sgdStep(BatchColumns, Tensor, int[], double)}, and then, on the same two cores
     * without a hand-off in between, the next batch's first-layer product with the updated
     * {@code W1}: {@code next} writes its columns into {@code x}. A following call with {@code next}
     * as {@code columns} (and the same {@code x}) starts from that product, which saves one of the
     * three hand-offs between the cores per step; the parameters must not be changed between the
     * two calls (reading them, as an evaluation does, is fine). Results are those of separate steps.
     */
    public double sgdStep(BatchColumns columns, BatchColumns next, Tensor x, int[] t, double lr) {
        return sgdStep(TwoCores.current(), columns, next, x, t, lr);
    }

    /**
     * As {@link #sgdStep(BatchColumns, BatchColumns, Tensor, int[], double)}, the second half of each
     * phase on {@code cores} when it is free (the same numbers with any worker, or none).
     */
    public double sgdStep(TwoCores cores, BatchColumns columns, BatchColumns next, Tensor x, int[] t, double lr) {
        checkLabels(x, t);
        if (x.cols() != inputSize()) {
            throw new IllegalArgumentException("network input shape " + x.shapeString() + ", expected [*, "
                    + inputSize() + "]");
        }
        return stepper(cores).run(columns, next, x, t, lr);
    }

    /**
     * As {@link #sgdStep(Tensor, int[], double)} for the rows {@code idx[from .. from+count)} of a
     * sparse input: the first layer multiplies only their nonzero entries ({@link SparseProduct}),
     * forward and in {@code dW1 = x^T dA1}; then {@code W1 -= lr dW1}. The same step as
     * {@link #gradient(SparseRows, int[], int, int, int[])} followed by {@code Sgd.step}, to rounding.
     *
     * @throws IllegalStateException if the first layer cannot take sparse input ({@link #sparseWorthwhile})
     */
    public double sgdStep(SparseRows x, int[] idx, int from, int count, int[] t, double lr) {
        return sgdStep(TwoCores.current(), x, idx, from, count, t, lr);
    }

    /**
     * As {@link #sgdStep(SparseRows, int[], int, int, int[], double)}, the second halves on
     * {@code cores} when it is free (the same numbers with any worker, or none).
     */
    public double sgdStep(TwoCores cores, SparseRows x, int[] idx, int from, int count, int[] t, double lr) {
        if (t.length != count) {
            throw new IllegalArgumentException(t.length + " labels for " + count + " rows");
        }
        checkSparseCapable();
        if (x.cols() != inputSize()) {
            throw new IllegalArgumentException("network input shape [" + count + ", " + x.cols() + "], expected [*, "
                    + inputSize() + "]");
        }
        return stepper(cores).run(x, idx, from, count, t, lr);
    }

    /** Backward through every layer from the loss layer's gradient; returns {@code loss}. */
    private double backprop(double loss) {
        Tensor dout = last.backward();
        for (int i = layers.length - 1; i >= 0 && dout != null; i--) {
            dout = layers[i].backward(dout);
        }
        return loss;
    }

    /**
     * Whether {@link #gradient(SparseRows, int[], int, int, int[])} is worth it for inputs with this
     * fraction of nonzero entries: the sparse kernels must be present, the first layer at least
     * {@link SparseProduct#MIN_COLUMNS} wide, and the input at most {@link #SPARSE_DENSITY} nonzero.
     * Measured with {@code bench/run.sh SparseBench} (first layer, batch 100, hidden 50, two cores):
     * sparse 214 us against dense 399 us on MNIST (19 % nonzero), but 618 against 350 on
     * Fashion-MNIST (50 %).
     */
    public boolean sparseWorthwhile(double density) {
        return affines[0].sparseCapable() && density <= SPARSE_DENSITY;
    }

    /** Highest fraction of nonzero inputs for which {@link #sparseWorthwhile} says yes. */
    public static final double SPARSE_DENSITY = 0.3;

    /**
     * Backpropagation for the rows {@code idx[from .. from+count)} of a sparse input, the same gradient
     * as {@link #gradient(Tensor, int[])} on those rows made dense (to rounding), computed from their
     * nonzero entries only. Allocates nothing once warm.
     *
     * @throws IllegalStateException if the first layer cannot take sparse input ({@link #sparseWorthwhile})
     */
    public double gradient(SparseRows x, int[] idx, int from, int count, int[] t) {
        if (t.length != count) {
            throw new IllegalArgumentException(t.length + " labels for " + count + " rows");
        }
        return backprop(last.forward(scores(x, idx, from, count, true), t));
    }

    /**
     * The predicted class ({@code argmax} of the scores, the first on ties) of rows {@code [0, count)}
     * of {@code rows} (each row {@link #inputSize()} values), into {@code out[0 .. count)}:
     * {@code argmaxRows(predict(x))} without the whole batch {@code x} in memory, on two cores
     * ({@link Classify}). Only {@code out} is modified.
     */
    public void classify(BatchRows rows, int count, int[] out) {
        classify(TwoCores.current(), rows, count, out, null);
    }

    /** As {@link #classify(BatchRows, int, int[])}, half of the rows on {@code cores} when it is free. */
    public void classify(TwoCores cores, BatchRows rows, int count, int[] out) {
        classify(cores, rows, count, out, null);
    }

    /** As {@link #classify(BatchRows, int, int[])}; the scores also into {@code scores} when not null. */
    void classify(BatchRows rows, int count, int[] out, double[] scores) {
        classify(TwoCores.current(), rows, count, out, scores);
    }

    private void classify(TwoCores cores, BatchRows rows, int count, int[] out, double[] scores) {
        checkClassify(count, out, scores);
        classifier(cores).run(rows, count, out, scores);
    }

    private void checkSparseCapable() {
        if (!affines[0].sparseCapable()) {
            throw new IllegalStateException("sparse input needs the Vector API (--add-modules jdk.incubator.vector)"
                    + " and a first layer of at least " + SparseProduct.MIN_COLUMNS + " units");
        }
    }

    private void checkClassify(int count, int[] out, double[] scores) {
        if (count < 0 || out.length < count) {
            throw new IllegalArgumentException("classify: " + count + " rows, " + out.length + " outputs");
        }
        if (scores != null && scores.length < count * outputSize()) {
            throw new IllegalArgumentException("classify: " + count + " rows of " + outputSize() + " scores, "
                    + scores.length + " places");
        }
    }

    /** The fused step over {@code cores}, made again (with its buffers) when the worker changes. */
    private SgdStep stepper(TwoCores cores) {
        if (step == null || stepCores != cores) {
            step = new SgdStep(affines, activation, cores);
            stepCores = cores;
        }
        return step;
    }

    /** The classification kernel over {@code cores}, made again when the worker changes. */
    private Classify classifier(TwoCores cores) {
        if (classify == null || classifyCores != cores) {
            classify = new Classify(affines, activation, cores);
            classifyCores = cores;
        }
        return classify;
    }

    /**
     * The predicted class of the rows {@code idx[from .. from+count)} of a sparse input, into
     * {@code out[0 .. count)}: the first layer from their nonzero entries (on two cores), then each
     * core takes half of the rows through the rest of the network ({@link Classify}). The classes of
     * {@link #scores(SparseRows, int[], int, int)}. Only {@code out} is modified, and the buffer of
     * the first layer's output: a tensor {@code scores} returned before is overwritten.
     *
     * @throws IllegalStateException if the first layer cannot take sparse input
     */
    public void classify(SparseRows x, int[] idx, int from, int count, int[] out) {
        classify(TwoCores.current(), x, idx, from, count, out, null);
    }

    /**
     * As {@link #classify(SparseRows, int[], int, int, int[])}, the first layer's product and half of
     * the rows on {@code cores} when it is free.
     */
    public void classify(TwoCores cores, SparseRows x, int[] idx, int from, int count, int[] out) {
        classify(cores, x, idx, from, count, out, null);
    }

    /** As {@link #classify(SparseRows, int[], int, int, int[])}; the scores also into {@code scores} when not null. */
    void classify(SparseRows x, int[] idx, int from, int count, int[] out, double[] scores) {
        classify(TwoCores.current(), x, idx, from, count, out, scores);
    }

    private void classify(TwoCores cores, SparseRows x, int[] idx, int from, int count, int[] out, double[] scores) {
        checkClassify(count, out, scores);
        checkSparseCapable();
        Tensor a1;
        try (TwoCores.Scope bound = cores.bind()) { // the first layer's sparse product
            a1 = affines[0].forward(x, idx, from, count, false);
        }
        classifier(cores).runFrom(a1, count, out, scores);
    }

    /**
     * The class scores (before softmax) of the rows {@code idx[from .. from+count)} of a sparse input,
     * computed from their nonzero entries; a buffer owned by the network, valid until its next use.
     *
     * @throws IllegalStateException if the first layer cannot take sparse input
     */
    public Tensor scores(SparseRows x, int[] idx, int from, int count) {
        return scores(x, idx, from, count, false);
    }

    private Tensor scores(SparseRows x, int[] idx, int from, int count, boolean forBackward) {
        checkSparseCapable();
        Tensor h = affines[0].forward(x, idx, from, count, forBackward);
        for (int i = 1; i < layers.length; i++) {
            h = layers[i].forward(h);
        }
        return h;
    }

    @Override
    public void numericalGradient(Tensor x, int[] t, int threads) {
        checkLabels(x, t);
        if (threads < 1) {
            throw new IllegalArgumentException("numericalGradient: threads must be positive: " + threads);
        }
        long total = 0;
        for (double[] p : params) {
            total += p.length;
        }
        if (threads == 1) {
            numericalRange(this, x, t, 0, total, grads);
            return;
        }
        Thread[] workers = new Thread[threads];
        Throwable[] failures = new Throwable[threads];
        for (int k = 0; k < threads; k++) {
            long from = total * k / threads;
            long to = total * (k + 1) / threads;
            int id = k;
            FeedForwardNet own = copy();
            workers[k] = new Thread(() -> {
                try {
                    numericalRange(own, x, t, from, to, grads);
                } catch (Throwable e) {
                    failures[id] = e;
                }
            }, "grad4j-numerical-gradient-" + k);
            workers[k].start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("numericalGradient interrupted", e);
            }
        }
        for (Throwable f : failures) {
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f != null) {
                throw new IllegalStateException("numericalGradient failed", f);
            }
        }
    }

    /** Central differences for flat parameter indices {@code [from, to)} of {@code net}, into {@code out}. */
    private static void numericalRange(FeedForwardNet net, Tensor x, int[] t, long from, long to,
            double[][] out) {
        long base = 0;
        for (int p = 0; p < net.params.length; p++) {
            double[] w = net.params[p];
            long start = Math.max(from, base);
            long end = Math.min(to, base + w.length);
            for (long g = start; g < end; g++) {
                int i = (int) (g - base);
                double saved = w[i];
                w[i] = saved + H;
                double plus = net.loss(x, t);
                w[i] = saved - H;
                double minus = net.loss(x, t);
                w[i] = saved;
                out[p][i] = (plus - minus) / (2 * H);
            }
            base += w.length;
        }
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public double[][] paramArrays() {
        return params;
    }

    @Override
    public double[][] gradArrays() {
        return grads;
    }
}
