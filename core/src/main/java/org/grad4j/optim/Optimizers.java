package org.grad4j.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates optimizers by name for the CLI. Names and options (torch's option names; booleans as 0 or 1;
 * unspecified options take the defaults of torch or of the book):
 *
 * <pre>
 * sgd           lr 0.01, momentum 0, dampening 0, nesterov 0, weight_decay 0        {@link Sgd} (torch)
 * momentum      lr 0.01, momentum 0.9                                               {@link Momentum} (book)
 * nesterov      lr 0.01, momentum 0.9                                               {@link Nesterov} (book)
 * adagrad       lr 0.01, lr_decay 0, weight_decay 0, initial_accumulator_value 0, eps 1e-10  {@link AdaGrad} (torch)
 * adagrad-book  lr 0.01                                                             {@link BookAdaGrad}
 * rmsprop       lr 0.01, alpha 0.99, eps 1e-8, weight_decay 0, momentum 0, centered 0  {@link RMSprop} (torch)
 * rmsprop-book  lr 0.01, decay_rate 0.99                                            {@link BookRMSprop}
 * adam          lr 0.001, beta1 0.9, beta2 0.999, eps 1e-8, weight_decay 0, amsgrad 0  {@link Adam} (torch)
 * adamw         as adam but weight_decay 0.01                                       {@link AdamW} (torch)
 * adam-book     lr 0.001, beta1 0.9, beta2 0.999                                    {@link BookAdam}
 * </pre>
 */
public final class Optimizers {

    /** The accepted names, in the order of the table above. */
    public static final List<String> NAMES = List.of("sgd", "momentum", "nesterov", "adagrad", "adagrad-book",
            "rmsprop", "rmsprop-book", "adam", "adamw", "adam-book");

    private static final Map<String, Map<String, Double>> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("sgd", Map.of("lr", 0.01, "momentum", 0.0, "dampening", 0.0, "nesterov", 0.0,
                "weight_decay", 0.0));
        DEFAULTS.put("momentum", Map.of("lr", 0.01, "momentum", 0.9));
        DEFAULTS.put("nesterov", Map.of("lr", 0.01, "momentum", 0.9));
        DEFAULTS.put("adagrad", Map.of("lr", 0.01, "lr_decay", 0.0, "weight_decay", 0.0,
                "initial_accumulator_value", 0.0, "eps", 1e-10));
        DEFAULTS.put("adagrad-book", Map.of("lr", 0.01));
        DEFAULTS.put("rmsprop", Map.of("lr", 0.01, "alpha", 0.99, "eps", 1e-8, "weight_decay", 0.0,
                "momentum", 0.0, "centered", 0.0));
        DEFAULTS.put("rmsprop-book", Map.of("lr", 0.01, "decay_rate", 0.99));
        DEFAULTS.put("adam", Map.of("lr", 0.001, "beta1", 0.9, "beta2", 0.999, "eps", 1e-8,
                "weight_decay", 0.0, "amsgrad", 0.0));
        DEFAULTS.put("adamw", Map.of("lr", 0.001, "beta1", 0.9, "beta2", 0.999, "eps", 1e-8,
                "weight_decay", AdamW.DEFAULT_WEIGHT_DECAY, "amsgrad", 0.0));
        DEFAULTS.put("adam-book", Map.of("lr", 0.001, "beta1", 0.9, "beta2", 0.999));
    }

    private Optimizers() {
    }

    /** The option names {@code name} accepts, sorted; throws for an unknown name. */
    public static Set<String> optionNames(String name) {
        return new TreeSet<>(defaults(name).keySet());
    }

    /**
     * Creates optimizer {@code name} (case-insensitive) with {@code options} overriding its defaults.
     *
     * @throws IllegalArgumentException for an unknown name ({@code unknown optimizer 'foo' (expected sgd, ...)}),
     *         an unknown option, a boolean option other than 0 or 1, or an invalid value (torch's wording)
     */
    public static Optimizer create(String name, Map<String, Double> options) {
        String key = name.trim().toLowerCase(java.util.Locale.ROOT);
        Map<String, Double> o = new LinkedHashMap<>(defaults(key));
        for (Map.Entry<String, Double> e : options.entrySet()) {
            if (!o.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown option '" + e.getKey() + "' for " + key
                        + " (expected " + String.join(", ", optionNames(key)) + ")");
            }
            o.put(e.getKey(), e.getValue());
        }
        return switch (key) {
            case "sgd" -> new Sgd(new Sgd.Options(o.get("lr"), o.get("momentum"), o.get("dampening"),
                    bool(key, o, "nesterov"), o.get("weight_decay")));
            case "momentum" -> new Momentum(new Momentum.Options(o.get("lr"), o.get("momentum")));
            case "nesterov" -> new Nesterov(new Nesterov.Options(o.get("lr"), o.get("momentum")));
            case "adagrad" -> new AdaGrad(new AdaGrad.Options(o.get("lr"), o.get("lr_decay"), o.get("weight_decay"),
                    o.get("initial_accumulator_value"), o.get("eps")));
            case "adagrad-book" -> new BookAdaGrad(o.get("lr"));
            case "rmsprop" -> new RMSprop(new RMSprop.Options(o.get("lr"), o.get("alpha"), o.get("eps"),
                    o.get("weight_decay"), o.get("momentum"), bool(key, o, "centered")));
            case "rmsprop-book" -> new BookRMSprop(new BookRMSprop.Options(o.get("lr"), o.get("decay_rate")));
            case "adam" -> new Adam(adamOptions(key, o));
            case "adamw" -> new AdamW(adamOptions(key, o));
            case "adam-book" -> new BookAdam(new BookAdam.Options(o.get("lr"), o.get("beta1"), o.get("beta2")));
            default -> throw new IllegalStateException(key);
        };
    }

    /** {@link #create(String, Map)} with the defaults and the given lr. */
    public static Optimizer create(String name, double lr) {
        return create(name, Map.of("lr", lr));
    }

    private static Adam.Options adamOptions(String key, Map<String, Double> o) {
        return new Adam.Options(o.get("lr"), o.get("beta1"), o.get("beta2"), o.get("eps"), o.get("weight_decay"),
                bool(key, o, "amsgrad"));
    }

    private static Map<String, Double> defaults(String key) {
        Map<String, Double> d = DEFAULTS.get(key.trim().toLowerCase(java.util.Locale.ROOT));
        if (d == null) {
            throw new IllegalArgumentException("unknown optimizer '" + key + "' (expected "
                    + String.join(", ", NAMES) + ")");
        }
        return d;
    }

    private static boolean bool(String key, Map<String, Double> o, String option) {
        double v = o.get(option);
        if (v != 0 && v != 1) {
            throw new IllegalArgumentException(key + ": option " + option + " must be 0 or 1, got " + Hyper.repr(v));
        }
        return v == 1;
    }
}
