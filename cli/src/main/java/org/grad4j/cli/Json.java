package org.grad4j.cli;

import java.util.List;

/**
 * The {@code --json} outputs: one object, keys in insertion order, built step by step. Every value
 * is written by the one codec, {@link org.grad4j.io.Json} with {@link org.grad4j.io.Json.Numbers#REPR}: numbers in their
 * shortest round-trip form, non-finite numbers, which JSON cannot carry, as {@code null}.
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
        value(k);
        sb.append(':');
        return this;
    }

    private Json value(Object v) {
        org.grad4j.io.Json.write(sb, v, org.grad4j.io.Json.Numbers.REPR);
        return this;
    }

    Json put(String k, double v) {
        return key(k).value(v);
    }

    Json put(String k, long v) {
        return key(k).value(v);
    }

    Json put(String k, boolean v) {
        return key(k).value(v);
    }

    Json put(String k, String v) {
        return key(k).value(v);
    }

    Json putNull(String k) {
        return key(k).value(null);
    }

    Json put(String k, double[] v) {
        return key(k).value(v);
    }

    Json put(String k, int[] v) {
        return key(k).value(v);
    }

    Json put(String k, double[][] v) {
        return key(k).value(v);
    }

    Json put(String k, int[][] v) {
        return key(k).value(v);
    }

    Json put(String k, List<String> v) {
        return key(k).value(v);
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
}
