package org.grad4j.spark;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grad4j.optim.Optimizer;
import org.grad4j.optim.Optimizers;

/**
 * An optimizer by name and options ({@link Optimizers#create}), small enough to ship to executors,
 * which build their own; and the optimizer's state (momentum buffers, Adam's moments and step
 * count) as plain arrays, so that {@code average} mode can average it with the weights.
 *
 * <p>The state is read from the optimizer's fields by reflection: every instance field that is not
 * final and holds a {@code double[][]} (a slot per parameter array) or a {@code long} (a step
 * count). The optimizers of {@code org.grad4j.optim} keep all their state in such fields; the
 * learning rate ({@code lr}) is set from the driver instead.
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
     * An optimizer's state: the slot arrays (null until its first step) and the step counts, in
     * the order of {@link #fields}.
     */
    record State(double[][][] slots, long[] counts) implements Serializable {}

    /** The state fields of {@code o}'s class: slot arrays first, then counts. */
    private static List<Field> fields(Optimizer o) {
        List<Field> slots = new ArrayList<>();
        List<Field> counts = new ArrayList<>();
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isFinal(m)) {
                    continue;
                }
                if (f.getType() == double[][].class) {
                    slots.add(f);
                } else if (f.getType() == long.class) {
                    counts.add(f);
                }
            }
        }
        List<Field> all = new ArrayList<>(slots);
        all.addAll(counts);
        for (Field f : all) {
            f.setAccessible(true);
        }
        return all;
    }

    /** A copy of {@code o}'s state. */
    static State capture(Optimizer o) {
        List<Field> fs = fields(o);
        List<double[][]> slots = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        try {
            for (Field f : fs) {
                if (f.getType() == long.class) {
                    counts.add(f.getLong(o));
                } else {
                    slots.add(deepCopy((double[][]) f.get(o)));
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the state of " + o.getClass().getName(), e);
        }
        return new State(slots.toArray(new double[0][][]), counts.stream().mapToLong(Long::longValue).toArray());
    }

    /** Sets {@code o}'s state to a copy of {@code s} (captured from an optimizer of the same class). */
    static void restore(Optimizer o, State s) {
        List<Field> fs = fields(o);
        int slot = 0;
        int count = 0;
        try {
            for (Field f : fs) {
                if (f.getType() == long.class) {
                    f.setLong(o, s.counts()[count++]);
                } else {
                    f.set(o, deepCopy(s.slots()[slot++]));
                }
            }
        } catch (IllegalAccessException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("cannot set the state of " + o.getClass().getName(), e);
        }
    }

    static double[][] deepCopy(double[][] a) {
        if (a == null) {
            return null;
        }
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
