package org.grad4j.diff;

import java.util.Locale;

/**
 * How a derivative is approximated from values of f.
 *
 * <ul>
 *   <li>{@link #BOOK}: the book's central difference {@code (f(x+h) - f(x-h)) / (2*h)} with the
 *       fixed step {@code h = 1e-4}, bit for bit the arithmetic of {@code numerical_diff} and
 *       {@code numerical_gradient} (Deep Learning from Scratch, ch. 4).</li>
 *   <li>{@link #FORWARD}: {@code (f(x+h) - f(x)) / h} with {@code h = sqrt(eps) * max(|x|, 1)};
 *       truncation error O(h), about 8 correct digits.</li>
 *   <li>{@link #CENTRAL}: {@code (f(x+h) - f(x-h)) / (2h)} with {@code h = cbrt(eps) * max(|x|, 1)};
 *       truncation error O(h^2), about 10 to 11 correct digits.</li>
 *   <li>{@link #RICHARDSON}: central and one-sided differences over a long halving sequence of
 *       steps, every window of six extrapolated to h = 0 (Ridders' method) and kept only where the
 *       differences converge; about 13 correct digits on smooth f, with an error estimate that
 *       bounds the actual error, or {@code reliable = false} and a warning when no step can be
 *       trusted (a pole past the resolution of double, a kink, f not finite at x). The default.</li>
 * </ul>
 */
public enum Method {
    BOOK, FORWARD, CENTRAL, RICHARDSON;

    /** The lower-case name used on the command line: {@code book}, {@code forward}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an {@link #id()} (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException {@code unknown method 'foo' (expected book, forward, central, richardson)}
     */
    public static Method parse(String s) {
        if (s != null) {
            String wanted = s.strip();
            for (Method m : values()) {
                if (m.id().equalsIgnoreCase(wanted)) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException(
                "unknown method '" + s + "' (expected book, forward, central, richardson)");
    }
}
