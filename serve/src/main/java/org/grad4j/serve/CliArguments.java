package org.grad4j.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSON body turned into the command line of a command: each key is a long option without its dashes
 * ({@code "from": [-7, 2]} becomes {@code --from=-7,2}), {@code "expr"} is the positional expression,
 * {@code true} is a flag, {@code false} and {@code null} leave the option out, arrays are joined with
 * commas, numbers are written as Java reads them back ({@code 30}, {@code 0.1}, {@code 1.0E-10}) and
 * strings pass unchanged. {@code --json} is added. The command checks everything else itself, so that
 * the API answers with the command line's own messages.
 */
final class CliArguments {
    /** The commands the API runs. */
    static final List<String> COMMANDS = List.of("diff", "grad", "descend", "field", "compare", "lr-sweep");

    /** Options that read or write files on the server (or change the output), refused. */
    private static final Set<String> REFUSED = Set.of("plot", "save", "report", "init", "checkpoint", "resume",
            "json", "help", "version", "threads");

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*");

    private CliArguments() {}

    static List<String> of(String command, Map<String, Object> body, Limits limits) {
        List<String> args = new ArrayList<>();
        String expr = null;
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (key.equals("expr")) {
                if (!(v instanceof String s)) {
                    throw ApiException.bad("expr: expected a string, got " + Exchange.toJson(v));
                }
                expr = s;
                continue;
            }
            if (!KEY.matcher(key).matches()) {
                throw ApiException.bad("unknown option '" + key + "' (keys are long option names without dashes, e.g. \"from\")");
            }
            if (REFUSED.contains(key)) {
                throw ApiException.bad(key + ": not available through the web API");
            }
            if (v == null || Boolean.FALSE.equals(v)) {
                continue;
            }
            if (Boolean.TRUE.equals(v)) {
                args.add("--" + key);
                continue;
            }
            args.add("--" + key + "=" + text(key, v));
        }
        checkLimits(command, body, expr, limits);
        args.add("--json");
        if (expr != null) {
            args.add("--");
            args.add(expr);
        }
        return args;
    }

    /** A value as the command line would be given it. */
    static String text(String key, Object v) {
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            for (Object o : l) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                if (o instanceof Double d) {
                    sb.append(number(d));
                } else if (o instanceof String s) {
                    sb.append(s);
                } else {
                    throw ApiException.bad(key + ": expected numbers or strings in the array, got " + Exchange.toJson(o));
                }
            }
            return sb.toString();
        }
        throw ApiException.bad(key + ": expected a number, a string, a boolean or an array, got " + Exchange.toJson(v));
    }

    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    private static void checkLimits(String command, Map<String, Object> body, String expr, Limits limits) {
        if (expr != null) {
            if (expr.length() > limits.exprLength()) {
                throw ApiException.bad("expr: " + expr.length() + " characters, the limit is " + limits.exprLength());
            }
            int depth = 0;
            int max = 0;
            for (int k = 0; k < expr.length(); k++) {
                char c = expr.charAt(k);
                if (c == '(') {
                    max = Math.max(max, ++depth);
                } else if (c == ')') {
                    depth--;
                }
            }
            if (max > limits.exprNesting()) {
                throw ApiException.bad("expr: parentheses nested " + max + " deep, the limit is " + limits.exprNesting());
            }
        }
        Object steps = body.get("steps");
        if (steps instanceof Double d && d > limits.steps()) {
            throw ApiException.bad("steps: " + number(d) + " asked, the limit is " + limits.steps());
        }
        if (steps instanceof String s && parse(s) > limits.steps()) {
            throw ApiException.bad("steps: " + s + " asked, the limit is " + limits.steps());
        }
        for (String list : List.of("optimizers", "lrs")) {
            Object o = body.get(list);
            int n = o instanceof List<?> l ? l.size() : o instanceof String s ? s.split(",", -1).length : 0;
            if (n > limits.runs()) {
                throw ApiException.bad(list + ": " + n + " runs asked, the limit is " + limits.runs());
            }
        }
        if (command.equals("field")) {
            double[] r = numbers(body.getOrDefault("range", "-2,2"));
            double[] g = numbers(body.getOrDefault("grid", "0.25"));
            if (r != null && g != null && g.length == 1 && g[0] > 0 && (r.length == 2 || r.length == 4)) {
                double nx = Math.floor((r[1] - r[0]) / g[0]) + 1;
                double ny = r.length == 4 ? Math.floor((r[3] - r[2]) / g[0]) + 1 : nx;
                if (nx * ny > limits.gridPoints()) {
                    throw ApiException.bad("grid: " + number(nx * ny) + " points asked, the limit is " + limits.gridPoints());
                }
            }
        }
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN; // the command says what is wrong
        }
    }

    /** The numbers of a value given as an array or a comma list, or null when they do not parse. */
    private static double[] numbers(Object v) {
        String t;
        try {
            t = text("range", v);
        } catch (ApiException e) {
            return null;
        }
        String[] parts = t.split(",", -1);
        double[] out = new double[parts.length];
        for (int k = 0; k < parts.length; k++) {
            out[k] = parse(parts[k]);
            if (!Double.isFinite(out[k])) {
                return null;
            }
        }
        return out;
    }
}
