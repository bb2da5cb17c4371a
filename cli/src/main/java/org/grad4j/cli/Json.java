package org.grad4j.cli;

import java.util.List;

/**
 * A small JSON writer for the {@code --json} outputs: one object, keys in insertion order, numbers
 * in their shortest round-trip form. Non-finite numbers, which JSON cannot carry, are written as
 * {@code null}.
 */
final class Json {
    private final StringBuilder sb = new StringBuilder(256);
    private boolean needComma;

    static Json object() {
        Json j = new Json();
        j.sb.append('{');
        return j;
    }

    private Json key(String k) {
        if (needComma) {
            sb.append(',');
        }
        needComma = true;
        string(sb, k);
        sb.append(':');
        return this;
    }

    Json put(String k, double v) {
        key(k);
        number(sb, v);
        return this;
    }

    Json put(String k, long v) {
        key(k);
        sb.append(v);
        return this;
    }

    Json put(String k, boolean v) {
        key(k);
        sb.append(v);
        return this;
    }

    Json put(String k, String v) {
        key(k);
        if (v == null) {
            sb.append("null");
        } else {
            string(sb, v);
        }
        return this;
    }

    Json putNull(String k) {
        key(k);
        sb.append("null");
        return this;
    }

    Json put(String k, double[] v) {
        key(k);
        array(sb, v);
        return this;
    }

    Json put(String k, int[] v) {
        key(k);
        sb.append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(v[i]);
        }
        sb.append(']');
        return this;
    }

    Json put(String k, double[][] v) {
        key(k);
        sb.append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            array(sb, v[i]);
        }
        sb.append(']');
        return this;
    }

    Json put(String k, List<String> v) {
        key(k);
        sb.append('[');
        for (int i = 0; i < v.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            string(sb, v.get(i));
        }
        sb.append(']');
        return this;
    }

    Json put(String k, Json nested) {
        key(k);
        sb.append(nested.toString());
        return this;
    }

    /** Puts an array of objects. */
    Json putObjects(String k, List<Json> v) {
        key(k);
        sb.append('[');
        for (int i = 0; i < v.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(v.get(i).toString());
        }
        sb.append(']');
        return this;
    }

    @Override
    public String toString() {
        return sb + "}";
    }

    static void array(StringBuilder sb, double[] v) {
        sb.append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            number(sb, v[i]);
        }
        sb.append(']');
    }

    static void number(StringBuilder sb, double v) {
        sb.append(Double.isFinite(v) ? Numbers.shortest(v) : "null");
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
