package org.grad4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grad4j.optim.Optimizer;
import org.grad4j.optim.Optimizers;

/**
 * One optimizer given as text, {@code NAME:LR[:KEY=VALUE...]}, e.g. {@code adam:0.3} or
 * {@code sgd:0.1:momentum=0.9:nesterov=1}; keys are torch's option names as in {@link Optimizers}
 * (booleans as 0 or 1). {@code NAME} alone takes the optimizer's default learning rate.
 *
 * @param name     the optimizer's name, lower case
 * @param lr       the learning rate
 * @param settings all settings given, {@code lr} first
 * @param text     the spec as typed
 */
record OptimizerSpec(String name, double lr, Map<String, Double> settings, String text) {

    static final String FORMAT = "NAME:LR[:KEY=VALUE...]";

    /** Parses a comma-separated list of specs given to {@code option}. */
    static List<OptimizerSpec> parseList(String option, String text) {
        if (text == null || text.isBlank()) {
            throw new BadInputException(option + ": expected optimizers " + FORMAT + " separated by commas, got '"
                    + text + "'");
        }
        List<OptimizerSpec> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            if (part.isBlank()) {
                throw new BadInputException(option + ": empty optimizer in '" + text + "' (expected " + FORMAT
                        + " separated by commas)");
            }
            out.add(parse(option, part.strip()));
        }
        return out;
    }

    /** Parses one spec; every problem is reported with the spec and the option. */
    static OptimizerSpec parse(String option, String spec) {
        String[] f = spec.split(":", -1);
        String name = f[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!Optimizers.NAMES.contains(name)) {
            throw new BadInputException(option + ": unknown optimizer '" + f[0] + "' in '" + spec + "' (expected "
                    + String.join(", ", Optimizers.NAMES) + ")");
        }
        Map<String, Double> settings = new LinkedHashMap<>();
        if (f.length > 1) {
            if (f[1].contains("=")) {
                throw new BadInputException(option + ": '" + spec + "': the learning rate comes first, "
                        + FORMAT);
            }
            settings.put("lr", number(option, spec, "learning rate", f[1]));
        }
        for (int i = 2; i < f.length; i++) {
            int eq = f[i].indexOf('=');
            if (eq <= 0) {
                throw new BadInputException(option + ": '" + spec + "': expected KEY=VALUE, got '" + f[i] + "' ("
                        + FORMAT + ")");
            }
            String key = f[i].substring(0, eq).strip();
            if (settings.containsKey(key)) {
                throw new BadInputException(option + ": '" + spec + "': " + key + " given twice");
            }
            settings.put(key, number(option, spec, key, f[i].substring(eq + 1)));
        }
        Optimizer o;
        try {
            o = Optimizers.create(name, settings);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": '" + spec + "': " + e.getMessage());
        }
        return new OptimizerSpec(name, o.lr(), Map.copyOf(settings), spec);
    }

    private static double number(String option, String spec, String what, String text) {
        try {
            return Numbers.parseFinite(what, text);
        } catch (BadInputException e) {
            throw new BadInputException(option + ": '" + spec + "': " + e.getMessage());
        }
    }

    /** A new optimizer with these settings. */
    Optimizer create() {
        return Optimizers.create(name, settings);
    }

    /** {@code sgd lr=0.95}, plus any further settings: a unique label for legends. */
    String label() {
        StringBuilder sb = new StringBuilder(name).append(" lr=").append(Numbers.shortest(lr));
        for (String k : settings.keySet().stream().sorted().toList()) {
            if (!k.equals("lr")) {
                sb.append(' ').append(k).append('=').append(Numbers.shortest(settings.get(k)));
            }
        }
        return sb.toString();
    }
}
