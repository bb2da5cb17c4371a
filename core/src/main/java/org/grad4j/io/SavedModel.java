package org.grad4j.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.grad4j.autograd.NoGrad;
import org.grad4j.autograd.Tensor;
import org.grad4j.data.Normalization;
import org.grad4j.data.Task;
import org.grad4j.nn.Activation;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.module.Module;

/**
 * A model read from a {@code .npz} file, ready to answer predictions: the module its architecture
 * describes (in evaluation mode, never switched back), the recorded input normalisation, and how
 * outputs become probabilities (softmax for cross-entropy, the logistic function for BCE).
 *
 * <p>{@link #outputs} may be called from many threads at once without locks: each call normalises
 * a copy of its rows and runs the forward without gradients (the graph switch {@link NoGrad} is
 * per thread); the module's parameters and statistics are only read.
 */
public final class SavedModel {

    private final Architecture architecture;
    private final Module module;

    private SavedModel(Architecture architecture, Module module) {
        this.architecture = architecture;
        this.module = module;
        module.eval();
    }

    /**
     * Reads {@code file}: with its recorded architecture when it has one; otherwise (files written
     * before, or by NumPy) as the book's network {@code W1, b1, ...} with {@code activation} between
     * layers, a classifier with softmax cross-entropy whose inputs are used as given.
     *
     * @throws IllegalArgumentException one line naming the file and what is wrong
     */
    public static SavedModel load(Path file, Activation activation) throws IOException {
        ModelFile.check(file);
        Map<String, NdArray> arrays = Npz.read(file);
        String name = String.valueOf(file.getFileName());
        var recorded = ArchitectureFile.of(name, arrays);
        if (recorded.isPresent()) {
            return new SavedModel(recorded.get(), Models.load(recorded.get(), arrays));
        }
        FeedForwardNet net = ModelFile.fromArrays(file.toString(), arrays, activation);
        int[] sizes = new int[net.parameters().stream().filter(p -> p.value().rank() == 2).mapToInt(p -> 1).sum() + 1];
        sizes[0] = net.inputSize();
        int k = 1;
        for (var p : net.parameters()) {
            if (p.value().rank() == 2) {
                sizes[k++] = p.value().cols();
            }
        }
        Architecture a = Architecture.feedForward(Task.CLASSIFICATION, sizes,
                activation.name().toLowerCase(java.util.Locale.ROOT), "cross-entropy",
                Normalization.none(net.inputSize()));
        return new SavedModel(a, net.asModule());
    }

    /** Whether {@code file} records its architecture (then {@link #load} needs no activation). */
    public static boolean recordsArchitecture(Path file) throws IOException {
        ModelFile.check(file);
        return Npz.read(file).containsKey(ArchitectureFile.ARRAY);
    }

    public Architecture architecture() {
        return architecture;
    }

    public Module module() {
        return module;
    }

    public Task task() {
        return architecture.task();
    }

    public int inputs() {
        return architecture.inputs();
    }

    public int outputs() {
        return architecture.outputs();
    }

    /**
     * The outputs (class scores, or regression values) of {@code count} rows of raw features,
     * row-major, after the recorded normalisation. Thread-safe; {@code rows} is not modified.
     *
     * @throws IllegalArgumentException when {@code rows} does not hold {@code count} rows of {@link #inputs()}
     */
    public double[] outputs(double[] rows, int count) {
        if (rows.length != (long) count * inputs()) {
            throw new IllegalArgumentException("predict: " + rows.length + " values are not " + count + " rows of "
                    + inputs() + " features");
        }
        double[] x = rows.clone();
        architecture.normalization().apply(x, inputs());
        try (NoGrad g = new NoGrad()) {
            return module.forward(Tensor.wrap(x, count, inputs())).data().clone();
        }
    }

    /** The class of each row: its highest output (for a classifier). */
    public int[] classes(double[] outputs, int count) {
        int w = outputs.length / count;
        int[] c = new int[count];
        for (int r = 0; r < count; r++) {
            int best = 0;
            for (int j = 1; j < w; j++) {
                if (outputs[r * w + j] > outputs[r * w + best]) {
                    best = j;
                }
            }
            c[r] = best;
        }
        return c;
    }

    /**
     * The probabilities of a classifier's outputs: {@code softmax} of each row for cross-entropy,
     * {@code 1 / (1 + exp(-y))} of each output for BCE.
     */
    public double[][] probabilities(double[] outputs, int count) {
        int w = outputs.length / count;
        double[][] p = new double[count][w];
        boolean bce = architecture.loss().equals("bce");
        for (int r = 0; r < count; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < w; j++) {
                max = Math.max(max, outputs[r * w + j]);
            }
            double sum = 0;
            for (int j = 0; j < w; j++) {
                double y = outputs[r * w + j];
                p[r][j] = bce ? 1 / (1 + Math.exp(-y)) : Math.exp(y - max);
                sum += p[r][j];
            }
            if (!bce) {
                for (int j = 0; j < w; j++) {
                    p[r][j] /= sum;
                }
            }
        }
        return p;
    }
}
