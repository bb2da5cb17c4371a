package org.grad4j.optim;

/**
 * How a gradient-descent run behaved, for learning-rate sweeps. {@link #classify} applies, in order:
 *
 * <ol>
 * <li>{@link #DIVERGED}: the trajectory's status is {@link Status#DIVERGED}, the last point is not finite,
 *     or it ends farther from the minimum than it started ({@code d_T > d_0 (1 + 1e-9)});</li>
 * <li>{@link #CONVERGED}: the status is {@link Status#CONVERGED}, or {@code d_T <= closeFraction * d_0};</li>
 * <li>{@link #OSCILLATING}: in the second half of the run, at least half of the consecutive steps
 *     {@code s_t = x_{t+1} - x_t} reverse direction ({@code s_t . s_{t-1} < 0}) and the step length has not
 *     decreased: {@code ||s_last|| >= ||s_mid||} (mid = first step of the second half);</li>
 * <li>{@link #TOO_SLOW}: otherwise: it moved less than {@code 1 - closeFraction} of the way toward the minimum.</li>
 * </ol>
 * {@code d_t = ||x_t - x*||} with the known minimiser {@code x*}.
 */
public enum Behaviour {
    CONVERGED("converged"), TOO_SLOW("too-slow"), OSCILLATING("oscillating"), DIVERGED("diverged");

    /** Default {@code closeFraction}: converged once within 0.1 % of the starting distance. */
    public static final double CLOSE_FRACTION = 1e-3;

    private final String label;

    Behaviour(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** {@link #classify(Trajectory, double[], double)} with {@link #CLOSE_FRACTION}. */
    public static Behaviour classify(Trajectory t, double[] minimum) {
        return classify(t, minimum, CLOSE_FRACTION);
    }

    /** Classifies {@code t} by the rule above; {@code closeFraction} in (0, 1). */
    public static Behaviour classify(Trajectory t, double[] minimum, double closeFraction) {
        if (!(closeFraction > 0 && closeFraction < 1)) {
            throw new IllegalArgumentException("closeFraction must be in (0, 1), got " + closeFraction);
        }
        double[][] x = t.points();
        if (minimum.length != x[0].length) {
            throw new IllegalArgumentException("minimum has " + minimum.length + " coordinates but the points have "
                    + x[0].length);
        }
        double d0 = distance(x[0], minimum);
        double dT = distance(t.last(), minimum);
        if (t.status() == Status.DIVERGED || !Double.isFinite(dT) || dT > d0 * (1 + 1e-9)) {
            return DIVERGED;
        }
        if (t.status() == Status.CONVERGED || dT <= closeFraction * d0) {
            return CONVERGED;
        }
        int steps = x.length - 1;
        int mid = steps / 2;
        if (steps >= 2) {
            int flips = 0;
            int pairs = 0;
            for (int s = Math.max(1, mid); s < steps; s++) {
                double dot = 0;
                for (int j = 0; j < minimum.length; j++) {
                    dot += (x[s + 1][j] - x[s][j]) * (x[s][j] - x[s - 1][j]);
                }
                pairs++;
                if (dot < 0) {
                    flips++;
                }
            }
            double firstLen = distance(x[Math.max(1, mid) + 1], x[Math.max(1, mid)]);
            double lastLen = distance(x[steps], x[steps - 1]);
            if (2 * flips >= pairs && lastLen >= firstLen && lastLen > 0) {
                return OSCILLATING;
            }
        }
        return TOO_SLOW;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
