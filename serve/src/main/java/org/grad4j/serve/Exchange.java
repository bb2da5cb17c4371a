package org.grad4j.serve;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.grad4j.io.Json;

/** Reading a request's JSON body (bounded by the limits) and writing JSON answers and errors. */
final class Exchange {
    /** Deepest nesting of arrays and objects a body may have (so that it cannot overflow the stack). */
    static final int BODY_DEPTH = 32;

    private Exchange() {}

    /** The JSON text of an answer or an event: numbers in their shortest round-trip form, non-finite ones as null. */
    static String toJson(Object v) {
        return Json.toString(v, Json.Numbers.REPR);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(Context ctx, Limits limits) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > limits.bodyBytes()) {
            throw new ApiException(413, "request body of " + bytes.length + " bytes, the limit is " + limits.bodyBytes());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        Object v;
        try {
            v = text.isBlank() ? Map.of() : Json.parse(text, BODY_DEPTH);
        } catch (IllegalArgumentException e) {
            throw ApiException.bad(e.getMessage());
        }
        if (!(v instanceof Map<?, ?>)) {
            throw ApiException.bad("expected a JSON object, got " + text.strip().charAt(0) + "...");
        }
        return (Map<String, Object>) v;
    }

    static double number(Map<?, ?> b, String key, double fallback) {
        Object v = b.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Double d && Double.isFinite(d)) {
            return d;
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                // below
            }
        }
        throw ApiException.bad(key + ": expected a number, got " + toJson(v));
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(toJson(body));
    }

    static void error(Context ctx, int status, String message, Integer column) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        if (column != null) {
            m.put("column", column);
        }
        json(ctx, status, m);
    }
}
