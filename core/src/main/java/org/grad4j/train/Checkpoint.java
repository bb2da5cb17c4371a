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
        return new State(net, iteration, seed, h);
    }

    private static double[] toDouble(int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
