package org.grad4j.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.grad4j.optim.Optimizer;
import org.grad4j.optim.Optimizers;

/**
 * An optimizer by name and options ({@link Optimizers#create}), small enough to ship to executors,
 * which build their own. Its state travels as {@link Optimizer#state()} gives it and
 * {@link Optimizer#loadState} takes it back (the slots checkpoints hold): per-parameter slots
 * (momentum buffers, Adam's moments), one array per parameter array, and counters such as Adam's
 * step count {@code t}, stored as {@code {{t}}}.
 *
 * @param name    the optimizer's name ({@code sgd}, {@code adam}, ...)
 * @param options its options, torch's names
 */
record OptimizerSpec(String name, Map<String, Double> options) implements Serializable {

    OptimizerSpec {
        options = new LinkedHashMap<>(options);
        Optimizers.create(name, options); // validates, with the optimizers' own messages
    }

    Optimizer create() {
        return Optimizers.create(name, options);
    }

    /**
     * Whether state entry {@code slot} holds one array per parameter array, of the same lengths
     * ({@code params}): such entries are averaged, the others (counters) are not. A model of a single
     * one-element parameter makes the two look alike; its counter is then averaged, which changes
     * nothing, as every partition takes the same number of steps from the same state.
     */
    static boolean perParameter(double[][] slot, double[][] params) {
        if (slot.length != params.length) {
            return false;
        }
        for (int i = 0; i < slot.length; i++) {
            if (slot[i].length != params[i].length) {
                return false;
            }
        }
        return true;
    }
}
