package org.grad4j.serve;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading a request's JSON body (bounded by the limits) and writing JSON answers and errors. */
final class Exchange {
    private Exchange() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(Context ctx, Limits limits) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > limits.bodyBytes()) {
            throw new ApiException(413, "request body of " + bytes.length + " bytes, the limit is " + limits.bodyBytes());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        Object v;
        try {
            v = text.isBlank() ? Map.of() : Json.read(text);
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
        throw ApiException.bad(key + ": expected a number, got " + Json.write(v));
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
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
