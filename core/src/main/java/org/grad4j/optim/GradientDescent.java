package org.grad4j.optim;

import java.util.ArrayList;
import java.util.List;
import org.grad4j.diff.MultivariateFunction;
import org.grad4j.optim.schedule.Schedule;

/**
 * Gradient descent on a function of several variables, the book's {@code gradient_descent} (ch. 4.4.1)
 * generalised to any {@link Optimizer}, schedule and gradient clipping. The start point is not modified.
 *
 * <p>Each step {@code t = 0, 1, ...}: set lr from the schedule (epoch {@code t}, metric f(x_t)); stop
 * with {@link Status#CONVERGED} if {@code tolerance > 0} and {@code ||g(x_t)|| <= tolerance}; clip a
 * scratch copy of the gradient if {@code clipNorm} is finite (the gradient arrays written by the
 * function are never handed to the optimizer modified); {@code optimizer.step}. With the default
 * {@code new Sgd(lr)} the update is {@code x[i] -= lr * g[i]}, bit for bit the book's.
 *
 * <p><b>Divergence rule.</b> The run is declared {@link Status#DIVERGED} at the first point x_t where
 * f(x_t) or a coordinate of x_t is not finite, or where
 * {@code f(x_t) > f(x_0) + BLOW_UP * max(1, |f(x_0)|)} with {@code BLOW_UP = 1e8}.
 * {@link Trajectory#statusStep()} is then the first step of the run of consecutive increases of f
 * that ended at x_t (or t itself for a non-finite value). The status stays DIVERGED even if later values
 * settle (a numerical gradient of a huge f often rounds to zero, which freezes x). All steps are taken
 * unless {@code stopOnDivergence}.
 */
public final class GradientDescent {

    /** Growth of f over f(x_0), relative to max(1, |f(x_0)|), that counts as divergence. */
    public static final double BLOW_UP = 1e8;

    /**
     * Options of a run.
     *
     * @param lr               the base learning rate (set on the optimizer at the start)
     * @param steps            the number of steps, >= 0
     * @param tolerance        stop when the gradient norm is at most this; 0 disables the test
     * @param stopOnDivergence stop at the step where divergence is detected
     * @param schedule         lr schedule, one epoch per step, or null for a constant lr
     * @param clipNorm         clip the gradient to this global norm before each step; +infinity disables
     */
    public record Options(double lr, int steps, double tolerance, boolean stopOnDivergence, Schedule schedule,
                          double clipNorm) {
        public Options {
            Hyper.lr(lr);
            if (steps < 0) {
                throw new IllegalArgumentException("Invalid steps value: " + steps);
            }
            Hyper.nonNegative("tolerance", tolerance);
            if (!(clipNorm > 0)) {
                throw new IllegalArgumentException("Invalid max_norm value: " + Hyper.repr(clipNorm));
            }
        }

        /** lr and steps; no tolerance, no early stop, constant lr, no clipping. */
        public static Options of(double lr, int steps) {
            return new Options(lr, steps, 0, false, null, Double.POSITIVE_INFINITY);
        }

        public Options withTolerance(double tolerance) {
            return new Options(lr, steps, tolerance, stopOnDivergence, schedule, clipNorm);
        }

        public Options withStopOnDivergence(boolean stop) {
            return new Options(lr, steps, tolerance, stop, schedule, clipNorm);
        }

        public Options withSchedule(Schedule schedule) {
            return new Options(lr, steps, tolerance, stopOnDivergence, schedule, clipNorm);
        }

        public Options withClipNorm(double clipNorm) {
            return new Options(lr, steps, tolerance, stopOnDivergence, schedule, clipNorm);
        }
    }

    private GradientDescent() {
    }

    /** Runs plain SGD ({@code new Sgd(options.lr())}) on {@code f} with its own gradient. */
    public static Trajectory run(DifferentiableFunction f, double[] x0, Options options) {
        return run(f, x0, options, new Sgd(options.lr()));
    }

    /** Runs plain SGD on {@code f} with the gradient given by {@code gradient} (exact or numerical). */
    public static Trajectory run(MultivariateFunction f, GradientProvider gradient, double[] x0, Options options) {
        return run(combine(f, gradient), x0, options);
    }

    /** Runs {@code optimizer} on {@code f} with the gradient given by {@code gradient}. */
    public static Trajectory run(MultivariateFunction f, GradientProvider gradient, double[] x0, Options options,
                                 Optimizer optimizer) {
        return run(combine(f, gradient), x0, options, optimizer);
    }

    /** A {@link DifferentiableFunction} from a function and a separate gradient. */
    public static DifferentiableFunction combine(MultivariateFunction f, GradientProvider gradient) {
        return (x, grad) -> {
            gradient.gradient(x, grad);
            return f.value(x);
        };
    }

