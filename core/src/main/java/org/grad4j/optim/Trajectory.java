package org.grad4j.optim;

import java.util.List;

/**
 * The path of a gradient-descent run.
 *
 * @param points      the iterates x_0 (the start), x_1, ..., one row per point: {@code steps + 1} rows
 *                    when all steps were taken, fewer when the run stopped early
 * @param values      f at each point
 * @param gradNorms   the 2-norm of the gradient at each point (before clipping)
 * @param status      how the run ended
 * @param statusStep  for {@link Status#CONVERGED} the index of the point whose gradient met the
 *                    tolerance; for {@link Status#DIVERGED} the step where the values started to blow
 *                    up (the first of the increases that led to the blow-up) or became non-finite; for
 *                    {@link Status#MAX_STEPS} the number of steps taken
 * @param warnings    human-readable notes (non-finite gradient, stalled iterates, divergence details)
 */
public record Trajectory(double[][] points, double[] values, double[] gradNorms, Status status, int statusStep,
                         List<String> warnings) {

    public Trajectory {
        warnings = List.copyOf(warnings);
    }

    /** The number of steps taken (rows minus one). */
    public int steps() {
        return points.length - 1;
    }

    /** The last point (not a copy). */
    public double[] last() {
        return points[points.length - 1];
    }

    /** f at the last point. */
    public double lastValue() {
        return values[values.length - 1];
    }
}
