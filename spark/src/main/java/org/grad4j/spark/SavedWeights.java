package org.grad4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.grad4j.autograd.NoGrad;
import org.grad4j.io.Architecture;
import org.grad4j.io.ArchitectureFile;
import org.grad4j.io.Models;
import org.grad4j.io.NdArray;
import org.grad4j.io.Npz;
import org.grad4j.nn.module.Sequential;

/**
 * A trained model of {@link Grad4jClassificationModel} or {@link Grad4jRegressionModel}: its
 * {@link ModelSpec} and weights, its outputs for one row, and its file {@code weights.npz} in a saved
 * model's directory: grad4j's model file (the arrays by parameter name and the architecture's JSON),
 * which {@code grad4j predict --model} and {@code eval --model} read and {@code numpy.load} opens.
 */
final class SavedWeights implements java.io.Serializable {

    /** The weights file inside a saved model's directory. */
    static final String FILE = "weights.npz";

    private final ModelSpec spec;
    private final double[][] weights;
    /** The module on this JVM, built on first use (a model is shipped to executors without it). */
    private transient Sequential module;
    private transient org.grad4j.data.Normalization normalization;

    SavedWeights(ModelSpec spec, double[][] weights) {
        this.spec = spec;
        this.weights = new double[weights.length][];
        for (int i = 0; i < weights.length; i++) {
            this.weights[i] = weights[i].clone();
        }
    }

    ModelSpec spec() {
        return spec;
    }

    /** The architecture: layers, loss, task, normalisation of the inputs. */
    Architecture architecture() {
        return spec.parsed();
    }

    /** A new module with a copy of the weights, for use without Spark. */
    Sequential module() {
        return spec.module(weights);
    }

    /** The model's outputs (class scores, or regression values) for one row of features. */
    synchronized double[] outputs(double[] features) {
        if (features.length != spec.inputs()) {
            throw new IllegalArgumentException("the model takes " + spec.inputs() + " features, got a vector of "
                    + features.length);
        }
        if (module == null) {
            module = spec.module(weights);
            module.eval();
            normalization = architecture().normalization();
        }
        double[] x = features.clone();
        normalization.apply(x, x.length);
        try (NoGrad g = new NoGrad()) {
            return module.forward(org.grad4j.autograd.Tensor.wrap(x, 1, x.length)).data().clone();
        }
    }

    /** Writes {@code dir/weights.npz} on the file system of {@code dir}. */
    void write(String dir, Configuration hadoop) {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        var params = spec.module(weights).namedParameters();
        params.forEach((name, t) -> arrays.put(name, new NdArray(t.data(), t.shape())));
        try {
            Path local = Files.createTempFile("grad4j-weights", ".npz");
            try {
                ArchitectureFile.save(local, arrays, architecture());
                org.apache.hadoop.fs.Path dst = new org.apache.hadoop.fs.Path(dir, FILE);
                FileSystem fs = dst.getFileSystem(hadoop);
                fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), dst);
            } finally {
                Files.deleteIfExists(local);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir + "/" + FILE, e);
        }
    }

    /**
     * Reads {@code dir/weights.npz}.
     *
     * @throws IllegalArgumentException when the file has no architecture or it does not match its arrays
     */
    static SavedWeights read(String dir, Configuration hadoop) {
        try {
            Path local = Files.createTempFile("grad4j-weights", ".npz");
            try {
                org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(dir, FILE);
                FileSystem fs = src.getFileSystem(hadoop);
                fs.copyToLocalFile(false, src, new org.apache.hadoop.fs.Path(local.toUri()), true);
                Map<String, NdArray> arrays = Npz.read(local);
                Architecture a = ArchitectureFile.of(dir + "/" + FILE, arrays).orElseThrow(() ->
                        new IllegalArgumentException(dir + "/" + FILE + ": no " + ArchitectureFile.ARRAY
                                + " array (not written by a grad4j Spark model)"));
                Sequential m = Models.load(a, arrays);
                return new SavedWeights(ModelSpec.of(a, m), ModelSpec.weightsOf(m));
            } finally {
                Files.deleteIfExists(local);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + "/" + FILE, e);
        }
    }
}
