package org.grad4j.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.grad4j.expr.Expression;
import org.grad4j.expr.ExpressionException;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.optim.Behaviour;
import org.grad4j.optim.Optimizers;
import org.grad4j.optim.Status;
import org.grad4j.optim.Trajectory;

/**
 * The web server of {@code grad4j serve} (Javalin on Jetty): the page, from the jar only, and its JSON
 * API. {@code POST /api/<command>} for diff, grad, descend, field, compare and lr-sweep runs the
 * command line's own command with {@code --json} through a {@link CommandRunner} and answers with what
 * it printed (HTTP 400 {@code {"error": ...}} with its one-line message on bad input). Training,
 * prediction and the derivative lab's curves call the library.
 *
 * <p>Safe by default: requests whose {@code Host} is not the bound address, {@code localhost} or a
 * loopback address are refused (DNS rebinding), as are POSTs whose {@code Origin} is another site;
 * every request is bounded by {@link Limits}.
 */
public final class PageServer implements AutoCloseable {
    /** The page's files, served by name from the jar (nothing else is). */
    private static final Map<String, String> FILES = Map.of("/", "index.html", "/index.html", "index.html",
            "/app.js", "app.js", "/app.css", "app.css", "/plots.js", "plots.js");
    private static final Pattern COLUMN = Pattern.compile("at column (\\d+)");
    private static final int MAX_CURVE_POINTS = 2000;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final CommandRunner runner;
    private final Limits limits;
    private final String host;
    private final Javalin app;
    private final Predictor predictor = new Predictor();
    private final DatasetCache datasets = new DatasetCache();
    private final Map<String, TrainingRun> runs = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger nextRun = new AtomicInteger(1);
    private volatile TrainingRun current;
    private volatile Thread trainer;

