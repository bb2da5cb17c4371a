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
 * count), in the optimizer and in the optimizers it wraps (final fields of an optimizer type). The optimizers of {@code org.grad4j.optim} keep all their state in such fields; the
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

    /** A state field of an optimizer or of one it delegates to. */
    private record Slot(Object owner, Field field) {}

    /**
     * The state fields of {@code o} and of the optimizers it delegates to (final fields holding an
     * {@link Optimizer}, as {@code AdamW} holds an {@code Adam}): slot arrays first, then counts.
     */
    private static List<Slot> fields(Optimizer o) {
        List<Slot> slots = new ArrayList<>();
        List<Slot> counts = new ArrayList<>();
        collect(o, slots, counts);
        List<Slot> all = new ArrayList<>(slots);
        all.addAll(counts);
        return all;
    }

    private static void collect(Object o, List<Slot> slots, List<Slot> counts) {
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m)) {
                    continue;
                }
                f.setAccessible(true);
                if (Modifier.isFinal(m)) {
                    if (Optimizer.class.isAssignableFrom(f.getType())) {
                        try {
                            collect(f.get(o), slots, counts);
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException("cannot read " + f, e);
                        }
                    }
                } else if (f.getType() == double[][].class) {
                    slots.add(new Slot(o, f));
                } else if (f.getType() == long.class) {
                    counts.add(new Slot(o, f));
                }
            }
        }
    }

    /** A copy of {@code o}'s state. */
    static State capture(Optimizer o) {
        List<double[][]> slots = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        try {
            for (Slot f : fields(o)) {
                if (f.field().getType() == long.class) {
                    counts.add(f.field().getLong(f.owner()));
                } else {
                    slots.add(deepCopy((double[][]) f.field().get(f.owner())));
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the state of " + o.getClass().getName(), e);
        }
        return new State(slots.toArray(new double[0][][]), counts.stream().mapToLong(Long::longValue).toArray());
    }

    /** Sets {@code o}'s state to a copy of {@code s} (captured from an optimizer of the same class). */
    static void restore(Optimizer o, State s) {
        int slot = 0;
        int count = 0;
        try {
            for (Slot f : fields(o)) {
                if (f.field().getType() == long.class) {
                    f.field().setLong(f.owner(), s.counts()[count++]);
                } else {
                    f.field().set(f.owner(), deepCopy(s.slots()[slot++]));
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
