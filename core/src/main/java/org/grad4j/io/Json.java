package org.grad4j.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON (RFC 8259), the one codec of grad4j: a parser to plain Java values and a writer of them, for
 * the documents inside the model files, the web server's request bodies and answers, and the
 * {@code --json} outputs of the command line. Objects become {@link LinkedHashMap} (keys in document
 * order), arrays {@link List}, numbers {@link Double}, strings {@link String}, {@code true}/{@code false}
 * {@link Boolean}, {@code null} null. Nesting is limited to {@link #MAX_DEPTH} levels unless the caller
 * gives a smaller limit (a web body).
 *
 * <p>Errors are one line with the character offset: {@code JSON: expected ',' or '}', got ']' at character 17} (counted from 1).
 */
public final class Json {

    /** Deepest nesting of arrays and objects accepted by {@link #parse(String)}. */
    public static final int MAX_DEPTH = 64;

    /** How the writer puts a number that is not an {@link Integer} or a {@link Long}. */
    public enum Numbers {
        /**
         * Integral values below 10^15 without a fraction ({@code 784}), others as
         * {@link Double#toString}; NaN and the infinities are refused. The form of the model files.
         */
        COMPACT,
        /**
         * The shortest decimal that reads back as the same double, as Python's {@code repr} writes it
         * ({@link Repr#of}: {@code 784.0}, {@code 0.1}, {@code 1e-10}); NaN and the infinities, which
         * JSON cannot carry, as {@code null}. The form of the web answers and the {@code --json} outputs.
         */
        REPR
    }

    private final String s;
    private final int maxDepth;
    private int pos;

    private Json(String s, int maxDepth) {
        this.s = s;
        this.maxDepth = maxDepth;
    }

    /**
     * Parses one JSON value; nothing but whitespace may follow it.
     *
     * @throws IllegalArgumentException {@code JSON: ...} with the offset of the first error
     */
    public static Object parse(String text) {
        return parse(text, MAX_DEPTH);
    }

    /**
     * Parses one JSON value nested at most {@code maxDepth} levels deep (so that a hostile text cannot
     * overflow the stack); nothing but whitespace may follow it.
     *
     * @throws IllegalArgumentException {@code JSON: ...} with the offset of the first error, or when
     *     {@code maxDepth} is not in 1..{@link #MAX_DEPTH}
     */
    public static Object parse(String text, int maxDepth) {
        if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
            throw new IllegalArgumentException("maxDepth must be in 1.." + MAX_DEPTH + ", got " + maxDepth);
        }
        Json p = new Json(text, maxDepth);
        p.space();
        Object v = p.value(0);
        p.space();
        if (p.pos != text.length()) {
            throw p.error("unexpected " + p.here() + " after the value");
        }
        return v;
    }

    /**
     * Appends {@code value} as compact JSON, numbers {@link Numbers#COMPACT}. Values: the types
     * {@link #parse} returns, any {@link Number}, {@link Map} (keys written with
     * {@link String#valueOf}), {@link Iterable}, {@code double[]}, {@code int[]} and other object
     * arrays (e.g. {@code double[][]}).
     *
     * @throws IllegalArgumentException for a value of another type, or a number {@code COMPACT} refuses
     */
    public static StringBuilder write(StringBuilder out, Object value) {
        return write(out, value, Numbers.COMPACT);
    }

    /** Appends {@code value} as compact JSON, numbers as {@code numbers} says; see {@link #write(StringBuilder, Object)}. */
    public static StringBuilder write(StringBuilder out, Object value, Numbers numbers) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String str) {
            string(out, str);
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Number n) {
            number(out, n.doubleValue(), numbers);
        } else if (value instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, String.valueOf(e.getKey()));
                out.append(':');
                write(out, e.getValue(), numbers);
            }
            out.append('}');
        } else if (value instanceof Iterable<?> l) {
            out.append('[');
            boolean first = true;
            for (Object o : l) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(out, o, numbers);
            }
            out.append(']');
        } else if (value instanceof double[] a) {
            out.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                number(out, a[i], numbers);
            }
            out.append(']');
        } else if (value instanceof int[] a) {
            out.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(a[i]);
            }
            out.append(']');
        } else if (value instanceof Object[] a) {
            write(out, Arrays.asList(a), numbers);
        } else {
            throw new IllegalArgumentException("JSON cannot hold a " + value.getClass().getSimpleName());
        }
        return out;
    }

    /** {@code value} as compact JSON, numbers {@link Numbers#COMPACT}. */
    public static String toString(Object value) {
        return write(new StringBuilder(), value).toString();
    }

    /** {@code value} as compact JSON, numbers as {@code numbers} says. */
    public static String toString(Object value, Numbers numbers) {
        return write(new StringBuilder(), value, numbers).toString();
    }

    private static void number(StringBuilder out, double d, Numbers numbers) {
        if (numbers == Numbers.REPR) {
            out.append(Double.isFinite(d) ? Repr.of(d) : "null");
        } else if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("JSON cannot hold the number " + d);
        } else if (d == 0 && 1 / d < 0) {
            out.append("-0.0");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            out.append((long) d);
        } else {
            out.append(d);
        }
    }

    private static void string(StringBuilder out, String v) {
        out.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private Object value(int depth) {
        if (pos >= s.length()) {
            throw error("unexpected end of text");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("expected a value, got " + here());
        }
    }

    private Map<String, Object> object(int depth) {
        checkDepth(depth);
        pos++;
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        space();
        if (peek('}')) {
            pos++;
            return m;
        }
        while (true) {
            space();
            if (!peek('"')) {
                throw error("expected a string key, got " + here());
            }
            int at = pos;
            String key = string();
            space();
            expect(':');
            space();
            if (m.containsKey(key)) {
                pos = at;
                throw error("key \"" + key + "\" appears twice");
            }
            m.put(key, value(depth));
            space();
            if (peek(',')) {
                pos++;
            } else if (peek('}')) {
                pos++;
                return m;
            } else {
                throw error("expected ',' or '}', got " + here());
            }
        }
    }

    private List<Object> array(int depth) {
        checkDepth(depth);
        pos++;
        List<Object> l = new ArrayList<>();
        space();
        if (peek(']')) {
            pos++;
            return l;
        }
        while (true) {
            space();
            l.add(value(depth));
            space();
            if (peek(',')) {
                pos++;
            } else if (peek(']')) {
                pos++;
                return l;
            } else {
                throw error("expected ',' or ']', got " + here());
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("control character in a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            char e = s.charAt(pos++);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > s.length()) {
                        throw error("bad \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> {
                    pos -= 2;
                    throw error("bad escape \\" + e);
                }
            }
        }
    }

    private Double number() {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        if (peek('0')) {
            pos++;
        } else if (!digits()) {
            throw error("bad number");
        }
        if (peek('.')) {
            pos++;
            if (!digits()) {
                throw error("bad number");
            }
        }
        if (peek('e') || peek('E')) {
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            if (!digits()) {
                throw error("bad number");
            }
        }
        return Double.valueOf(s.substring(start, pos));
    }

    private boolean digits() {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private Object literal(String word, Object v) {
        if (!s.startsWith(word, pos)) {
            throw error("unexpected " + here());
        }
        pos += word.length();
        return v;
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw error("nested deeper than " + maxDepth + " levels");
        }
    }

    private void space() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == '\n'
                || s.charAt(pos) == '\r')) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "', got " + here());
        }
        pos++;
    }

    private String here() {
        return pos >= s.length() ? "end of text" : "'" + s.charAt(pos) + "'";
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("JSON: " + what + " at character " + (pos + 1));
    }
}
