package org.grad4j.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Doubles written as Python's {@code repr(float)} writes them: the shortest decimal that reads back
 * as the same double. Java 17's {@code Double.toString} sometimes prints more digits than needed
 * (JDK-4511638, fixed in Java 19), so this does not rely on it.
 */
public final class Repr {
    private Repr() {}

    /**
     * The shortest decimal that reads back as exactly {@code d}, written as Python's {@code repr}
     * does: plain notation for 1e-4 <= |d| < 1e16, scientific otherwise ({@code 1e-10},
     * {@code -6.11110793e-10}). Integral values keep a ".0" ({@code 6.0}).
     */
    public static String of(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
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
}
