package org.grad4j.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * An affine map of each feature, fitted once and recorded, so that a model file can carry it and
 * apply the same map to the inputs it is asked to predict:
 * <pre>{@code x'[j] = (x[j] - shift[j]) / scale[j]}</pre>
 *
 * <ul>
 *   <li>{@link Kind#NONE}: features as they are ({@code shift = 0, scale = 1});
 *   <li>{@link Kind#DIVIDE}: the book's pixels, {@code x / 255} ({@code shift = 0, scale = 255});
 *   <li>{@link Kind#STANDARDIZE}: {@code (x - mean) / std}, the mean and the population standard
 *       deviation ({@code ddof = 0}, as scikit-learn's {@code StandardScaler} and NumPy's
 *       {@code std}) fitted on the training rows only and applied to the test rows; a constant
 *       feature ({@code std = 0}) gets {@code scale = 1}, as in scikit-learn.
 * </ul>
 *
 * <p>The arrays are not copied by the constructor; {@link #shift()} and {@link #scale()} return them
 * as they are (do not modify).
 *
 * @param kind how the map was chosen
 * @param shift per feature, subtracted
 * @param scale per feature, divided by; finite and nonzero
 */
public record Normalization(Kind kind, double[] shift, double[] scale) {

    /** How a normalisation is chosen; {@link #id()} is its name in JSON and on the command line. */
    public enum Kind {
        NONE, DIVIDE, STANDARDIZE;

        /** {@code none}, {@code divide}, {@code standardize}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@link #id()}. */
        public static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.id().equals(s)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("Invalid normalization: '" + s + "' (expected none, divide or standardize)");
        }
    }

    public Normalization {
        if (shift.length != scale.length) {
            throw new IllegalArgumentException("normalization: " + shift.length + " shifts but " + scale.length
                    + " scales");
        }
        for (int j = 0; j < scale.length; j++) {
            if (!Double.isFinite(shift[j])) {
                throw new IllegalArgumentException("normalization: shift " + shift[j] + " of feature " + j
                        + " is not finite");
            }
            if (!Double.isFinite(scale[j]) || scale[j] == 0) {
                throw new IllegalArgumentException("normalization: scale " + scale[j] + " of feature " + j
                        + " is not a finite nonzero number");
            }
        }
    }

    /** The identity on {@code features} features. */
    public static Normalization none(int features) {
        double[] one = new double[features];
        Arrays.fill(one, 1.0);
        return new Normalization(Kind.NONE, new double[features], one);
    }

    /** {@code x / divisor} on every feature; {@code divide(784, 255)} is the book's pixels. */
    public static Normalization divide(int features, double divisor) {
        double[] d = new double[features];
        Arrays.fill(d, divisor);
        return new Normalization(Kind.DIVIDE, new double[features], d);
    }

    /**
     * The mean and population standard deviation of each feature of {@code train} (two passes:
     * the mean, then the mean squared deviation from it).
     *
     * @throws IllegalArgumentException if {@code train} has no rows
     */
    public static Normalization standardize(Table train) {
        int n = train.size();
        int f = train.features();
        if (n == 0) {
            throw new IllegalArgumentException(train.name() + ": cannot standardize features over no rows");
        }
        double[] x = train.featureArray();
        double[] mean = new double[f];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                mean[j] += x[i * f + j];
            }
        }
        for (int j = 0; j < f; j++) {
            mean[j] /= n;
        }
        double[] std = new double[f];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                double d = x[i * f + j] - mean[j];
                std[j] += d * d;
            }
        }
        for (int j = 0; j < f; j++) {
            std[j] = Math.sqrt(std[j] / n);
            if (std[j] == 0) {
                std[j] = 1.0;
            }
        }
        return new Normalization(Kind.STANDARDIZE, mean, std);
    }

    /** {@link #none}, {@link #standardize} fitted on {@code train}, or {@link #divide} by 255. */
    public static Normalization fit(Kind kind, Table train) {
        return switch (kind) {
            case NONE -> none(train.features());
            case DIVIDE -> divide(train.features(), 255.0);
            case STANDARDIZE -> standardize(train);
        };
    }

    /** Number of features it maps. */
    public int features() {
        return scale.length;
    }

    /**
     * Applies the map in place to the rows of {@code x} (row-major, {@code features} per row).
     * {@code x} is modified.
     *
     * @throws IllegalArgumentException if {@code features} differs from this map's
     */
    public void apply(double[] x, int features) {
        if (features != scale.length) {
            throw new IllegalArgumentException("normalization of " + scale.length + " features applied to rows of "
                    + features);
        }
        if (kind == Kind.NONE) {
            return;
        }
        for (int p = 0; p < x.length; p += features) {
            for (int j = 0; j < features; j++) {
                x[p + j] = (x[p + j] - shift[j]) / scale[j];
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n && kind == n.kind && Arrays.equals(shift, n.shift)
                && Arrays.equals(scale, n.scale);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 * 31 + Arrays.hashCode(shift) * 31 + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "Normalization[" + kind.id() + ", " + scale.length + " features]";
    }
}
