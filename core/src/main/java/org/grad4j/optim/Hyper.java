package org.grad4j.optim;

import java.math.BigDecimal;

/**
 * Validation of hyperparameters with PyTorch's wording, shared by the optimizer and schedule records.
 *
 * <p>Every check is written {@code !(x >= 0)} so that NaN fails too. Offending values are shown as
 * Python's {@code repr(float)} shows them ({@code -0.1}, {@code 1.0}, {@code -1e-08}, {@code nan}), so
 * messages read exactly like {@code torch.optim}'s for float arguments.
 */
public final class Hyper {

    private Hyper() {
    }

    /** {@code Invalid learning rate: lr} unless {@code lr >= 0} and finite. */
    public static void lr(double lr) {
        if (!(lr >= 0) || lr == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("Invalid learning rate: " + repr(lr));
        }
    }

    /** {@code Invalid <name> value: v} unless {@code v >= 0} and finite (torch's wording for momentum, epsilon, ...). */
    public static void nonNegative(String name, double v) {
        if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("Invalid " + name + " value: " + repr(v));
        }
    }

    /** {@code Invalid beta parameter at index i: beta} unless {@code 0 <= beta < 1}. */
    public static void beta(int index, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("Invalid beta parameter at index " + index + ": " + repr(beta));
        }
    }

    /**
     * Formats a double as Python's {@code repr(float)}: shortest round-trip digits, fixed notation
     * for decimal exponents in (-4, 16], otherwise {@code 1e-08} style with a two-digit exponent.
     */
    public static String repr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int decpt = digits.length() - d.scale(); // value = 0.digits * 10^decpt
        String sign = v < 0 ? "-" : "";
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                return sign + "0." + "0".repeat(-decpt) + digits;
            }
            if (decpt >= digits.length()) {
                return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
            }
            return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
        }
        int exp = decpt - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String e = String.format("%02d", Math.abs(exp));
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + e;
    }
}