    private PageServer(String host, CommandRunner runner, Limits limits) {
        this.host = host;
        this.runner = runner;
        this.limits = limits;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = limits.bodyBytes();
            config.routes.before(this::guard);
            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status, e.getMessage(), null));
            config.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal error: " + e, null));
            FILES.forEach((path, file) -> config.routes.get(path, ctx -> page(ctx, file)));
            config.routes.get("/api/info", this::info);
            for (String c : CliArguments.COMMANDS) {
                config.routes.post("/api/" + c, ctx -> command(ctx, c));
            }
            config.routes.post("/api/parse", this::parse);
            config.routes.post("/api/curve", this::curve);
            config.routes.post("/api/rounding", this::rounding);
            config.routes.post("/api/values", this::values);
            config.routes.post("/api/behaviour", this::behaviour);
            config.routes.post("/api/train", this::train);
            config.routes.post("/api/train/{id}/stop", ctx -> {
                run(ctx).stop();
                json(ctx, 200, Map.of("stopping", true));
            });
            config.routes.get("/api/train/{id}/model.npz", this::model);
            config.routes.sse("/api/train/{id}/events", this::events);
            config.routes.post("/api/predict", this::predict);
        });
    }

    /**
     * Starts a server on {@code host:port} (port 0: any free port).
     *
     * @param model the model {@code /api/predict} starts with, or null
     */
    public static PageServer start(String host, int port, CommandRunner runner, Limits limits, FeedForwardNet model,
            String modelDescription) {
        PageServer s = new PageServer(host, runner, limits);
        if (model != null) {
            s.predictor.set(model, modelDescription);
        }
        s.app.start(host, port);
        return s;
    }

    public int port() {
        return app.port();
    }

    /** The page's address. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + "/";
    }

    /** Whether {@code host} is a loopback address (127.0.0.0/8, ::1 or localhost). */
    public static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    @Override
    public void close() {
        TrainingRun r = current;
        if (r != null) {
            r.stop();
        }
        app.stop();
        Thread t = trainer;
        if (t != null) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // --- safety ---

    private void guard(Context ctx) {
        String hostHeader = ctx.header("Host");
        String name = hostHeader == null ? "" : hostName(hostHeader);
        if (!(name.equals(host) || name.equals("localhost") || (loopback(host) && loopback(name)))) {
            throw new ApiException(403, "refused: Host '" + hostHeader + "' is not this server's address (" + host
                    + " or localhost)");
        }
        if (ctx.method() == HandlerType.POST) {
            String origin = ctx.header("Origin");
            if (origin != null && !origin.equals("null") && !sameOrigin(origin, hostHeader)) {
                throw new ApiException(403, "refused: cross-origin request from " + origin);
            }
            if ("cross-site".equals(ctx.header("Sec-Fetch-Site"))) {
                throw new ApiException(403, "refused: cross-site request");
            }
            long length = ctx.contentLength();
            if (length > limits.bodyBytes()) {
                throw new ApiException(413, "request body of " + length + " bytes, the limit is " + limits.bodyBytes());
            }
        }
    }

    private static String hostName(String hostHeader) {
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static boolean sameOrigin(String origin, String hostHeader) {
        try {
            URI u = URI.create(origin);
            return "http".equals(u.getScheme()) && hostHeader != null
                    && (u.getRawAuthority() != null && u.getRawAuthority().equalsIgnoreCase(hostHeader.strip()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // --- handlers ---

    private static void page(Context ctx, String file) throws IOException {
        try (InputStream in = PageServer.class.getResourceAsStream("page/" + file)) {
            if (in == null) {
                throw new ApiException(404, "not found: " + file);
            }
            String type = file.endsWith(".html") ? "text/html; charset=utf-8"
                    : file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
            ctx.contentType(type).header("Cache-Control", "no-cache")
                    .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:")
                    .header("X-Content-Type-Options", "nosniff").result(in.readAllBytes());
        }
    }

    private void info(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commands", CliArguments.COMMANDS);
        m.put("optimizers", Optimizers.NAMES);
        m.put("datasets", DatasetCache.available());
        m.put("model", predictor.description());
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("body_bytes", limits.bodyBytes());
        l.put("expr_length", limits.exprLength());
        l.put("expr_nesting", limits.exprNesting());
        l.put("steps", limits.steps());
        l.put("runs", limits.runs());
        l.put("grid_points", limits.gridPoints());
        l.put("iterations", limits.iterations());
        m.put("limits", l);
        json(ctx, 200, m);
    }

    private void command(Context ctx, String command) {
        long t0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        List<String> args = CliArguments.of(command, body(ctx), limits);
        CommandRunner.Result r = runner.run(command, args);
        // wall time and this thread's processor time (the second is what a shared machine does not inflate)
        ctx.header("Server-Timing", String.format(Locale.ROOT, "run;dur=%.3f, cpu;dur=%.3f", (System.nanoTime() - t0) / 1e6,
                (CPU.getCurrentThreadCpuTime() - c0) / 1e6));
        if (r.exitCode() == 0) {
            ctx.status(200).contentType("application/json").result(r.out().strip());
            return;
        }
        String line = r.err().strip().lines().findFirst().orElse("error");
        if (line.startsWith("grad4j: ")) {
            line = line.substring("grad4j: ".length());
        }
        Matcher m = COLUMN.matcher(line);
        error(ctx, r.exitCode() == 2 ? 400 : 500, line, m.find() ? Integer.valueOf(m.group(1)) : null);
    }

    private Expression expression(Map<String, Object> body) {
        Object e = body.get("expr");
        if (!(e instanceof String s)) {
            throw ApiException.bad("expr: expected a string");
        }
        Map<String, Object> only = new LinkedHashMap<>();
        only.put("expr", s);
        CliArguments.of("parse", only, limits); // the length and nesting limits
        return Expression.parse(s);
    }

    private void parse(Context ctx) {
        try {
            Expression e = expression(body(ctx));
            json(ctx, 200, Map.of("text", e.text(), "variables", e.variables()));
        } catch (ExpressionException e) {
            error(ctx, 400, e.getMessage(), e.column());
        }
    }

    private void curve(Context ctx) {
        Map<String, Object> b = body(ctx);
        try {
            Expression e = expression(b);
            if (e.arity() > 1) {
                throw ApiException.bad("curve: '" + e.text() + "' has " + e.arity() + " variables " + e.variables() + ", expected at most 1");
            }
            double from = number(b, "from", -3);
            double to = number(b, "to", 3);
            int points = (int) number(b, "points", 400);
            if (!(from < to) || points < 2 || points > MAX_CURVE_POINTS) {
                throw ApiException.bad("curve: expected from < to and 2..." + MAX_CURVE_POINTS + " points, got "
                        + from + ", " + to + ", " + points);
            }
            json(ctx, 200, Lab.curve(e, from, to, points));
        } catch (ExpressionException e) {
            error(ctx, 400, e.getMessage(), e.column());
        }
    }

    private void rounding(Context ctx) {
        Map<String, Object> b = body(ctx);
        try {
            Expression e = expression(b);
            if (e.arity() > 1) {
                throw ApiException.bad("rounding: '" + e.text() + "' has " + e.arity() + " variables, expected at most 1");
            }
            json(ctx, 200, Lab.rounding(e, number(b, "at", 0)));
        } catch (ExpressionException e) {
            error(ctx, 400, e.getMessage(), e.column());
        }
    }

    /** f and |grad f| (exact, reverse mode) at each of the points: the playground's per-step figures. */
    private void values(Context ctx) {
        Map<String, Object> b = body(ctx);
        try {
            Expression e = expression(b);
            if (!(b.get("points") instanceof List<?> points)) {
                throw ApiException.bad("points: expected an array of points");
            }
            int max = limits.steps() * limits.runs() + limits.runs();
            if (points.size() > max) {
                throw ApiException.bad("points: " + points.size() + " asked, the limit is " + max);
            }
            double[] fs = new double[points.size()];
            double[] norms = new double[points.size()];
            double[] g = new double[e.arity()];
            for (int k = 0; k < fs.length; k++) {
                if (!(points.get(k) instanceof List<?> p) || p.size() != e.arity()) {
                    throw ApiException.bad("points[" + k + "]: expected " + e.arity() + " numbers " + e.variables());
                }
                double[] x = new double[e.arity()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = p.get(i) instanceof Double d ? d : Double.NaN;
                }
                fs[k] = e.gradient(x, g);
                double n = 0;
                for (double gi : g) {
                    n += gi * gi;
                }
                norms[k] = Math.sqrt(n);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("f", fs);
            out.put("gradient_norm", norms);
            json(ctx, 200, out);
        } catch (ExpressionException e) {
            error(ctx, 400, e.getMessage(), e.column());
        }
    }

    /**
     * How each raced path behaved (lr-sweep's classification, {@link Behaviour}: converged, too-slow,
     * oscillating, diverged) against {@code "minimum"}, or, without one, the point of lowest f over
     * all the paths, as lr-sweep does when it is not given one.
     */
    private void behaviour(Context ctx) {
        Map<String, Object> b = body(ctx);
        try {
            Expression e = expression(b);
            if (!(b.get("paths") instanceof List<?> paths) || paths.size() > limits.runs()) {
                throw ApiException.bad("paths: expected an array of at most " + limits.runs() + " paths");
            }
            List<double[][]> points = new java.util.ArrayList<>();
            List<Status> statuses = new java.util.ArrayList<>();
            double[] best = null;
            double bestF = Double.POSITIVE_INFINITY;
            for (Object o : paths) {
                if (!(o instanceof Map<?, ?> p) || !(p.get("points") instanceof List<?> pts) || pts.isEmpty()
                        || pts.size() > limits.steps() + 1) {
                    throw ApiException.bad("paths: each is {\"points\": [[...], ...], \"status\": ...} with 1.."
                            + (limits.steps() + 1) + " points");
                }
                double[][] x = new double[pts.size()][];
                for (int k = 0; k < x.length; k++) {
                    x[k] = new double[e.arity()];
                    if (pts.get(k) instanceof List<?> c && c.size() == e.arity()) {
                        for (int i = 0; i < x[k].length; i++) {
                            x[k][i] = c.get(i) instanceof Double d ? d : Double.NaN;
                        }
                    } else {
                        java.util.Arrays.fill(x[k], Double.NaN);
                    }
                    double fx = e.value(x[k]);
                    if (fx < bestF) {
                        bestF = fx;
                        best = x[k];
                    }
                }
                points.add(x);
                String label = String.valueOf(p.get("status"));
                statuses.add(java.util.Arrays.stream(Status.values()).filter(st -> st.label().equals(label)).findFirst()
                        .orElseThrow(() -> ApiException.bad("status: unknown status '" + label + "'")));
            }
            double[] minimum = b.get("minimum") instanceof List<?> m ? numbers(m, e.arity()) : best;
            List<String> out = new java.util.ArrayList<>();
            for (int k = 0; k < points.size(); k++) {
                double[][] x = points.get(k);
                Trajectory t = new Trajectory(x, new double[x.length], new double[x.length], statuses.get(k), x.length - 1,
                        List.of());
                out.add(minimum == null ? null : Behaviour.classify(t, minimum).label());
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("minimum", minimum);
            r.put("minimum_source", b.get("minimum") != null ? "given" : "lowest f seen");
            r.put("behaviours", out);
            json(ctx, 200, r);
        } catch (ExpressionException e) {
            error(ctx, 400, e.getMessage(), e.column());
        }
    }

    private static double[] numbers(List<?> l, int n) {
        if (l.size() != n) {
            throw ApiException.bad("minimum: expected " + n + " numbers, got " + l.size());
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(l.get(i) instanceof Double d)) {
                throw ApiException.bad("minimum: expected numbers");
            }
            out[i] = d;
        }
        return out;
    }

    private synchronized void train(Context ctx) {
        TrainRequest request = TrainRequest.of(body(ctx), DatasetCache.available(), limits);
        TrainingRun running = current;
        if (running != null && !running.finished()) {
            throw new ApiException(409, "a training run is already going (" + running.id + "): stop it first "
                    + "(one run at a time)");
        }
        TrainingRun r = new TrainingRun("run-" + nextRun.getAndIncrement(), request);
        runs.put(r.id, r);
        if (runs.size() > 8) {
            runs.keySet().stream().filter(k -> !k.equals(r.id)).findFirst().ifPresent(runs::remove);
        }
        current = r;
        Thread t = new Thread(() -> r.run(datasets, predictor::set), "grad4j-train-" + r.id);
        t.setDaemon(true);
        trainer = t;
        t.start();
        json(ctx, 200, Map.of("id", r.id));
    }

    private TrainingRun run(Context ctx) {
        TrainingRun r = runs.get(ctx.pathParam("id"));
        if (r == null) {
            throw new ApiException(404, "no training run '" + ctx.pathParam("id") + "'");
        }
        return r;
    }

    private void model(Context ctx) {
        byte[] npz = run(ctx).npz();
        if (npz == null) {
            throw new ApiException(409, "the model is ready when the run ends");
        }
        ctx.contentType("application/octet-stream")
                .header("Content-Disposition", "attachment; filename=\"" + ctx.pathParam("id") + ".npz\"").result(npz);
    }

    private void events(SseClient client) {
        TrainingRun r = runs.get(client.ctx().pathParam("id"));
        if (r == null) {
            client.sendEvent("error", Json.write(Map.of("error", "no training run '" + client.ctx().pathParam("id") + "'")));
            client.close();
            return;
        }
        TrainingRun.Viewer v = r.join(limits.bufferedEvents(), limits.viewers());
        if (v == null) {
            client.sendEvent("error", Json.write(Map.of("error", "too many viewers of " + r.id + " (the limit is "
                    + limits.viewers() + ")")));
            client.close();
            return;
        }
        try {
            while (!client.terminated()) {
                TrainingRun.Event e = v.queue.poll(1, TimeUnit.SECONDS);
                if (e == null) {
                    if (v.overflowed || (r.finished() && v.queue.isEmpty())) {
                        break;
                    }
                    client.sendComment("waiting");
                    continue;
                }
                client.sendEvent(e.name(), e.data());
                if (e.last()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            r.leave(v);
            client.close();
        }
    }

    private void predict(Context ctx) {
        Map<String, Object> b = body(ctx);
        double[] pixels;
        boolean drawn = b.get("image") != null;
        if (drawn) {
            if (!(b.get("image") instanceof Map<?, ?> img)) {
                throw ApiException.bad("image: expected {\"width\": W, \"height\": H, \"pixels\": [...]}");
            }
            int w = (int) number(img, "width", 0);
            int h = (int) number(img, "height", 0);
            if (w < 1 || h < 1 || w > 512 || h > 512) {
                throw ApiException.bad("image: width and height must be 1..512, got " + w + " x " + h);
            }
            pixels = DigitImage.preprocess(unit(img.get("pixels"), "image.pixels", w * h), w, h);
        } else {
            pixels = unit(b.get("pixels"), "pixels", DigitImage.SIDE * DigitImage.SIDE);
        }
        try {
            Map<String, Object> out = predictor.predict(pixels);
            out.put("pixels", pixels);
            json(ctx, 200, out);
        } catch (ApiException e) {
            if (e.status != 409) {
                throw e;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("error", e.getMessage());
            m.put("pixels", pixels);
            json(ctx, 409, m);
        }
    }

    private static double[] unit(Object v, String key, int n) {
        if (!(v instanceof List<?> l) || l.size() != n) {
            throw ApiException.bad(key + ": expected an array of " + n + " numbers in 0..1, got "
                    + (v instanceof List<?> l2 ? l2.size() + " values" : Json.write(v)));
        }
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            if (!(l.get(k) instanceof Double d) || !(d >= 0 && d <= 1)) {
                throw ApiException.bad(key + "[" + k + "]: expected a number in 0..1, got " + Json.write(l.get(k)));
            }
            out[k] = d;
        }
        return out;
    }

    // --- JSON ---

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(Context ctx) {
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

    private static double number(Map<?, ?> b, String key, double fallback) {
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

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    private static void error(Context ctx, int status, String message, Integer column) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        if (column != null) {
            m.put("column", column);
        }
        json(ctx, status, m);
    }

    static final Set<String> SSE_EVENTS = Set.of("loading", "start", "progress", "eval", "done", "error");
}
