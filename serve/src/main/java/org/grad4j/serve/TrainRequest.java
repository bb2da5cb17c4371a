package org.grad4j.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.grad4j.nn.Activation;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.Init;
import org.grad4j.nn.MultiLayerNet;
import org.grad4j.nn.TwoLayerNet;
import org.grad4j.optim.Optimizer;
import org.grad4j.optim.Optimizers;

/**
 * A training run asked for by {@code POST /api/train}, with {@code grad4j train}'s option names and
 * defaults (the book's: mnist-sample here, hidden 50, sigmoid, sgd, lr 0.1, batch 100). One hidden size
 * makes the book's TwoLayerNet (weights 0.01 N(0, 1)), several a MultiLayerNet (Xavier for sigmoid,
 * He for ReLU).
 */
record TrainRequest(String dataset, int[] hidden, Activation activation, String optimizerName, Map<String, Double> settings,
        int batch, int iterations, long seed) {

    static final Set<String> KEYS = Set.of("dataset", "hidden", "activation", "optimizer", "lr", "batch", "iters",
            "seed", "momentum", "beta1", "beta2", "eps", "weight-decay");
    static final int MAX_HIDDEN = 1024;
    static final int MAX_LAYERS = 5;
    static final int MAX_BATCH = 1000;

    static TrainRequest of(Map<String, Object> body, List<String> datasets, Limits limits) {
        for (String k : body.keySet()) {
            if (!KEYS.contains(k)) {
                throw ApiException.bad("train: unknown option '" + k + "' (expected one of " + new java.util.TreeSet<>(KEYS) + ")");
            }
        }
        String dataset = string(body, "dataset", "mnist-sample");
        if (!datasets.contains(dataset)) {
            throw ApiException.bad("dataset: '" + dataset + "' is not available here (available: " + String.join(", ", datasets) + ")");
        }
        String[] parts = CliArguments.text("hidden", body.getOrDefault("hidden", 50.0)).split(",", -1);
        if (parts.length > MAX_LAYERS) {
            throw ApiException.bad("hidden: " + parts.length + " layers, the limit is " + MAX_LAYERS);
        }
        int[] hidden = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            hidden[k] = (int) whole("hidden", parts[k], 1, MAX_HIDDEN);
        }
        String a = string(body, "activation", "sigmoid");
        Activation activation = switch (a) {
            case "sigmoid" -> Activation.SIGMOID;
            case "relu" -> Activation.RELU;
            default -> throw ApiException.bad("activation: unknown activation '" + a + "' (expected sigmoid, relu)");
        };
        String optimizer = string(body, "optimizer", "sgd");
        Map<String, Double> settings = new LinkedHashMap<>();
        settings.put("lr", number(body, "lr", 0.1));
        for (String k : List.of("momentum", "beta1", "beta2", "eps", "weight-decay")) {
            if (body.get(k) != null) {
                settings.put(k.replace('-', '_'), number(body, k, 0));
            }
        }
        int batch = (int) whole("batch", CliArguments.text("batch", body.getOrDefault("batch", 100.0)), 1, MAX_BATCH);
        int iters = (int) whole("iters", CliArguments.text("iters", body.getOrDefault("iters", 1000.0)), 1, limits.iterations());
        long seed = whole("seed", CliArguments.text("seed", body.getOrDefault("seed", 1.0)), Long.MIN_VALUE, Long.MAX_VALUE);
        TrainRequest r = new TrainRequest(dataset, hidden, activation, optimizer, settings, batch, iters, seed);
        try {
            r.createOptimizer(); // the optimizer's own checks, with PyTorch's wording
        } catch (IllegalArgumentException e) {
            throw ApiException.bad(e.getMessage());
        }
        return r;
    }

    Optimizer createOptimizer() {
        return Optimizers.create(optimizerName, settings);
    }

    FeedForwardNet network(int inputs, int classes) {
        Random rng = new Random(seed);
        if (hidden.length == 1) {
            return new TwoLayerNet(inputs, hidden[0], classes, 0.01, activation, rng);
        }
        return new MultiLayerNet(inputs, hidden, classes, activation,
                activation == Activation.RELU ? Init.HE : Init.XAVIER, rng);
    }

    private static String string(Map<String, Object> body, String key, String fallback) {
        Object v = body.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s)) {
            throw ApiException.bad(key + ": expected a string, got " + Exchange.toJson(v));
        }
        return s;
    }

    private static double number(Map<String, Object> body, String key, double fallback) {
        Object v = body.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = v instanceof Double x ? x : Double.parseDouble(CliArguments.text(key, v));
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw ApiException.bad(key + ": '" + CliArguments.text(key, v) + "' is not a finite number");
        }
    }

    private static long whole(String key, String text, long min, long max) {
        long n;
        try {
            n = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.bad(key + ": '" + text + "' is not a whole number");
        }
        if (n < min || n > max) {
            throw ApiException.bad(key + ": " + n + " is outside " + min + ".." + max);
        }
        return n;
    }
}
