package org.grad4j.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.grad4j.autograd.Tensor;
import org.grad4j.nn.Init;
import org.grad4j.nn.loss.BCEWithLogitsLoss;
import org.grad4j.nn.loss.CrossEntropyLoss;
import org.grad4j.nn.loss.Loss;
import org.grad4j.nn.loss.MSELoss;
import org.grad4j.nn.module.BatchNorm1d;
import org.grad4j.nn.module.Dropout;
import org.grad4j.nn.module.Linear;
import org.grad4j.nn.module.Module;
import org.grad4j.nn.module.Relu;
import org.grad4j.nn.module.Sequential;
import org.grad4j.nn.module.Sigmoid;
import org.grad4j.nn.module.Tanh;

/**
 * Modules from an {@link Architecture}: a {@link Sequential#book} of its layers, so that the
 * parameters and buffers are named as the architecture names its arrays ({@code W1, b1, gamma1, ...}),
 * with fresh weights or with a model file's arrays.
 */
public final class Models {

    private Models() {
    }

    /** The module of {@code a} with weights {@code init.stdFor(in) * N(0, 1)} drawn from {@code rng}, biases zero. */
    public static Sequential build(Architecture a, Init init, Random rng) {
        List<Module> ms = new ArrayList<>();
        for (LayerSpec l : a.layers()) {
            ms.add(switch (l.type()) {
                case "linear" -> new Linear(l.size("in"), l.size("out"), init, rng);
                case "sigmoid" -> new Sigmoid();
                case "relu" -> new Relu();
                case "tanh" -> new Tanh();
                case "dropout" -> new Dropout(l.number("p"), rng);
                case "batchnorm" -> new BatchNorm1d(l.size("features"), l.number("eps"), l.number("momentum"));
                default -> throw new IllegalArgumentException("architecture: unknown layer type '" + l.type() + "'");
            });
        }
        Sequential net = Sequential.book(ms.toArray(new Module[0]));
        List<String> expected = new ArrayList<>();
        for (LayerSpec l : a.layers()) {
            expected.addAll(l.params().values());
        }
        for (String name : net.stateDict().keySet()) {
            if (!expected.contains(name)) {
                throw new IllegalArgumentException("architecture: the module's array " + name
                        + " is not named by the architecture (" + expected + ")");
            }
        }
        return net;
    }

    /**
     * The module of {@code a} with the file's arrays (its parameters and batch-norm statistics,
     * already checked against {@code a} by {@link ArchitectureFile#check}); other arrays are ignored.
     */
    public static Sequential load(Architecture a, Map<String, NdArray> arrays) {
        Sequential net = build(a, Init.std(0), new Random(0));
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (var e : net.stateDict().entrySet()) {
            NdArray arr = arrays.get(e.getKey());
            if (arr == null) {
                throw new IllegalArgumentException("the model file has no array " + e.getKey());
            }
            state.put(e.getKey(), Tensor.wrap(arr.data().clone(), e.getValue().shape()));
        }
        net.loadStateDict(state);
        net.eval();
        return net;
    }

    /**
     * Copies the arrays named as {@code module}'s parameters and buffers into it (other arrays are ignored).
     *
     * @throws IllegalArgumentException naming the file and the array when one is missing or mis-shaped
     */
    public static void loadInto(org.grad4j.nn.module.Module module, Map<String, NdArray> arrays, String file) {
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (var e : module.stateDict().entrySet()) {
            NdArray arr = arrays.get(e.getKey());
            if (arr == null) {
                throw new IllegalArgumentException(file + ": no array '" + e.getKey() + "' for this model");
            }
            if (!java.util.Arrays.equals(arr.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException(file + ": " + e.getKey() + " has shape "
                        + NdArray.shapeString(arr.shape()) + ", this model's is "
                        + NdArray.shapeString(e.getValue().shape()));
            }
            state.put(e.getKey(), Tensor.wrap(arr.data().clone(), arr.shape()));
        }
        module.loadStateDict(state);
    }

    /** The loss an architecture names. */
    public static Loss loss(String name) {
        return switch (name) {
            case "cross-entropy" -> new CrossEntropyLoss();
            case "mse" -> new MSELoss();
            case "bce" -> new BCEWithLogitsLoss();
            default -> throw new IllegalArgumentException("architecture: unknown loss '" + name + "'");
        };
    }
}
