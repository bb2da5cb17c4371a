package org.grad4j.nn.module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grad4j.autograd.Tensor;

/**
 * A piece of a model, as {@code torch.nn.Module}: it owns named parameters (leaf tensors that
 * require grad), named buffers (state that is not trained, such as batch-norm running statistics)
 * and named child modules, has a train/eval mode, and maps an input to an output in
 * {@link #forward}.
 *
 * <p>Names follow PyTorch's {@code state_dict}: a module's own entries by their names, a child's
 * entries prefixed by the child's name and a dot ({@code 0.weight}, {@code encoder.1.bias}), in
 * registration order. {@link Sequential#book} names the book's networks' parameters {@code W1, b1,
 * W2, b2, ...} instead.
 */
public abstract class Module {

    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** What kind of layer this is ({@link LayerKind#OTHER} unless overridden by this package's modules). */
    public LayerKind kind() {
        return LayerKind.OTHER;
    }

    /** The output for input {@code x}; recorded for backward when parameters require grad. */
    public abstract Tensor forward(Tensor x);

    /** Registers a parameter (made a leaf that requires grad) under {@code name}; returns it. */
    protected final Tensor registerParameter(String name, Tensor value) {
        checkName(name);
        if (!value.isLeaf()) {
            throw new IllegalArgumentException("Module: parameter " + name + " of shape " + value.shapeString()
                    + " must be a leaf tensor, not the result of " + value.gradFn().op() + " (use detach())");
        }
        value.requiresGrad(true);
        parameters.put(name, value);
        return value;
    }

    /** Registers a buffer under {@code name}; returns it. */
    protected final Tensor registerBuffer(String name, Tensor value) {
        checkName(name);
        buffers.put(name, value);
        return value;
    }

    /** Registers a child module under {@code name}; returns it. */
    protected final <M extends Module> M registerModule(String name, M module) {
        checkName(name);
        children.put(name, module);
        return module;
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException("Module: invalid name \"" + name + "\" (non-empty, no dots)");
        }
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException("Module: name \"" + name + "\" already registered");
        }
    }

    /** This module's own parameters (not its children's), by name. */
    protected final Map<String, Tensor> ownParameters() {
        return parameters;
    }

    /** This module's own buffers, by name. */
    protected final Map<String, Tensor> ownBuffers() {
        return buffers;
    }

    /** The child modules, by name, in registration order. */
    public final Map<String, Module> children() {
        return java.util.Collections.unmodifiableMap(children);
    }

    /** Adds this module's parameters to {@code out} under {@code prefix}; overridden to rename. */
    protected void collectParameters(String prefix, Map<String, Tensor> out) {
        parameters.forEach((n, t) -> out.put(prefix + n, t));
        children.forEach((n, m) -> m.collectParameters(prefix + n + ".", out));
    }

    /** Adds this module's buffers to {@code out} under {@code prefix}; overridden to rename. */
    protected void collectBuffers(String prefix, Map<String, Tensor> out) {
        buffers.forEach((n, t) -> out.put(prefix + n, t));
        children.forEach((n, m) -> m.collectBuffers(prefix + n + ".", out));
    }

    /** All parameters, with dotted names, in a fixed order (a new map; the tensors themselves). */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collectParameters("", out);
        return out;
    }

    /** All parameters in {@link #namedParameters()} order. */
    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** All buffers, with dotted names. */
    public final Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collectBuffers("", out);
        return out;
    }

    /** Parameters then buffers, by name, as PyTorch's {@code state_dict} (the tensors themselves). */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = namedParameters();
        out.putAll(namedBuffers());
        return out;
    }

    /**
     * Copies values into the parameters and buffers by name (every entry must be present, with the
     * same shape).
     *
     * @throws IllegalArgumentException {@code loadStateDict: missing W2}, or naming both shapes
     */
    public final void loadStateDict(Map<String, Tensor> state) {
        Map<String, Tensor> own = stateDict();
        for (var e : own.entrySet()) {
            Tensor src = state.get(e.getKey());
            if (src == null) {
                throw new IllegalArgumentException("loadStateDict: missing " + e.getKey());
            }
            Tensor dst = e.getValue();
            if (!java.util.Arrays.equals(src.shape(), dst.shape())) {
                throw new IllegalArgumentException("loadStateDict: " + e.getKey() + " has shape " + src.shapeString()
                        + ", expected " + dst.shapeString());
            }
            System.arraycopy(src.data(), 0, dst.data(), 0, dst.size());
            dst.bumpVersion();
        }
        for (String k : state.keySet()) {
            if (!own.containsKey(k)) {
                throw new IllegalArgumentException("loadStateDict: unexpected " + k);
            }
        }
    }

    /** Training mode (dropout active, batch statistics) for this module and its children; returns this. */
    public Module train() {
        setTraining(true);
        return this;
    }

    /** Evaluation mode (dropout off, running statistics); returns this. */
    public Module eval() {
        setTraining(false);
        return this;
    }

    private void setTraining(boolean on) {
        training = on;
        children.values().forEach(m -> m.setTraining(on));
    }

    public final boolean isTraining() {
        return training;
    }

    /** Sets every parameter's gradient to zero. */
    public final void zeroGrad() {
        for (Tensor p : parameters()) {
            p.zeroGrad();
        }
    }
}
