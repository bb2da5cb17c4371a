package org.grad4j.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Number formatting and parsing for the command line. */
final class Numbers {
    private Numbers() {}

    /**
     * The shortest decimal that reads back as exactly {@code d}, written as Python's {@code repr}
     * does: plain notation for 1e-4 <= |d| < 1e16, scientific otherwise ({@code 1e-10},
     * {@code -6.11110793e-10}). Integral values keep a ".0" ({@code 6.0}).
     */
    static String shortest(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal r = exact;
        for (int p = 1; p <= 17; p++) {
            r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                break;
            }
        }
        r = r.stripTrailingZeros();
        String digits = r.unscaledValue().abs().toString();
        int exp10 = digits.length() - 1 - r.scale(); // exponent of the first digit
        StringBuilder sb = new StringBuilder(24);
        if (d < 0) {
            sb.append('-');
        }
        if (exp10 < -4 || exp10 >= 16) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exp10 < 0 ? '-' : '+');
            int ae = Math.abs(exp10);
            if (ae < 10) {
                sb.append('0');
            }
            sb.append(ae);
        } else if (exp10 < 0) {
            sb.append("0.");
            for (int i = -1; i > exp10; i--) {
                sb.append('0');
            }
            sb.append(digits);
        } else if (digits.length() <= exp10 + 1) {
            sb.append(digits);
            for (int i = digits.length(); i <= exp10; i++) {
                sb.append('0');
            }
            sb.append(".0");
        } else {
            sb.append(digits, 0, exp10 + 1).append('.').append(digits, exp10 + 1, digits.length());
        }
        return sb.toString();
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
