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
 * {@code grad4j_eval_iteration}, {@code grad4j_train_accuracy}, {@code grad4j_test_accuracy}).
 * Written atomically, so a process killed at any moment leaves the previous checkpoint intact.
 *
 * <p>Optimizer state (momentum, Adam's moments) is not stored: resuming is exact for plain SGD, the
 * book's optimizer, and restarts the state of the others.
 */
public final class Checkpoint {
    private Checkpoint() {}

    /** What a checkpoint restores. */
    public record State(FeedForwardNet net, int iteration, long seed, History history) {}

    static void write(Path file, org.grad4j.nn.module.Module net, int iteration, long seed, History h) throws IOException {
        Map<String, NdArray> extra = new LinkedHashMap<>();
        extra.put("grad4j_iteration", NdArray.vector(new double[] {iteration}));
        extra.put("grad4j_seed", NdArray.vector(new double[] {seed}));
        extra.put("grad4j_loss", NdArray.vector(h.loss()));
        extra.put("grad4j_eval_iteration", NdArray.vector(toDouble(h.evalIterations())));
        extra.put("grad4j_train_accuracy", NdArray.vector(h.trainAccuracy()));
        extra.put("grad4j_test_accuracy", NdArray.vector(h.testAccuracy()));
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
        return new State(null, s.iteration(), s.seed(), s.history());
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
        History h = History.of(loss, evi, a.get("grad4j_train_accuracy").data(), a.get("grad4j_test_accuracy").data(), iteration);
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
        return new State(net, iteration, seed, h);
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
