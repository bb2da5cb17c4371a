package org.grad4j.optim;


/**
 * Validation of hyperparameters with PyTorch's wording, shared by the optimizer and schedule records.
 *
 * <p>Every check is written {@code !(x >= 0)} so that NaN fails too. Offending values are shown as
 * Python's {@code repr(float)} shows them ({@code -0.1}, {@code 1.0}, {@code -1e-08}, {@code nan}), so
 * messages read exactly like {@code torch.optim}'s for float arguments.
 */
public final class Hyper {

    private Hyper() {
    }

    /** {@code Invalid learning rate: lr} unless {@code lr >= 0} and finite. */
    public static void lr(double lr) {
        if (!(lr >= 0) || lr == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("Invalid learning rate: " + repr(lr));
        }
    }

    /** {@code Invalid <name> value: v} unless {@code v >= 0} and finite (torch's wording for momentum, epsilon, ...). */
    public static void nonNegative(String name, double v) {
        if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("Invalid " + name + " value: " + repr(v));
        }
    }

    /** {@code Invalid beta parameter at index i: beta} unless {@code 0 <= beta < 1}. */
    public static void beta(int index, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("Invalid beta parameter at index " + index + ": " + repr(beta));
        }
    }

    /**
     * Formats a double as Python's {@code repr(float)}: shortest round-trip digits, fixed notation
     * for decimal exponents in (-4, 16], otherwise {@code 1e-08} style with a two-digit exponent.
     */
    public static String repr(double v) {
        return org.grad4j.io.Repr.of(v);
    }
}
