package org.grad4j.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.grad4j.io.ModelFile;
import org.grad4j.io.NdArray;
import org.grad4j.io.Npz;
import org.grad4j.nn.Activation;
import org.grad4j.nn.FeedForwardNet;
import org.grad4j.nn.Network;

/**
 * A training checkpoint: an {@code .npz} with the weights ({@code W1, b1, ...}, readable as a model
 * file) and the training state ({@code grad4j_iteration}, {@code grad4j_seed}, {@code grad4j_loss},
 * {@code grad4j_eval_iteration}, {@code grad4j_train_accuracy}, {@code grad4j_test_accuracy}, and for
 * a regression run {@code grad4j_train_mse}, {@code grad4j_test_mse}, {@code grad4j_train_mae},
 * {@code grad4j_test_mae}, {@code grad4j_train_r2}, {@code grad4j_test_r2}), the optimizer's state
 * by parameter name ({@code grad4j_optim.exp_avg.W1}), the learning rate ({@code grad4j_lr}) and a
 * stateful schedule's state by name ({@code grad4j_schedule.best}, see
 * {@link org.grad4j.optim.schedule.Schedule#state()}). Written atomically, so a process killed at any
 * moment leaves the previous checkpoint intact.
 */
public final class Checkpoint {
    private Checkpoint() {}

    /**
     * What a checkpoint restores.
     *
     * @param optimizer the optimizer's {@link org.grad4j.optim.Optimizer#state()} in parameter
     *     order, or null when the checkpoint has none (written before optimizer state was kept)
     * @param lr the learning rate at the checkpoint (NaN when not recorded)
     * @param schedule the schedule's {@link org.grad4j.optim.schedule.Schedule#state()}, empty when
     *     the run had no stateful schedule (or the checkpoint predates schedule state)
     */
    public record State(FeedForwardNet net, int iteration, long seed, History history,
                        Map<String, double[][]> optimizer, double lr, Map<String, Double> schedule) {

        public State {
            schedule = schedule == null ? Map.of() : Map.copyOf(schedule);
        }

        public State(FeedForwardNet net, int iteration, long seed, History history,
                     Map<String, double[][]> optimizer, double lr) {
            this(net, iteration, seed, history, optimizer, lr, Map.of());
        }

        public State(FeedForwardNet net, int iteration, long seed, History history) {
            this(net, iteration, seed, history, null, Double.NaN);
        }
    }

    /** The prefix of a schedule's state: {@code grad4j_schedule.best}. */
    static final String SCHEDULE = "grad4j_schedule.";

    /** The prefix of the optimizer-state arrays: {@code grad4j_optim.exp_avg.W1}, {@code grad4j_optim.t}. */
    static final String OPTIM = "grad4j_optim.";

    static void write(Path file, org.grad4j.nn.module.Module net, int iteration, long seed, History h) throws IOException {
        write(file, net, null, null, iteration, seed, h);
    }

