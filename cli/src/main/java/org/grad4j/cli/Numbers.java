package org.grad4j.cli;

import org.grad4j.io.Repr;

/** Number formatting and parsing for the command line. */
final class Numbers {
    private Numbers() {}

    /** The shortest round-trip decimal, as Python's {@code repr}; see {@link Repr#of(double)}. */
    static String shortest(double d) {
        return Repr.of(d);
    }

    /** Parses one number given to an option, e.g. {@code --lr 0.1}. */
    static double parse(String option, String text) {
        String t = text.strip();
        try {
            if (t.isEmpty() || !t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|[-+]?(inf|Infinity|nan|NaN)")) {
                throw new NumberFormatException();
            }
            return Double.parseDouble(t.replace("inf", "Infinity").replace("nan", "NaN"));
        } catch (NumberFormatException e) {
            throw new BadInputException(option + ": '" + text + "' is not a number");
        }
    }

    /** Parses a comma-separated list of numbers, e.g. {@code --from -3,4}. */
    static double[] parseList(String option, String text) {
        if (text == null || text.isBlank()) {
            throw new BadInputException(option + ": expected numbers separated by commas, got '" + text + "'");
        }
        String[] parts = text.split(",", -1);
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parse(option, parts[i]);
        }
        return out;
    }

    /** Parses a finite number (rejecting NaN and infinities). */
    static double parseFinite(String option, String text) {
        double v = parse(option, text);
        if (!Double.isFinite(v)) {
            throw new BadInputException(option + ": '" + text + "' is not a finite number");
        }
        return v;
    }

    static double[] parseFiniteList(String option, String text) {
        double[] v = parseList(option, text);
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new BadInputException(option + ": '" + text.split(",", -1)[i].strip() + "' is not a finite number");
            }
        }
        return v;
    }
}
