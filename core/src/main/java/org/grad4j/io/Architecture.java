package org.grad4j.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.grad4j.data.Normalization;
import org.grad4j.data.Task;

/**
 * What a model file needs besides its arrays to rebuild the model: the layers in order (each
 * naming the arrays that hold its parameters), the hidden activation, the loss, the task and the
 * normalisation of the inputs. Kept in the {@code .npz} as one JSON document
 * ({@link ArchitectureFile}):
 * <pre>{@code
 * {"format":"grad4j-architecture","version":1,"task":"classification",
 *  "layers":[{"type":"linear","in":784,"out":50,"weight":"W1","bias":"b1"},{"type":"sigmoid"},
 *            {"type":"linear","in":50,"out":10,"weight":"W2","bias":"b2"}],
 *  "activation":"sigmoid","loss":"cross-entropy",
 *  "normalization":{"kind":"divide","features":784,"divisor":255}}
 * }</pre>
 *
 * <p>Layer types and their keys ({@link LayerSpec}): {@code linear} ({@code in, out} sizes, {@code weight}
 * of shape (in, out) and {@code bias} of shape (out,)); {@code sigmoid}, {@code relu}, {@code tanh}
 * (none); {@code dropout} ({@code p} in [0, 1)); {@code batchnorm} ({@code features}, {@code eps > 0},
 * {@code momentum} in [0, 1], arrays {@code gamma, beta, running_mean, running_var} of shape
 * (features,)). Losses: {@code cross-entropy} (softmax and cross-entropy, the book's
 * {@code SoftmaxWithLoss}), {@code mse} (PyTorch's {@code MSELoss}), {@code bce} (sigmoid and binary
 * cross-entropy). {@code activation} is the type of every activation layer, or {@code none} when
 * there is none (logistic regression). Normalisation: {@code {"kind":"none","features":F}},
 * {@code {"kind":"divide","features":F,"divisor":D}} or
 * {@code {"kind":"standardize","mean":[...],"std":[...]}} (see {@link Normalization}). A model
 * trained on a table may also record the header name of its target column, {@code "target":"price"},
 * so that {@code eval} finds it in a CSV file without being told; documents without it (written
 * before, or by other programs) read as having none.
 *
 * @param task classification or regression
 * @param layers the layers, first to last
 * @param activation the hidden activation's type, or {@code none}
 * @param loss the loss's name
 * @param normalization applied to every input before the first layer
 * @param target the header name of the target column the model was trained on, or null
 */
