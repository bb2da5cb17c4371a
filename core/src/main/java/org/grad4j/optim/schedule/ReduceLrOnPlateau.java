package org.grad4j.optim.schedule;

import org.grad4j.optim.Hyper;

/**
 * {@code torch.optim.lr_scheduler.ReduceLROnPlateau} (PyTorch 1.13): multiplies lr by {@code factor}
 * when the metric has not improved for more than {@code patience} epochs.
 *
 * <pre>{@code
 * better(a)  = a < best * (1 - threshold)     (mode min, relative threshold; torch's default)
 *              a < best - threshold           (mode min, absolute)
 *              a > best * (1 + threshold)     (mode max, relative)   a > best + threshold (max, absolute)
 * each epoch: if better(metric) { best = metric; bad = 0 } else bad++
 *             if cooldownLeft > 0 { cooldownLeft--; bad = 0 }
 *             if bad > patience { lr = max(lr * factor, minLr) unless that changes lr by <= 1e-8;
 *                                 cooldownLeft = cooldown; bad = 0 }
 * }</pre>
 *
 * <p>Stateful: call {@link #lr(int, double, double, double)} once per epoch in order (epoch 0 returns
 * {@code baseLr} and ignores the metric), {@link #reset()} before reuse. {@link #state()} holds
 * {@code best}, {@code num_bad_epochs}, {@code cooldown_counter}, {@code last_epoch} and
 * {@code last_lr} (torch's names), which {@link #loadState} restores to continue a run exactly.
 */
public final class ReduceLrOnPlateau implements Schedule {

    /** torch's {@code eps}: reductions smaller than this are ignored. */
    public static final double EPS = 1e-8;

    /** Whether smaller ({@code MIN}) or larger ({@code MAX}) metrics are better. */
    public enum Mode { MIN, MAX }

    /** Hyperparameters with torch's defaults in {@link #defaults()}. */
    public record Options(Mode mode, double factor, int patience, double threshold, boolean relativeThreshold,
                          int cooldown, double minLr) {
        public Options {
            if (mode == null) {
                throw new IllegalArgumentException("mode must be min or max");
            }
            if (!(factor < 1.0) || !(factor >= 0)) {
                throw new IllegalArgumentException("Factor should be < 1.0, got " + Hyper.repr(factor));
            }
            if (patience < 0) {
                throw new IllegalArgumentException("Invalid patience value: " + patience);
            }
            Hyper.nonNegative("threshold", threshold);
            if (cooldown < 0) {
                throw new IllegalArgumentException("Invalid cooldown value: " + cooldown);
            }
            Hyper.nonNegative("min_lr", minLr);
        }

        /** mode min, factor 0.1, patience 10, threshold 1e-4 relative, cooldown 0, min_lr 0. */
        public static Options defaults() {
            return new Options(Mode.MIN, 0.1, 10, 1e-4, true, 0, 0);
        }

        /** The defaults with another factor and patience. */
        public static Options of(double factor, int patience) {
            return new Options(Mode.MIN, factor, patience, 1e-4, true, 0, 0);
        }
    }

    private final Options options;
    private double best;
    private int bad;
    private int cooldownLeft;
    private int lastEpoch;
    private double lastLr;

    public ReduceLrOnPlateau() {
        this(Options.defaults());
    }

    public ReduceLrOnPlateau(Options options) {
        this.options = options;
        reset();
    }

    public Options options() {
        return options;
    }

    @Override
    public double lr(int epoch, double baseLr, double currentLr, double metric) {
        lastEpoch = epoch;
        if (epoch == 0) {
            lastLr = baseLr;
            return baseLr;
        }
        if (better(metric)) {
            best = metric;
            bad = 0;
        } else {
            bad++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            bad = 0;
        }
        double lr = currentLr;
        if (bad > options.patience()) {
            double reduced = Math.max(currentLr * options.factor(), options.minLr());
            if (currentLr - reduced > EPS) {
                lr = reduced;
            }
            cooldownLeft = options.cooldown();
            bad = 0;
        }
        lastLr = lr;
        return lr;
    }

    private boolean better(double a) {
        double t = options.threshold();
        if (options.mode() == Mode.MIN) {
            return options.relativeThreshold() ? a < best * (1 - t) : a < best - t;
        }
        return options.relativeThreshold() ? a > best * (t + 1) : a > best + t;
    }

    @Override
    public void reset() {
        best = options.mode() == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        bad = 0;
        cooldownLeft = 0;
        lastEpoch = 0;
        lastLr = Double.NaN;
    }

    /** The names of {@link #state()}. */
    static final java.util.List<String> STATE = java.util.List.of("best", "num_bad_epochs", "cooldown_counter",
            "last_epoch", "last_lr");

    @Override
    public java.util.Map<String, Double> state() {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put("best", best);
        m.put("num_bad_epochs", (double) bad);
        m.put("cooldown_counter", (double) cooldownLeft);
        m.put("last_epoch", (double) lastEpoch);
        m.put("last_lr", lastLr);
        return m;
    }

    @Override
    public void loadState(java.util.Map<String, Double> state) {
        for (String k : state.keySet()) {
            if (!STATE.contains(k)) {
                throw new IllegalArgumentException("ReduceLROnPlateau state: unknown entry '" + k + "' (expected "
                        + String.join(", ", STATE) + ")");
            }
        }
        for (String k : STATE) {
            if (!state.containsKey(k)) {
                throw new IllegalArgumentException("ReduceLROnPlateau state: no entry '" + k + "' (got "
                        + String.join(", ", state.keySet()) + ")");
            }
        }
        best = state.get("best");
        bad = count(state, "num_bad_epochs");
        cooldownLeft = count(state, "cooldown_counter");
        lastEpoch = count(state, "last_epoch");
        lastLr = state.get("last_lr");
    }

    private static int count(java.util.Map<String, Double> state, String k) {
        double v = state.get(k);
        if (!(v >= 0 && v <= Integer.MAX_VALUE) || v != Math.rint(v)) {
            throw new IllegalArgumentException("ReduceLROnPlateau state: " + k + " = " + v
                    + ", expected a whole number >= 0");
        }
        return (int) v;
    }
}
