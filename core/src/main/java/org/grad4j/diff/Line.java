package org.grad4j.diff;

/**
 * f restricted to the line through a point along one coordinate, {@code t -> f(x_1, .., t, .., x_n)},
 * with m outputs (m = 1 for a scalar f). Package-private plumbing shared by the difference schemes.
 */
@FunctionalInterface
interface Line {
    /** Returns the m values of f at coordinate value {@code t}, as a new array. */
    double[] at(double t);
}
