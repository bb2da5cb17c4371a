package org.grad4j.serve;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.grad4j.nn.FeedForwardNet;

/**
 * Training and prediction for the page, through the library: {@code POST /api/train} starts one run
 * at a time ({@link TrainingRun}), {@code GET /api/train/<id>/events} streams its events,
 * {@code POST /api/train/<id>/stop}, {@code GET /api/train/<id>/model.npz}, and
 * {@code POST /api/predict} classifies 784 pixels (or a drawing, preprocessed by {@link DigitImage})
 * with the last trained model.
 */
final class TrainingApi {
    /** Finished runs kept for their model and late viewers. */
    private static final int KEPT_RUNS = 8;

    private final Limits limits;
    private final Predictor predictor = new Predictor();
    private final DatasetCache datasets = new DatasetCache();
    private final Map<String, TrainingRun> runs = new ConcurrentHashMap<>();
    private final AtomicInteger nextRun = new AtomicInteger(1);
    private volatile TrainingRun current;
    private volatile Thread trainer;

    TrainingApi(Limits limits, FeedForwardNet model, String description) {
        this.limits = limits;
        if (model != null) {
            predictor.set(model, description);
        }
    }

    String modelDescription() {
        return predictor.description();
    }

    /** Stops a run that is going and waits for its thread (at most 5 s). */
    void close() {
        TrainingRun r = current;
        if (r != null) {
            r.stop();
        }
        Thread t = trainer;
        if (t != null) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    synchronized void train(Context ctx) {
        TrainRequest request = TrainRequest.of(Exchange.body(ctx, limits), DatasetCache.available(), limits);
        TrainingRun running = current;
        if (running != null && !running.finished()) {
            throw new ApiException(409, "a training run is already going (" + running.id + "): stop it first "
                    + "(one run at a time)");
        }
        TrainingRun r = new TrainingRun("run-" + nextRun.getAndIncrement(), request);
        runs.put(r.id, r);
        if (runs.size() > KEPT_RUNS) {
            runs.keySet().stream().filter(k -> !k.equals(r.id)).findFirst().ifPresent(runs::remove);
        }
        current = r;
        Thread t = new Thread(() -> r.run(datasets, predictor::set), "grad4j-train-" + r.id);
        t.setDaemon(true);
        trainer = t;
        t.start();
        Exchange.json(ctx, 200, Map.of("id", r.id));
    }

    TrainingRun run(Context ctx) {
        TrainingRun r = runs.get(ctx.pathParam("id"));
        if (r == null) {
            throw new ApiException(404, "no training run '" + ctx.pathParam("id") + "'");
        }
        return r;
    }

    void model(Context ctx) {
        byte[] npz = run(ctx).npz();
        if (npz == null) {
            throw new ApiException(409, "the model is ready when the run ends");
        }
        ctx.contentType("application/octet-stream")
                .header("Content-Disposition", "attachment; filename=\"" + ctx.pathParam("id") + ".npz\"").result(npz);
    }

    void events(SseClient client) {
        TrainingRun r = runs.get(client.ctx().pathParam("id"));
        if (r == null) {
            client.sendEvent("error", Exchange.toJson(Map.of("error", "no training run '" + client.ctx().pathParam("id") + "'")));
            client.close();
            return;
        }
        TrainingRun.Viewer v = r.join(limits.bufferedEvents(), limits.viewers());
        if (v == null) {
            client.sendEvent("error", Exchange.toJson(Map.of("error", "too many viewers of " + r.id + " (the limit is "
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

    void predict(Context ctx) {
        Map<String, Object> b = Exchange.body(ctx, limits);
        double[] pixels;
        boolean drawn = b.get("image") != null;
        if (drawn) {
            if (!(b.get("image") instanceof Map<?, ?> img)) {
                throw ApiException.bad("image: expected {\"width\": W, \"height\": H, \"pixels\": [...]}");
            }
            int w = (int) Exchange.number(img, "width", 0);
            int h = (int) Exchange.number(img, "height", 0);
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
            Exchange.json(ctx, 200, out);
        } catch (ApiException e) {
            if (e.status != 409) {
                throw e;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("error", e.getMessage());
            m.put("pixels", pixels);
            Exchange.json(ctx, 409, m);
        }
    }

    private static double[] unit(Object v, String key, int n) {
        if (!(v instanceof List<?> l) || l.size() != n) {
            throw ApiException.bad(key + ": expected an array of " + n + " numbers in 0..1, got "
                    + (v instanceof List<?> l2 ? l2.size() + " values" : Exchange.toJson(v)));
        }
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            if (!(l.get(k) instanceof Double d) || !(d >= 0 && d <= 1)) {
                throw ApiException.bad(key + "[" + k + "]: expected a number in 0..1, got " + Exchange.toJson(l.get(k)));
            }
            out[k] = d;
        }
        return out;
    }
}
