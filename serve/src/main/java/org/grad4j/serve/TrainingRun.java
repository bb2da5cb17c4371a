package org.grad4j.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.grad4j.data.Dataset;
import org.grad4j.data.Sampling;
import org.grad4j.data.Split;
import org.grad4j.io.ModelFile;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.train.Evaluation;
import org.grad4j.train.GradientMode;
import org.grad4j.train.TrainListener;
import org.grad4j.train.TrainResult;
import org.grad4j.train.TrainSettings;
import org.grad4j.train.Trainer;

/**
 * One training run of the page, on its own thread, through the library's {@link Trainer} and a
 * {@link TrainListener}. It keeps the events it has sent (so a viewer who joins late sees the whole
 * curve) and hands each to every viewer's bounded queue; a viewer whose queue is full is dropped.
 * Events: {@code start}, {@code progress} (at most every {@link #PROGRESS_NANOS}: iteration, mean loss
 * since the previous one, iterations per second, seconds left), {@code eval} (train and test accuracy),
 * {@code done} (final figures, confusion matrix, misclassified test digits) or {@code error}.
 */
final class TrainingRun {
    static final long PROGRESS_NANOS = 50_000_000L;
    /** Misclassified test digits sent at the end. */
    static final int MISCLASSIFIED = 24;
    /** Events a run keeps for viewers who join late. */
    static final int HISTORY = 20_000;

    /** What a viewer is sent: the SSE event name and its JSON data. */
    record Event(String name, String data) {
        boolean last() {
            return name.equals("done") || name.equals("error");
        }
    }

    /** One open event stream. */
    static final class Viewer {
        final BlockingQueue<Event> queue;
        volatile boolean overflowed;

        Viewer(int capacity) {
            queue = new ArrayBlockingQueue<>(capacity);
        }
    }

    final String id;
    private final TrainRequest request;
    private final List<Event> history = new ArrayList<>();
    private final List<Viewer> viewers = new CopyOnWriteArrayList<>();
    private volatile boolean stop;
    private volatile boolean finished;
    private volatile byte[] npz;
    private volatile FeedForwardNet net;

    TrainingRun(String id, TrainRequest request) {
        this.id = id;
        this.request = request;
    }

    boolean finished() {
        return finished;
    }

    void stop() {
        stop = true;
    }

    byte[] npz() {
        return npz;
    }

    /** A new viewer, given the events so far; null when {@code max} viewers are already open. */
    synchronized Viewer join(int capacity, int max) {
        if (viewers.size() >= max) {
            return null;
        }
        Viewer v = new Viewer(capacity);
        int from = Math.max(0, history.size() - capacity);
        if (from > 0) {
            v.queue.offer(history.get(0)); // the start event, then the latest ones
            from++;
        }
        for (int k = from; k < history.size(); k++) {
            v.queue.offer(history.get(k));
        }
        if (!finished) {
            viewers.add(v);
        }
        return v;
    }

    void leave(Viewer v) {
        viewers.remove(v);
    }

    synchronized void publish(String name, Map<String, Object> data) {
        Event e = new Event(name, Exchange.toJson(data));
        if (history.size() < HISTORY || e.last()) {
            history.add(e);
        }
        for (Viewer v : viewers) {
            if (!v.queue.offer(e)) {
                v.overflowed = true;
                viewers.remove(v);
            }
        }
        if (e.last()) {
            finished = true;
            viewers.clear();
        }
    }

