package org.grad4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.grad4j.data.Task;
import org.grad4j.io.Architecture;
import org.grad4j.io.LayerSpec;
import org.grad4j.io.Models;
import org.grad4j.nn.Init;
import org.grad4j.autograd.Tensor;
import org.grad4j.nn.loss.Loss;
import org.grad4j.nn.module.Linear;
import org.grad4j.nn.module.Module;
import org.grad4j.nn.module.Relu;
import org.grad4j.nn.module.Sequential;
import org.grad4j.nn.module.Sigmoid;
import org.grad4j.nn.module.Tanh;

/**
 * A model as it travels to every task: its {@link Architecture} as the JSON document model files
 * carry, and the names of its parameters in {@code module.namedParameters()} order, the order of
 * every weight and gradient array shipped. On an executor it builds the {@link Sequential} of the
 * architecture ({@link Models#build}) over a copy of the broadcast weights, and the loss the
 * architecture names ({@link Models#loss}).
 *
 * <p>Only modules whose step is a function of the weights and the batch alone are distributed:
 * {@code linear} layers and activations. Dropout draws masks and batch normalisation keeps running
 * statistics per replica, which partitions would not share.
 *
 * @param architecture the architecture's JSON ({@link Architecture#toJson})
 * @param names        the parameter names, in order
 */
record ModelSpec(String architecture, String[] names) implements Serializable {

    /** The layer types a replica may have. */
    static final Set<String> LAYERS = Set.of("linear", "sigmoid", "relu", "tanh");

    ModelSpec {
        names = names.clone();
    }

    /**
     * The spec of {@code module}, which must be the module of {@code a} (the same parameter names and shapes).
     *
     * @throws IllegalArgumentException naming a layer that cannot be distributed or the first parameter that differs
     */
    static ModelSpec of(Architecture a, Module module) {
        for (int i = 0; i < a.layers().size(); i++) {
            LayerSpec l = a.layers().get(i);
            if (!LAYERS.contains(l.type())) {
                throw new IllegalArgumentException("layer " + (i + 1) + " is " + l.type() + ": Spark training takes "
                        + "linear layers and sigmoid, relu or tanh activations (not dropout or batchnorm)");
            }
        }
        Map<String, org.grad4j.autograd.Tensor> own = module.namedParameters();
        Map<String, org.grad4j.autograd.Tensor> built = Models.build(a, Init.std(0), new Random(0)).namedParameters();
        if (!own.keySet().equals(built.keySet())) {
            throw new IllegalArgumentException("the module's parameters " + own.keySet() + " are not the architecture's "
                    + built.keySet());
        }
        for (var e : own.entrySet()) {
            if (!Arrays.equals(e.getValue().shape(), built.get(e.getKey()).shape())) {
                throw new IllegalArgumentException("parameter " + e.getKey() + " has shape " + e.getValue().shapeString()
                        + ", the architecture's is " + built.get(e.getKey()).shapeString());
            }
        }
        return new ModelSpec(a.toJson(), own.keySet().toArray(new String[0]));
    }

    Architecture parsed() {
        return Architecture.fromJson(architecture);
    }

    /** The module of the architecture with a copy of {@code weights} (in {@link #names} order). */
    Sequential module(double[][] weights) {
        return module(parsed(), weights);
    }

    /**
     * The layers of {@code a} over copies of {@code weights}, built directly (the shapes were checked
     * against {@link Models#build} by {@link #of}); a task builds one per job, so no initial weights
     * are drawn only to be overwritten.
     */
    private Sequential module(Architecture a, double[][] weights) {
        List<Module> layers = new ArrayList<>();
        int k = 0;
        for (LayerSpec l : a.layers()) {
            if (l.type().equals("linear")) {
                if (k + 2 > weights.length) {
                    throw new IllegalArgumentException("the model has more parameter arrays than the " + weights.length
                            + " given " + Arrays.toString(names));
                }
                int in = l.size("in");
                int out = l.size("out");
                layers.add(new Linear(Tensor.wrap(copy(weights[k], in * out, k), in, out),
                        Tensor.wrap(copy(weights[k + 1], out, k + 1), out)));
                k += 2;
            } else {
                layers.add(switch (l.type()) {
                    case "sigmoid" -> new Sigmoid();
                    case "relu" -> new Relu();
                    case "tanh" -> new Tanh();
                    default -> throw new IllegalArgumentException("layer " + l.type() + " is not distributed");
                });
            }
        }
        if (k != weights.length) {
            throw new IllegalArgumentException("the model has " + k + " parameter arrays " + Arrays.toString(names)
                    + ", got " + weights.length);
        }
        return Sequential.book(layers.toArray(new Module[0]));
    }

    private double[] copy(double[] w, int length, int i) {
        if (w.length != length) {
            throw new IllegalArgumentException(names[i] + ": " + w.length + " values, expected " + length);
        }
        return w.clone();
    }

    Loss loss() {
        return Models.loss(parsed().loss());
    }

    /** A task's replica: the module over a copy of {@code weights}, its loss, and how its gradient is computed. */
    Replica replica(double[][] weights) {
        Architecture a = parsed();
        Sequential m = module(a, weights);
        return new Replica(m, org.grad4j.train.StepPlanner.gradient(m, Models.loss(a.loss()), a.task()));
    }

    /** A copy of the module's parameter arrays, in {@code namedParameters()} order. */
    static double[][] weightsOf(Module module) {
        return module.parameters().stream().map(t -> t.data().clone()).toArray(double[][]::new);
    }

    /** The module's parameter arrays themselves, in {@code namedParameters()} order. */
    static double[][] arraysOf(Module module) {
        return module.parameters().stream().map(org.grad4j.autograd.Tensor::data).toArray(double[][]::new);
    }

    Task task() {
        return parsed().task();
    }

    int inputs() {
        return parsed().inputs();
    }

    int outputs() {
        return parsed().outputs();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSpec s && architecture.equals(s.architecture) && Arrays.equals(names, s.names);
    }

    @Override
    public int hashCode() {
        return 31 * architecture.hashCode() + Arrays.hashCode(names);
    }

    @Override
    public String toString() {
        return architecture;
    }
}
