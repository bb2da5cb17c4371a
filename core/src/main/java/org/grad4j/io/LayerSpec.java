package org.grad4j.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One layer of an {@link Architecture}: its type and its keys (sizes and rates as numbers, the names
 * of the arrays holding its parameters as strings), checked against the type's schema:
 * <pre>{@code
 * linear     in, out (sizes >= 1); weight, bias (array names)
 * sigmoid, relu, tanh
 * dropout    p in [0, 1)
 * batchnorm  features (size >= 1), eps > 0, momentum in [0, 1]; gamma, beta, running_mean, running_var
 * }</pre>
 *
 * @param type the layer's type
 * @param options its keys in document order (not copied; do not modify)
 */
public record LayerSpec(String type, Map<String, Object> options) {

    /** The keys naming parameter arrays, by type. */
    private static final Map<String, List<String>> PARAMS = Map.of(
            "linear", List.of("weight", "bias"),
            "batchnorm", List.of("gamma", "beta", "running_mean", "running_var"));

    /** The numeric keys, by type. */
    private static final Map<String, List<String>> NUMBERS = Map.of(
            "linear", List.of("in", "out"),
            "dropout", List.of("p"),
            "batchnorm", List.of("features", "eps", "momentum"));

    public LayerSpec {
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        check(0, type, options);
    }

    /** A linear layer {@code y = x W + b}, {@code W} of shape (in, out) in array {@code weight}. */
    public static LayerSpec linear(int in, int out, String weight, String bias) {
        LinkedHashMap<String, Object> o = new LinkedHashMap<>();
        o.put("in", (double) in);
        o.put("out", (double) out);
        o.put("weight", weight);
        o.put("bias", bias);
        return new LayerSpec("linear", o);
    }

    /** An activation: {@code sigmoid}, {@code relu} or {@code tanh}. */
    public static LayerSpec activation(String type) {
        return new LayerSpec(type, Map.of());
    }

    /** Dropout of probability {@code p}. */
    public static LayerSpec dropout(double p) {
        return new LayerSpec("dropout", Map.of("p", p));
    }

    /** Batch normalisation of {@code features} features, its four arrays named with {@code suffix}: {@code gamma1}, ... */
    public static LayerSpec batchnorm(int features, double eps, double momentum, String suffix) {
        LinkedHashMap<String, Object> o = new LinkedHashMap<>();
        o.put("features", (double) features);
        o.put("eps", eps);
        o.put("momentum", momentum);
        o.put("gamma", "gamma" + suffix);
        o.put("beta", "beta" + suffix);
        o.put("running_mean", "running_mean" + suffix);
        o.put("running_var", "running_var" + suffix);
        return new LayerSpec("batchnorm", o);
    }

    /** Parses a layer read from JSON; {@code index} (from 1) is used in messages. */
    static LayerSpec of(int index, String type, Map<String, Object> options) {
        check(index, type, options);
        return new LayerSpec(type, options);
    }

    /** The parameter arrays this layer names, by key ({@code weight -> W1}), in schema order. */
    public Map<String, String> params() {
        LinkedHashMap<String, String> p = new LinkedHashMap<>();
        for (String k : PARAMS.getOrDefault(type, List.of())) {
            p.put(k, (String) options.get(k));
        }
        return p;
    }

    /** A size key ({@code in}, {@code out}, {@code features}). */
    public int size(String key) {
        return size(options.get(key), key);
    }

    /** A numeric key ({@code p}, {@code eps}, {@code momentum}). */
    public double number(String key) {
        return Architecture.number(options.get(key), key);
    }

    static int size(Object v, String what) {
        double d = Architecture.number(v, what);
        if (!(d >= 1 && d <= Integer.MAX_VALUE && d == Math.rint(d))) {
            throw new IllegalArgumentException("architecture: " + what + " is " + Architecture.describe(v)
                    + ", expected a whole number >= 1");
        }
        return (int) d;
    }

    private static void check(int index, String type, Map<String, Object> options) {
        String where = "architecture: layer " + (index > 0 ? index + " " : "") + "(" + type + ")";
        boolean known = type.equals("linear") || type.equals("dropout") || type.equals("batchnorm")
                || Architecture.ACTIVATIONS.contains(type);
        if (!known) {
            throw new IllegalArgumentException(where + ": unknown layer type (expected linear, sigmoid, relu, tanh,"
                    + " dropout or batchnorm)");
        }
        List<String> params = PARAMS.getOrDefault(type, List.of());
        List<String> numbers = NUMBERS.getOrDefault(type, List.of());
        for (String k : options.keySet()) {
            if (!params.contains(k) && !numbers.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown key '" + k + "'");
            }
        }
        for (String k : params) {
            if (!(options.get(k) instanceof String s) || s.isEmpty()) {
                throw new IllegalArgumentException(where + ": '" + k + "' is " + Architecture.describe(options.get(k))
                        + ", expected the name of an array");
            }
        }
        try {
            switch (type) {
                case "linear" -> {
                    size(options.get("in"), "in");
                    size(options.get("out"), "out");
                }
                case "dropout" -> {
                    double p = Architecture.number(options.get("p"), "p");
                    if (!(p >= 0 && p < 1)) {
                        throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
                    }
                }
                case "batchnorm" -> {
                    size(options.get("features"), "features");
                    double eps = Architecture.number(options.get("eps"), "eps");
                    double momentum = Architecture.number(options.get("momentum"), "momentum");
                    if (!(eps > 0)) {
                        throw new IllegalArgumentException("Invalid eps: " + eps);
                    }
                    if (!(momentum >= 0 && momentum <= 1)) {
                        throw new IllegalArgumentException("Invalid momentum: " + momentum);
                    }
                }
                default -> { }
            }
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage().startsWith("architecture: ") ? e.getMessage().substring(14) : e.getMessage();
            throw new IllegalArgumentException(where + ": " + msg, e);
        }
    }
}