    /** Trains (on the calling thread) and publishes the events; {@code onModel} gets the trained network. */
    void run(DatasetCache datasets, java.util.function.BiConsumer<FeedForwardNet, String> onModel) {
        try {
            publish("loading", Map.of("dataset", request.dataset()));
            Dataset ds = datasets.get(request.dataset());
            FeedForwardNet network = request.network(ds.features(), ds.classes());
            net = network;
            String description = describe(network);
            TrainSettings settings = new TrainSettings(request.iterations(), request.batch(), Sampling.SHUFFLE,
                    request.seed(), GradientMode.BACKPROP, 1, 0, Double.POSITIVE_INFINITY, null, 0);
            Trainer trainer = new Trainer(network, request.createOptimizer(), ds, settings);
            Map<String, Object> start = new LinkedHashMap<>();
            start.put("dataset", ds.name());
            start.put("train", ds.train().size());
            start.put("test", ds.test().size());
            start.put("iterations", request.iterations());
            start.put("per_epoch", trainer.iterationsPerEpoch());
            start.put("architecture", description);
            publish("start", start);
            Listener listener = new Listener();
            TrainResult r = null;
            try {
                r = trainer.run(listener);
            } catch (Stopped s) {
                // the weights reached so far are kept
            }
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("stopped", r == null);
            done.put("iterations", r == null ? listener.done : r.iterations());
            Evaluation eval = new Evaluation(ds.features());
            int[] predicted = eval.predictions(network, ds.test());
            done.put("train_accuracy", r == null ? eval.accuracy(network, ds.train()) : r.trainAccuracy());
            done.put("test_accuracy", r == null ? eval.accuracy(network, ds.test()) : r.testAccuracy());
            done.put("seconds", (System.nanoTime() - listener.t0) / 1e9);
            done.put("confusion", List.of(Evaluation.confusion(predicted, ds.test(), ds.classes())));
            done.put("misclassified", misclassified(ds.test(), predicted));
            npz = bytes(network);
            onModel.accept(network, ds.name() + ": " + description);
            done.put("model", "/api/train/" + id + "/model.npz");
            publish("done", done);
        } catch (Exception | OutOfMemoryError e) {
            publish("error", Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private static String describe(FeedForwardNet net) {
        StringBuilder sb = new StringBuilder();
        sb.append(net.inputSize());
        for (var p : net.parameters()) {
            if (p.value().rank() == 2) {
                sb.append('-').append(p.value().cols());
            }
        }
        return sb.append(' ').append(net.activation().name().toLowerCase(java.util.Locale.ROOT)).toString();
    }

    private static List<Map<String, Object>> misclassified(Split test, int[] predicted) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < predicted.length && out.size() < MISCLASSIFIED; i++) {
            if (predicted[i] != test.label(i)) {
                int[] px = new int[test.features()];
                for (int j = 0; j < px.length; j++) {
                    px[j] = (int) Math.round(255 * test.x(i, j));
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("index", i);
                m.put("label", test.label(i));
                m.put("predicted", predicted[i]);
                m.put("pixels", px);
                out.add(m);
            }
        }
        return out;
    }

    private static byte[] bytes(FeedForwardNet net) throws IOException {
        Path tmp = Files.createTempFile("grad4j-model", ".npz");
        try {
            ModelFile.save(tmp, net);
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped", null, false, false);
        }
    }

    private final class Listener implements TrainListener {
        final long t0 = System.nanoTime();
        long last = t0;
        double sum;
        int count;
        int done;

        @Override
        public void iteration(int iteration, int total, double loss) {
            done = iteration + 1;
            sum += loss;
            count++;
            long now = System.nanoTime();
            if (now - last >= PROGRESS_NANOS || done == total) {
                last = now;
                double rate = done / ((now - t0) / 1e9);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("iteration", done);
                m.put("loss", sum / count);
                m.put("rate", rate);
                m.put("seconds_left", (total - done) / rate);
                publish("progress", m);
                sum = 0;
                count = 0;
            }
            if (stop) {
                throw new Stopped();
            }
        }

        @Override
        public void evaluated(int iteration, int epoch, double trainAccuracy, double testAccuracy) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("iteration", iteration);
            m.put("epoch", epoch);
            m.put("train_accuracy", trainAccuracy);
            m.put("test_accuracy", testAccuracy);
            publish("eval", m);
        }
    }
}
