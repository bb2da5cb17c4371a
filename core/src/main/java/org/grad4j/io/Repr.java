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
        String digits;
        int exp10; // exponent of the first digit
        long[] fast = fast(Math.abs(d));
        if (fast != null) {
            digits = Long.toString(fast[0]);
            exp10 = digits.length() - 1 + (int) fast[1];
        } else {
            BigDecimal r = search(new BigDecimal(d), d).stripTrailingZeros();
            digits = r.unscaledValue().abs().toString();
            exp10 = digits.length() - 1 - r.scale();
        }
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

    /**
     * The shortest round-tripping decimal of {@code a > 0} as {@code {digits, q}} (value
     * {@code digits * 10^q}, no trailing zeros), from Double.toString's n digits D, or null when the
     * plain search must decide. D reads back as a, so the shortest has at most n digits; it has
     * exactly n when no (n-1)-digit decimal reads back as a (the nearest ones to a are among
     * D / 10 - 1 .. D / 10 + 2 in units of 10^(q+1), as D * 10^q lies within half an ulp of a), and
     * the search's answer, a's exact value rounded half-even to n digits, is D when
     * {@code |a - D * 10^q| <= 10^q / 2} (D even on a tie). Powers of two, whose rounding interval
     * is lopsided, take the search. At most four parses (most often none) and a comparison instead
     * of up to 17 roundings.
     */
    static long[] fast(double a) {
        if ((Double.doubleToRawLongBits(a) & 0x000F_FFFF_FFFF_FFFFL) == 0) {
            return null;
        }
        String s = Double.toString(a);
        int e = s.indexOf('E');
        int q = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        String m = e < 0 ? s : s.substring(0, e);
        int dot = m.indexOf('.');
        String all = m.substring(0, dot) + m.substring(dot + 1);
        q -= m.length() - dot - 1;
        if (all.length() > 18) {
            return null;
        }
        long digits = Long.parseLong(all);
        if (digits == 0) {
            return null;
        }
        while (digits % 10 == 0) {
            digits /= 10;
            q++;
        }
        // a candidate c * 10^(q+1) reads back as a only if it lies within ulp(a) of D * 10^q (both are
        // within half an ulp of a): most candidates are ruled out without parsing them
        double reach = Math.ulp(a) / Math.pow(10, q) * 1.0001 + 1e-9;
        long shorter = digits / 10;
        for (long c = shorter - 1; c <= shorter + 2; c++) {
            if (Math.abs(10 * c - digits) <= reach && reads(c, q + 1, a)) {
                return null;
            }
        }
        if (Math.ulp(a) * 1.0001 < Math.pow(10, q)) {
            return new long[] {digits, q}; // |a - D * 10^q| <= ulp / 2 < 10^q / 2: D is the rounding
        }
        BigDecimal gap = new BigDecimal(a).subtract(BigDecimal.valueOf(digits, -q)).abs();
        int cmp = gap.compareTo(BigDecimal.valueOf(5, 1 - q)); // 10^q / 2
        if (cmp > 0 || (cmp == 0 && digits % 2 != 0)) {
            return null;
        }
        return new long[] {digits, q};
    }

    private static boolean reads(long digits, int q, double a) {
        return digits > 0 && Double.parseDouble(digits + "E" + q) == a;
    }

    /** The decimal {@link #of} writes, for tests: the fast path's when it answers, else the search's. */
    static BigDecimal shortestDecimal(double d) {
        long[] f = fast(Math.abs(d));
        if (f == null) {
            return search(new BigDecimal(d), d);
        }
        BigDecimal r = BigDecimal.valueOf(f[0], -(int) f[1]);
        return d < 0 ? r.negate() : r;
    }

    /** The plain search: p = 1, 2, ... until the rounding reads back as {@code d}. */
    static BigDecimal search(BigDecimal exact, double d) {
        BigDecimal r = exact;
        for (int p = 1; p <= 17; p++) {
            r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                break;
            }
        }
        return r;
    }

    /** Significant digits of Double.toString's text ({@code -1.2345E-7} has 5, {@code 100.0} has 1). */
    private static int significantDigits(String s) {
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'E') {
                break;
            }
            if (c >= '0' && c <= '9') {
                if (first < 0 && c != '0') {
                    first = count;
                }
                if (c != '0') {
                    last = count;
                }
                count++;
            }
        }
        return first < 0 ? 0 : last - first + 1;
    }
}
