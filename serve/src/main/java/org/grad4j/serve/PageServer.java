package org.grad4j.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.optim.Optimizers;

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
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final CommandRunner runner;
    private final Limits limits;
    private final String host;
    private final Javalin app;
    private final LabApi lab;
    private final TrainingApi training;

    private PageServer(String host, CommandRunner runner, Limits limits, FeedForwardNet model, String description) {
        this.host = host;
        this.runner = runner;
        this.limits = limits;
        this.lab = new LabApi(limits);
        this.training = new TrainingApi(limits, model, description);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = limits.bodyBytes();
            config.routes.before(this::guard);
            config.routes.exception(ApiException.class, (e, ctx) -> Exchange.error(ctx, e.status, e.getMessage(), null));
            config.routes.exception(Exception.class, (e, ctx) -> Exchange.error(ctx, 500, "internal error: " + e, null));
            FILES.forEach((path, file) -> config.routes.get(path, ctx -> page(ctx, file)));
            config.routes.get("/api/info", this::info);
            for (String c : CliArguments.COMMANDS) {
                config.routes.post("/api/" + c, ctx -> command(ctx, c));
            }
            config.routes.post("/api/parse", lab::parse);
            config.routes.post("/api/curve", lab::curve);
            config.routes.post("/api/rounding", lab::rounding);
            config.routes.post("/api/values", lab::values);
            config.routes.post("/api/behaviour", lab::behaviour);
            config.routes.post("/api/train", training::train);
            config.routes.post("/api/train/{id}/stop", ctx -> {
                training.run(ctx).stop();
                Exchange.json(ctx, 200, Map.of("stopping", true));
            });
            config.routes.get("/api/train/{id}/model.npz", training::model);
            config.routes.sse("/api/train/{id}/events", training::events);
            config.routes.post("/api/predict", training::predict);
        });
    }

    /**
     * Starts a server on {@code host:port} (port 0: any free port).
     *
     * @param model the model {@code /api/predict} starts with, or null
     */
    public static PageServer start(String host, int port, CommandRunner runner, Limits limits, FeedForwardNet model,
            String modelDescription) {
        PageServer s = new PageServer(host, runner, limits, model, modelDescription);
        s.app.start(host, port);
        return s;
    }

    public int port() {
        return app.port();
    }

    /** The page's address. */
    public String url() {
        String h = host.equals("0.0.0.0") || host.equals("::") ? "localhost" // every address: this machine's name
                : host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + "/";
    }

    /** Whether {@code host} is a loopback address (127.0.0.0/8, ::1 or localhost). */
    public static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    @Override
    public void close() {
        app.stop();
        training.close();
    }

    // --- safety ---

    private void guard(Context ctx) {
        String hostHeader = ctx.header("Host");
        String name = hostHeader == null ? "" : hostName(hostHeader);
        // a name that is not ours could be a rebound DNS name; an address literal cannot be rebound, so
        // a server bound beyond loopback (--host 0.0.0.0) takes its machine's addresses
        boolean allowed = name.equals(host) || name.equals("localhost") || (loopback(host) && loopback(name))
                || (!loopback(host) && addressLiteral(name));
        if (!allowed) {
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

    /** An IPv4 or IPv6 address written out, not a name. */
    static boolean addressLiteral(String name) {
        return name.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (name.contains(":") && name.matches("[0-9a-f:.]+"));
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
        m.put("model", training.modelDescription());
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("body_bytes", limits.bodyBytes());
        l.put("expr_length", limits.exprLength());
        l.put("expr_nesting", limits.exprNesting());
        l.put("steps", limits.steps());
        l.put("runs", limits.runs());
        l.put("grid_points", limits.gridPoints());
        l.put("iterations", limits.iterations());
        m.put("limits", l);
        Exchange.json(ctx, 200, m);
    }

    private void command(Context ctx, String command) {
        long t0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        List<String> args = CliArguments.of(command, Exchange.body(ctx, limits), limits);
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
        Exchange.error(ctx, r.exitCode() == 2 ? 400 : 500, line, m.find() ? Integer.valueOf(m.group(1)) : null);
    }

    // --- JSON ---

}