public record Architecture(Task task, List<LayerSpec> layers, String activation, String loss, Normalization normalization,
                           String target) {

    /** The {@code format} value of the document. */
    public static final String FORMAT = "grad4j-architecture";

    /** The {@code version} this code writes and reads. */
    public static final int VERSION = 1;

    /** The activation layer types. */
    public static final Set<String> ACTIVATIONS = Set.of("sigmoid", "relu", "tanh");

    /** The losses. */
    public static final Set<String> LOSSES = Set.of("cross-entropy", "mse", "bce");

    private static final Set<String> TOP_KEYS = Set.of("format", "version", "task", "layers", "activation", "loss",
            "normalization", "target");

    /** An architecture that records no target column. */
    public Architecture(Task task, List<LayerSpec> layers, String activation, String loss, Normalization normalization) {
        this(task, layers, activation, loss, normalization, null);
    }

    public Architecture {
        if (target != null && target.isEmpty()) {
            throw new IllegalArgumentException("architecture: the target column's name is empty");
        }
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("architecture: no layers");
        }
        if (!activation.equals("none") && !ACTIVATIONS.contains(activation)) {
            throw new IllegalArgumentException("architecture: unknown activation '" + activation
                    + "' (expected none, relu, sigmoid or tanh)");
        }
        if (!LOSSES.contains(loss)) {
            throw new IllegalArgumentException("architecture: unknown loss '" + loss
                    + "' (expected bce, cross-entropy or mse)");
        }
        int width = -1;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            String where = "architecture: layer " + (i + 1) + " (" + l.type() + ")";
            if (ACTIVATIONS.contains(l.type()) && !l.type().equals(activation)) {
                throw new IllegalArgumentException(where + " is not the declared activation '" + activation + "'");
            }
            if (l.type().equals("linear")) {
                if (width >= 0 && l.size("in") != width) {
                    throw new IllegalArgumentException(where + " takes " + l.size("in") + " inputs, but the layer before"
                            + " gives " + width);
                }
                width = l.size("out");
            } else if (l.type().equals("batchnorm")) {
                if (width >= 0 && l.size("features") != width) {
                    throw new IllegalArgumentException(where + " normalizes " + l.size("features")
                            + " features, but the layer before gives " + width);
                }
            }
        }
        if (!layers.get(0).type().equals("linear")) {
            throw new IllegalArgumentException("architecture: layer 1 is " + layers.get(0).type()
                    + ", expected linear");
        }
        if (normalization.features() != layers.get(0).size("in")) {
            throw new IllegalArgumentException("architecture: normalization of " + normalization.features()
                    + " features, but layer 1 takes " + layers.get(0).size("in") + " inputs");
        }
    }

    /**
     * A feed-forward network of {@code sizes[0]} inputs, {@code sizes.length - 1} linear layers with
     * the activation between them, and the arrays named as {@link ModelFile} names them:
     * {@code W1, b1, W2, b2, ...}.
     */
    public static Architecture feedForward(Task task, int[] sizes, String activation, String loss,
                                           Normalization normalization) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("architecture: sizes " + Arrays.toString(sizes)
                    + " need an input and an output size");
        }
        List<LayerSpec> layers = new ArrayList<>();
        for (int k = 1; k < sizes.length; k++) {
            if (k > 1) {
                layers.add(LayerSpec.activation(activation));
            }
            layers.add(LayerSpec.linear(sizes[k - 1], sizes[k], "W" + k, "b" + k));
        }
        return new Architecture(task, layers, sizes.length > 2 ? activation : "none", loss, normalization);
    }

    /** The same architecture recording {@code column} (a header name, or null for none) as its target. */
    public Architecture withTarget(String column) {
        return new Architecture(task, layers, activation, loss, normalization, column);
    }

    /** Inputs of the first layer. */
    public int inputs() {
        return layers.get(0).size("in");
    }

    /** Outputs of the last linear layer. */
    public int outputs() {
        int out = -1;
        for (LayerSpec l : layers) {
            if (l.type().equals("linear")) {
                out = l.size("out");
            }
        }
        return out;
    }

    /** The document, compact JSON. */
    public String toJson() {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("task", task.id());
        List<Object> ls = new ArrayList<>();
        for (LayerSpec l : layers) {
            LinkedHashMap<String, Object> lm = new LinkedHashMap<>();
            lm.put("type", l.type());
            lm.putAll(l.options());
            ls.add(lm);
        }
        m.put("layers", ls);
        m.put("activation", activation);
        m.put("loss", loss);
        m.put("normalization", normalizationJson(normalization));
        if (target != null) {
            m.put("target", target);
        }
        return Json.toString(m);
    }

    /**
     * Reads a document written by {@link #toJson} (or by hand, or by another program).
     *
     * @throws IllegalArgumentException one line: {@code JSON: ...} for text that is not JSON,
     *     {@code architecture: ...} for JSON that is not a valid architecture
     */
    public static Architecture fromJson(String json) {
        Object doc = Json.parse(json);
        Map<String, Object> m = object(doc, "the document");
        for (String k : m.keySet()) {
            if (!TOP_KEYS.contains(k)) {
                throw new IllegalArgumentException("architecture: unknown key '" + k + "'");
            }
        }
        if (!FORMAT.equals(m.get("format"))) {
            throw new IllegalArgumentException("architecture: format is " + describe(m.get("format")) + ", expected \""
                    + FORMAT + "\"");
        }
        if (!(m.get("version") instanceof Double v) || v != VERSION) {
            throw new IllegalArgumentException("architecture: version " + describe(m.get("version"))
                    + " is not supported (this grad4j reads version " + VERSION + ")");
        }
        Task task;
        try {
            task = Task.parse(text(m, "task", "the document"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("architecture: " + e.getMessage(), e);
        }
        if (!(m.get("layers") instanceof List<?> list)) {
            throw new IllegalArgumentException("architecture: 'layers' is " + describe(m.get("layers"))
                    + ", expected a list");
        }
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> lm = object(list.get(i), "layer " + (i + 1));
            LinkedHashMap<String, Object> options = new LinkedHashMap<>(lm);
            Object type = options.remove("type");
            if (!(type instanceof String t)) {
                throw new IllegalArgumentException("architecture: layer " + (i + 1) + " has no type");
            }
            layers.add(LayerSpec.of(i + 1, t, options));
        }
        Normalization n = normalizationFromJson(object(m.get("normalization"), "'normalization'"));
        String target = m.containsKey("target") ? text(m, "target", "the document") : null;
        return new Architecture(task, layers, text(m, "activation", "the document"), text(m, "loss", "the document"), n,
                target);
    }

    private static Map<String, Object> normalizationJson(Normalization n) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put("kind", n.kind().id());
        boolean uniform = true;
        for (int j = 0; j < n.features(); j++) {
            uniform &= n.shift()[j] == 0 && n.scale()[j] == n.scale()[0];
        }
        if (n.kind() == Normalization.Kind.NONE && uniform && n.scale()[0] == 1) {
            m.put("features", n.features());
        } else if (n.kind() == Normalization.Kind.DIVIDE && uniform) {
            m.put("features", n.features());
            m.put("divisor", n.scale()[0]);
        } else {
            m.put("mean", n.shift());
            m.put("std", n.scale());
        }
        return m;
    }

    private static Normalization normalizationFromJson(Map<String, Object> m) {
        Normalization.Kind kind;
        try {
            kind = Normalization.Kind.parse(text(m, "kind", "'normalization'"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("architecture: " + e.getMessage(), e);
        }
        try {
            if (m.containsKey("mean") || m.containsKey("std")) {
                return new Normalization(kind, numbers(m.get("mean"), "mean"), numbers(m.get("std"), "std"));
            }
            int features = LayerSpec.size(m.get("features"), "'normalization' features");
            return switch (kind) {
                case NONE -> Normalization.none(features);
                case DIVIDE -> Normalization.divide(features, number(m.get("divisor"), "'normalization' divisor"));
                case STANDARDIZE -> throw new IllegalArgumentException(
                        "architecture: a standardize normalization needs 'mean' and 'std'");
            };
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("architecture: ") ? e
                    : new IllegalArgumentException("architecture: " + e.getMessage(), e);
        }
    }

    private static double[] numbers(Object v, String what) {
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("architecture: normalization " + what + " is " + describe(v)
                    + ", expected a list of numbers");
        }
        double[] d = new double[l.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = number(l.get(i), "normalization " + what + "[" + i + "]");
        }
        return d;
    }

    static double number(Object v, String what) {
        if (!(v instanceof Double d)) {
            throw new IllegalArgumentException("architecture: " + what + " is " + describe(v) + ", expected a number");
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v, String what) {
        if (!(v instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("architecture: " + what + " is " + describe(v) + ", expected an object");
        }
        return (Map<String, Object>) v;
    }

    private static String text(Map<String, Object> m, String key, String where) {
        if (!(m.get(key) instanceof String s)) {
            throw new IllegalArgumentException("architecture: '" + key + "' of " + where + " is " + describe(m.get(key))
                    + ", expected a string");
        }
        return s;
    }

    /** A JSON value as a message shows it: {@code missing}, {@code "abc"}, {@code 3.0}, {@code a list}. */
    static String describe(Object v) {
        if (v == null) {
            return "missing";
        }
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        return String.valueOf(v);
    }
}