    /** Whether a state slot holds one array per parameter (else it is a counter {@code {{t}}}; a 1-element model reads either way alike). */
    private static boolean perParameter(double[][] slot, java.util.List<String> names,
            Map<String, org.grad4j.autograd.Tensor> params) {
        if (slot.length != names.size()) {
            return false;
        }
        for (int i = 0; i < slot.length; i++) {
            if (slot[i].length != params.get(names.get(i)).size()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the module's parameters and buffers, the history, and the optimizer's state by
     * parameter name ({@code names} in the optimizer's positional order): slot {@code s} of
     * parameter {@code W1} as {@code grad4j_optim.s.W1}, a counter as {@code grad4j_optim.t}; and the
     * state of {@code schedule} (null for none) as {@code grad4j_schedule.NAME}.
     */
    static void write(Path file, org.grad4j.nn.module.Module net, org.grad4j.optim.Optimizer optimizer,
            org.grad4j.optim.schedule.Schedule schedule, int iteration, long seed, History h) throws IOException {
        Map<String, NdArray> extra = new LinkedHashMap<>();
        if (optimizer != null) {
            java.util.List<String> names = new java.util.ArrayList<>(net.namedParameters().keySet());
            var params = net.namedParameters();
            for (var e : optimizer.state().entrySet()) {
                double[][] slot = e.getValue();
                if (perParameter(slot, names, params)) {
                    for (int i = 0; i < slot.length; i++) {
                        int[] shape = params.get(names.get(i)).shape();
                        extra.put(OPTIM + e.getKey() + "." + names.get(i), new NdArray(slot[i].clone(), shape.clone()));
                    }
                } else {
                    extra.put(OPTIM + e.getKey(), NdArray.vector(slot[0].clone()));
                }
            }
            extra.put("grad4j_lr", NdArray.vector(new double[] {optimizer.lr()}));
        }
        extra.put("grad4j_iteration", NdArray.vector(new double[] {iteration}));
        extra.put("grad4j_seed", NdArray.vector(new double[] {seed}));
        extra.put("grad4j_loss", NdArray.vector(h.loss()));
        extra.put("grad4j_eval_iteration", NdArray.vector(toDouble(h.evalIterations())));
        extra.put("grad4j_train_accuracy", NdArray.vector(h.trainAccuracy()));
        extra.put("grad4j_test_accuracy", NdArray.vector(h.testAccuracy()));
        if (h.task() == org.grad4j.data.Task.REGRESSION) {
            for (History.Metric m : h.metrics()) {
                extra.put("grad4j_" + m.key(), NdArray.vector(h.values(m)));
            }
        }
        if (schedule != null) {
            for (var e : schedule.state().entrySet()) {
                extra.put(SCHEDULE + e.getKey(), NdArray.vector(new double[] {e.getValue()}));
            }
        }
        ModelFile.save(file, net, extra);
    }

    /**
     * Reads a checkpoint written by {@link Trainer} into {@code module} (its parameters and buffers,
     * by name); the returned state has no network.
     */
    public static State readInto(Path file, org.grad4j.nn.module.Module module) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + ": no checkpoint to resume from");
        }
        Map<String, NdArray> a = Npz.read(file);
        Map<String, org.grad4j.autograd.Tensor> state = new LinkedHashMap<>();
        for (var e : module.stateDict().entrySet()) {
            NdArray arr = a.get(e.getKey());
            if (arr == null) {
                throw new IllegalArgumentException(file + ": no array '" + e.getKey() + "' for this model");
            }
            state.put(e.getKey(), org.grad4j.autograd.Tensor.wrap(arr.data(), arr.shape()));
        }
        module.loadStateDict(state);
        State s = history(file, a);
        return withOptimizer(file, a, module, s);
    }

    /** {@code s} with the optimizer state and learning rate stored in {@code a} for {@code module}'s parameter names. */
    private static State withOptimizer(Path file, Map<String, NdArray> a, org.grad4j.nn.module.Module module, State s) {
        java.util.List<String> names = new java.util.ArrayList<>(module.namedParameters().keySet());
        Map<String, double[][]> optim = new LinkedHashMap<>();
        for (var e : a.entrySet()) {
            if (!e.getKey().startsWith(OPTIM)) {
                continue;
            }
            String rest = e.getKey().substring(OPTIM.length());
            int dot = rest.indexOf('.');
            if (dot < 0) {
                optim.put(rest, new double[][] {e.getValue().data()});
                continue;
            }
            String slot = rest.substring(0, dot);
            int i = names.indexOf(rest.substring(dot + 1));
            if (i < 0) {
                throw new IllegalArgumentException(file + ": optimizer state " + e.getKey() + " names no parameter of "
                        + "this model (" + names + ")");
            }
            optim.computeIfAbsent(slot, k -> new double[names.size()][])[i] = e.getValue().data();
        }
        for (var e : optim.entrySet()) {
            for (int i = 0; i < e.getValue().length; i++) {
                if (e.getValue()[i] == null) {
                    throw new IllegalArgumentException(file + ": optimizer state " + e.getKey() + " has no array for "
                            + names.get(i));
                }
            }
        }
        NdArray lr = a.get("grad4j_lr");
        Map<String, Double> schedule = new LinkedHashMap<>();
        for (var e : a.entrySet()) {
            if (e.getKey().startsWith(SCHEDULE)) {
                schedule.put(e.getKey().substring(SCHEDULE.length()), scalar(file.toString(), a, e.getKey()));
            }
        }
        return new State(s.net(), s.iteration(), s.seed(), s.history(), lr == null ? null : optim,
                lr == null ? Double.NaN : lr.data()[0], schedule);
    }

    private static State history(Path file, Map<String, NdArray> a) {
        for (String k : new String[] {"grad4j_iteration", "grad4j_seed", "grad4j_loss", "grad4j_eval_iteration",
            "grad4j_train_accuracy", "grad4j_test_accuracy"}) {
            if (!a.containsKey(k)) {
                throw new IllegalArgumentException(file + ": not a grad4j checkpoint (missing array '" + k + "')");
            }
        }
        int iteration = (int) a.get("grad4j_iteration").data()[0];
        long seed = (long) a.get("grad4j_seed").data()[0];
        double[] loss = a.get("grad4j_loss").data();
        if (loss.length != iteration) {
            throw new IllegalArgumentException(file + ": grad4j_loss has " + loss.length + " entries for iteration " + iteration);
        }
        double[] ev = a.get("grad4j_eval_iteration").data();
        int[] evi = new int[ev.length];
        for (int i = 0; i < ev.length; i++) {
            evi[i] = (int) ev[i];
        }
        History h;
        if (a.containsKey("grad4j_" + History.Metric.TEST_MSE.key())) {
            Map<History.Metric, double[]> values = new java.util.EnumMap<>(History.Metric.class);
            for (History.Metric m : History.Metric.of(org.grad4j.data.Task.REGRESSION)) {
                NdArray v = a.get("grad4j_" + m.key());
                if (v == null) {
                    throw new IllegalArgumentException(file + ": a regression checkpoint without grad4j_" + m.key());
                }
                values.put(m, v.data());
            }
            try {
                h = History.of(org.grad4j.data.Task.REGRESSION, loss, evi, values, iteration);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        } else {
            h = History.of(loss, evi, a.get("grad4j_train_accuracy").data(), a.get("grad4j_test_accuracy").data(),
                    iteration);
        }
        return new State(null, iteration, seed, h);
    }

    /** Reads a checkpoint written by {@link Trainer}. */
    public static State read(Path file, Activation activation) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + ": no checkpoint to resume from");
        }
        Map<String, NdArray> a = Npz.read(file);
        for (String k : new String[] {"grad4j_iteration", "grad4j_seed", "grad4j_loss", "grad4j_eval_iteration",
            "grad4j_train_accuracy", "grad4j_test_accuracy"}) {
            if (!a.containsKey(k)) {
                throw new IllegalArgumentException(file + ": not a grad4j checkpoint (missing array '" + k + "')");
            }
        }
        FeedForwardNet net = ModelFile.fromArrays(file.toString(), a, activation);
        String f = file.toString();
        int iteration = (int) whole(f, "grad4j_iteration", scalar(f, a, "grad4j_iteration"), 0, Integer.MAX_VALUE);
        long seed = (long) whole(f, "grad4j_seed", scalar(f, a, "grad4j_seed"), -0x1p63, 0x1p63);
        double[] loss = a.get("grad4j_loss").data();
        if (loss.length != iteration) {
            throw new IllegalArgumentException(file + ": grad4j_loss has " + loss.length + " entries for iteration " + iteration);
        }
        for (int i = 0; i < loss.length; i++) {
            if (!Double.isFinite(loss[i])) {
                throw new IllegalArgumentException(file + ": grad4j_loss[" + i + "] = " + loss[i]
                        + " (a checkpoint holds finite losses only)");
            }
        }
        double[] ev = a.get("grad4j_eval_iteration").data();
        double[] train = a.get("grad4j_train_accuracy").data();
        double[] test = a.get("grad4j_test_accuracy").data();
        if (train.length != ev.length || test.length != ev.length) {
            throw new IllegalArgumentException(file + ": grad4j_eval_iteration has " + ev.length
                    + " entries, grad4j_train_accuracy " + train.length + ", grad4j_test_accuracy " + test.length
                    + " (expected the same number)");
        }
        int[] evi = new int[ev.length];
        for (int i = 0; i < ev.length; i++) {
            evi[i] = (int) whole(f, "grad4j_eval_iteration[" + i + "]", ev[i], i == 0 ? 0 : evi[i - 1] + 1, iteration);
            accuracy(f, "grad4j_train_accuracy[" + i + "]", train[i]);
            accuracy(f, "grad4j_test_accuracy[" + i + "]", test[i]);
        }
        History h = History.of(loss, evi, train, test, iteration);
        return withOptimizer(file, a, net.asModule(), new State(net, iteration, seed, h));
    }

    /** The one value of a scalar array, or an error naming it. */
    private static double scalar(String file, Map<String, NdArray> a, String key) {
        double[] d = a.get(key).data();
        if (d.length != 1) {
            throw new IllegalArgumentException(file + ": " + key + " has " + d.length + " entries, expected 1");
        }
        return d[0];
    }

    /** v checked to be a whole number in [lo, hi]. */
    private static double whole(String file, String key, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi) || v != Math.rint(v)) {
            throw new IllegalArgumentException(file + ": " + key + " = " + v + ", expected a whole number in ["
                    + (long) lo + ", " + (long) hi + "]");
        }
        return v;
    }

    private static void accuracy(String file, String key, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(file + ": " + key + " = " + v + ", expected an accuracy in [0, 1]");
        }
    }

    private static double[] toDouble(int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