    /** Path entries allocated up front; the arrays double as the run goes. */
    private static final int INITIAL_CAPACITY = 1024;

    /**
     * Runs {@code optimizer} on {@code f} from {@code x0} (not modified). The optimizer is
     * {@link Optimizer#reset() reset} and its lr set to {@code options.lr()} first.
     */
    public static Trajectory run(DifferentiableFunction f, double[] x0, Options options, Optimizer optimizer) {
        int n = x0.length;
        int steps = options.steps();
        optimizer.reset();
        optimizer.setLr(options.lr());
        Schedule schedule = options.schedule();
        if (schedule != null) {
            schedule.reset();
        }
        boolean clip = options.clipNorm() != Double.POSITIVE_INFINITY;
        // the path grows as the run goes (a run may stop long before its last step)
        int capacity = (int) Math.min(steps + 1L, INITIAL_CAPACITY);
        List<double[]> points = new ArrayList<>(capacity);
        double[] values = new double[capacity];
        double[] gradNorms = new double[capacity];
        List<String> warnings = new ArrayList<>();

        double[] x = x0.clone();
        double[] g = new double[n];
        double[][] params = {x};
        double[][] grads = {g};
        double[][] clipped = clip ? new double[][] {new double[n]} : null;

        values[0] = f.valueAndGradient(x.clone(), g);
        gradNorms[0] = norm(g);
        points.add(x.clone());
        Status status = Status.MAX_STEPS;
        int statusStep = -1;
        int increaseStart = 1;
        boolean nonFiniteGradWarned = false;
        boolean stallWarned = false;
        if (!finite(values[0], x)) {
            status = Status.DIVERGED;
            statusStep = 0;
            warnings.add("f(x_0) or x_0 is not finite: f = " + values[0]);
        }
        int t = 0;
        for (; t < steps; t++) {
            if (status == Status.DIVERGED && options.stopOnDivergence()) {
                break;
            }
            if (options.tolerance() > 0 && gradNorms[t] <= options.tolerance()) {
                status = Status.CONVERGED;
                statusStep = t;
                break;
            }
            if (schedule != null) {
                double metric = t == 0 ? Double.NaN : values[t];
                optimizer.setLr(schedule.lr(t, options.lr(), optimizer.lr(), metric));
            }
            if (!nonFiniteGradWarned && !Double.isFinite(gradNorms[t])) {
                warnings.add("step " + t + ": the gradient is not finite (||g|| = " + gradNorms[t] + ")");
                nonFiniteGradWarned = true;
            }
            double[] before = points.get(t);
            if (clip) {
                ClipNorm.clip(grads, options.clipNorm(), clipped);
                optimizer.step(params, clipped);
            } else {
                optimizer.step(params, grads);
            }
            int next = t + 1;
            if (next == values.length) {
                int grown = (int) Math.min(2L * values.length, steps + 1L);
                values = java.util.Arrays.copyOf(values, grown);
                gradNorms = java.util.Arrays.copyOf(gradNorms, grown);
            }
            values[next] = f.valueAndGradient(x.clone(), g);
            gradNorms[next] = norm(g);
            points.add(x.clone());
            if (!stallWarned && gradNorms[t] > 0 && optimizer.lr() > 0 && java.util.Arrays.equals(before, x)) {
                warnings.add("step " + t + ": x did not change although ||g|| = " + gradNorms[t]
                        + " (the update is below the floating-point resolution of x)");
                stallWarned = true;
            }
            if (!(values[next] > values[t])) {
                increaseStart = next + 1;
            }
            if (status != Status.DIVERGED) {
                if (!finite(values[next], x)) {
                    status = Status.DIVERGED;
                    statusStep = next;
                    warnings.add("diverged: f or x became non-finite at step " + next + " (f = " + values[next] + ")");
                } else if (values[next] > values[0] + BLOW_UP * Math.max(1, Math.abs(values[0]))) {
                    status = Status.DIVERGED;
                    statusStep = increaseStart;
                    warnings.add("diverged: f grew from " + values[0] + " to " + values[next] + " by step " + next
                            + ", increasing since step " + statusStep);
                }
            }
        }
        if (status == Status.MAX_STEPS && options.tolerance() > 0 && gradNorms[t] <= options.tolerance()) {
            status = Status.CONVERGED;
            statusStep = t;
        }
        if (status == Status.MAX_STEPS) {
            statusStep = t;
        }
        int rows = t + 1;
        return new Trajectory(points.toArray(new double[0][]), java.util.Arrays.copyOf(values, rows),
                java.util.Arrays.copyOf(gradNorms, rows), status, statusStep, warnings);
    }

    private static boolean finite(double value, double[] x) {
        if (!Double.isFinite(value)) {
            return false;
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double norm(double[] g) {
        double s = 0;
        for (double v : g) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
