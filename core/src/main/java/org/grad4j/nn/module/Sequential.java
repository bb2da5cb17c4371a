package org.grad4j.nn.module;

import java.util.List;
import java.util.Map;
import org.grad4j.autograd.Tensor;

/**
 * Modules applied one after the other, as {@code torch.nn.Sequential}; the children are named
 * {@code 0, 1, 2, ...}, so parameters are {@code 0.weight, 0.bias, 2.weight, ...}.
 *
 * <p>{@link #book} names them as the book's networks do instead: the {@code k}-th {@link Linear}'s
 * weight and bias are {@code Wk} and {@code bk}, a {@link BatchNorm1d} after it has {@code gammak},
 * {@code betak} (and buffers {@code running_meank}, {@code running_vark}); a single {@link Linear}
 * without bias (the book's {@code simpleNet}) has its weight named {@code W}:
 * <pre>{@code
 * Sequential net = Sequential.book(new Linear(784, 50, Init.std(0.01), rng), new Sigmoid(),
 *         new Linear(50, 10, Init.std(0.01), rng));
 * net.namedParameters().keySet();   // [W1, b1, W2, b2]
 * }</pre>
 */
public final class Sequential extends Module {

    private final List<Module> layers;
    private final boolean bookNames;

    /** PyTorch naming ({@code 0.weight}, ...). */
    public Sequential(Module... layers) {
        this(false, layers);
    }

    private Sequential(boolean bookNames, Module... layers) {
        if (layers.length == 0) {
            throw new IllegalArgumentException("Sequential: no layers");
        }
        for (int i = 0; i < layers.length; i++) {
            registerModule(Integer.toString(i), layers[i]);
        }
        this.layers = List.of(layers);
        this.bookNames = bookNames;
    }

    /** The book's naming: {@code W1, b1, W2, b2, ...} (and {@code gamma1, beta1, ...} for batch norm). */
    public static Sequential book(Module... layers) {
        return new Sequential(true, layers);
    }

    /** The layers, in order. */
    public List<Module> layers() {
        return layers;
    }

    @Override
    public LayerKind kind() {
        return LayerKind.SEQUENTIAL;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = x;
        for (Module m : layers) {
            y = m.forward(y);
        }
        return y;
    }

    @Override
    protected void collectParameters(String prefix, Map<String, Tensor> out) {
        if (!bookNames) {
            super.collectParameters(prefix, out);
            return;
        }
        if (layers.size() == 1 && layers.get(0) instanceof Linear lin && lin.bias() == null) {
            out.put(prefix + "W", lin.weight());
            return;
        }
        int k = 0;
        for (int i = 0; i < layers.size(); i++) {
            Module m = layers.get(i);
            if (m instanceof Linear lin) {
                k++;
                out.put(prefix + "W" + k, lin.weight());
                if (lin.bias() != null) {
                    out.put(prefix + "b" + k, lin.bias());
                }
            } else if (m instanceof BatchNorm1d bn) {
                out.put(prefix + "gamma" + k, bn.weight());
                out.put(prefix + "beta" + k, bn.bias());
            } else {
                m.collectParameters(prefix + i + ".", out);
            }
        }
    }

    @Override
    protected void collectBuffers(String prefix, Map<String, Tensor> out) {
        if (!bookNames) {
            super.collectBuffers(prefix, out);
            return;
        }
        int k = 0;
        for (int i = 0; i < layers.size(); i++) {
            Module m = layers.get(i);
            if (m instanceof Linear) {
                k++;
            } else if (m instanceof BatchNorm1d bn) {
                out.put(prefix + "running_mean" + k, bn.runningMean());
                out.put(prefix + "running_var" + k, bn.runningVar());
            } else {
                m.collectBuffers(prefix + i + ".", out);
            }
        }
    }
}
