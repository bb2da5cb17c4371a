package org.grad4j.examples;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prints arrays of doubles as NumPy prints them by default (precision 8, "maxprec" float mode):
 * {@code [-6.11110793e-10  8.14814391e-10]}, {@code [6. 8.]}, {@code [-2.99999994  3.99999992]},
 * so the examples' output can be compared with the book's line by line.
 */
public final class NumpyFormat {
    private static final int PRECISION = 8;

    private NumpyFormat() {}

    /** One value as NumPy prints a float64 scalar inside an array. */
    public static String scalar(double v) {
        return array(new double[] {v}).replaceAll("^\\[|\\]$", "").strip();
    }

    /** The array as NumPy's {@code print(a)} shows it. */
    public static String array(double[] a) {
        boolean scientific = false;
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double v : a) {
            if (!Double.isFinite(v)) {
                continue;
            }
            double m = Math.abs(v);
            if (m != 0) {
                max = Math.max(max, m);
                min = Math.min(min, m);
            }
        }
        if (max > 0 && (max >= 1e8 || min < 1e-4 || max / min > 1e3)) {
            scientific = true;
        }
        String[] ints = new String[a.length];
        String[] fracs = new String[a.length];
        int intWidth = 0;
        int fracWidth = 0;
        for (int i = 0; i < a.length; i++) {
            String s = format(a[i], scientific);
            int dot = s.indexOf('.');
            ints[i] = dot < 0 ? s : s.substring(0, dot);
            fracs[i] = dot < 0 ? "" : s.substring(dot);
            intWidth = Math.max(intWidth, ints[i].length());
            fracWidth = Math.max(fracWidth, fracs[i].length());
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(" ".repeat(intWidth - ints[i].length())).append(ints[i]).append(fracs[i])
                    .append(" ".repeat(fracWidth - fracs[i].length()));
        }
        return sb.append(']').toString();
    }

    private static String format(double v, boolean scientific) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (scientific) {
            if (v == 0) {
                return "0.e+00";
            }
            BigDecimal d = new BigDecimal(v);
            int exp = d.precision() - d.scale() - 1;
            BigDecimal mant = d.movePointLeft(exp).setScale(PRECISION, RoundingMode.HALF_EVEN);
            if (mant.abs().compareTo(BigDecimal.TEN) >= 0) {
                exp++;
                mant = d.movePointLeft(exp).setScale(PRECISION, RoundingMode.HALF_EVEN);
            }
            String m = strip(shortest(mant, v, exp));
            return m + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        BigDecimal d = new BigDecimal(v).setScale(PRECISION, RoundingMode.HALF_EVEN);
        // the fewest digits (at most 8) that still round-trip when the value needs fewer
        for (int p = 0; p < PRECISION; p++) {
            BigDecimal r = new BigDecimal(v).setScale(p, RoundingMode.HALF_EVEN);
            if (r.doubleValue() == v) {
                d = r;
                break;
            }
        }
        return strip(d.toPlainString());
    }

    private static String shortest(BigDecimal mant, double v, int exp) {
        for (int p = 0; p < PRECISION; p++) {
            BigDecimal r = new BigDecimal(v).movePointLeft(exp).setScale(p, RoundingMode.HALF_EVEN);
            if (r.movePointRight(exp).doubleValue() == v) {
                return r.toPlainString();
            }
        }
        return mant.toPlainString();
    }

    /** 6.00000000 -> 6. ; 2.50000000 -> 2.5 */
    private static String strip(String s) {
        if (s.indexOf('.') < 0) {
            return s + ".";
        }
        s = s.replaceAll("0+$", "");
        return s;
    }
}
