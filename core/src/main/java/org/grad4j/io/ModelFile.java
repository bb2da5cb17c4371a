package org.grad4j.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grad4j.nn.Activation;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.Network;
import org.grad4j.nn.Parameter;
import org.grad4j.tensor.Tensor;

/**
 * Network weights as a NumPy {@code .npz} archive with arrays {@code W1, b1, W2, b2, ...}
 * ({@code Wi} of shape (inputs, outputs), {@code bi} of shape (outputs,)), float64, as the book's
 * {@code params} dictionary: {@code numpy.load("model.npz")["W1"]} reads them, and files written by
 * NumPy ({@code np.savez}) or from PyTorch tensors ({@code layer.weight.T}) load here.
 */
public final class ModelFile {
    private ModelFile() {}

    /** The arrays of a network's parameters, by name, in order. */
    public static LinkedHashMap<String, NdArray> arrays(Network net) {
        LinkedHashMap<String, NdArray> out = new LinkedHashMap<>();
        for (Parameter p : net.parameters()) {
            Tensor v = p.value();
            out.put(p.name(), new NdArray(v.data().clone(), v.shape().clone()));
        }
        return out;
    }

    /** A module's parameters and buffers ({@code stateDict}), copied, by name, in order. */
    public static LinkedHashMap<String, NdArray> arrays(org.grad4j.nn.module.Module module) {
        LinkedHashMap<String, NdArray> out = new LinkedHashMap<>();
        module.stateDict().forEach((n, t) -> out.put(n, new NdArray(t.data().clone(), t.shape().clone())));
        return out;
    }

    /** Writes a module's parameters and buffers and further arrays (kept after them) atomically. */
    public static void save(Path file, org.grad4j.nn.module.Module module, Map<String, NdArray> extra)
            throws IOException {
        LinkedHashMap<String, NdArray> all = arrays(module);
        all.putAll(extra);
        Npz.write(file, all);
    }

    /** Writes the network's parameters to {@code file} atomically. */
    public static void save(Path file, Network net) throws IOException {
        Npz.write(file, arrays(net));
    }

    /** Writes the network's parameters and further arrays (kept after them) atomically. */
    public static void save(Path file, Network net, Map<String, NdArray> extra) throws IOException {
        LinkedHashMap<String, NdArray> all = arrays(net);
        all.putAll(extra);
        Npz.write(file, all);
    }

    /**
     * Reads a feed-forward network ({@code W1, b1, ..., WL, bL}; other arrays are ignored).
     *
     * @param activation the activation between layers (not stored in the file)
     * @throws IllegalArgumentException naming the file and the array when one is missing or mis-shaped
     */
    public static FeedForwardNet load(Path file, Activation activation) throws IOException {
        check(file);
        return fromArrays(file.toString(), Npz.read(file), activation);
    }

    /** Refuses a path that is not a readable regular file, saying which. */
    public static void check(Path file) {
        if (java.nio.file.Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + ": is a directory, expected a .npz file of weights");
        }
        if (!java.nio.file.Files.exists(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": not a regular file, expected a .npz file of weights");
        }
    }

    /** Builds a network from {@code W1, b1, ...} arrays; {@code name} is used in error messages. */
    public static FeedForwardNet fromArrays(String name, Map<String, NdArray> arrays, Activation activation) {
        if (!arrays.containsKey("W1")) {
            throw new IllegalArgumentException(name + ": missing array 'W1' (expected W1, b1, W2, b2, ...; found "
                    + String.join(", ", arrays.keySet()) + ")");
        }
        List<Tensor> weights = new ArrayList<>();
        List<Tensor> biases = new ArrayList<>();
        int layer = 1;
        int inputs = -1;
        while (arrays.containsKey("W" + layer)) {
            NdArray w = arrays.get("W" + layer);
            if (w.shape().length != 2) {
                throw new IllegalArgumentException(name + ": W" + layer + " has shape " + w.shapeString()
                        + ", expected a matrix (inputs, outputs)");
            }
            if (w.shape()[0] < 1 || w.shape()[1] < 1) {
                throw new IllegalArgumentException(name + ": W" + layer + " has shape " + w.shapeString()
                        + ", expected at least one input and one output");
            }
            if (inputs >= 0 && w.shape()[0] != inputs) {
                throw new IllegalArgumentException(name + ": W" + layer + " has shape " + w.shapeString() + ", expected ("
                        + inputs + ", " + w.shape()[1] + ") to follow W" + (layer - 1));
            }
            NdArray b = arrays.get("b" + layer);
            if (b == null) {
                throw new IllegalArgumentException(name + ": missing array 'b" + layer + "'");
            }
            int outputs = w.shape()[1];
            if (b.size() != outputs || b.shape().length > 2 || (b.shape().length == 2 && b.shape()[0] != 1)) {
                throw new IllegalArgumentException(name + ": b" + layer + " has shape " + b.shapeString() + ", expected ("
                        + outputs + ",)");
            }
            for (double v : w.data()) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(name + ": W" + layer + " holds a non-finite value (" + v + ")");
                }
            }
            for (double v : b.data()) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(name + ": b" + layer + " holds a non-finite value (" + v + ")");
                }
            }
            weights.add(Tensor.of(w.data(), w.shape()[0], outputs));
            biases.add(Tensor.of(b.data().clone()));
            inputs = outputs;
            layer++;
        }
        if (arrays.containsKey("b" + layer)) {
            throw new IllegalArgumentException(name + ": b" + layer + " without W" + layer);
        }
        for (String key : arrays.keySet()) {
            if (key.length() < 10 && key.matches("[Wb][1-9]\\d*") && Integer.parseInt(key.substring(1)) > layer) {
                throw new IllegalArgumentException(name + ": " + key + " follows a gap in the layers: no W" + layer
                        + " (expected W1, b1, W2, b2, ... numbered without gaps)");
            }
        }
        return new FeedForwardNet(weights, biases, activation);
    }
}
