package org.grad4j.train;

import java.util.Locale;

/**
 * How a training step reads its batch. {@link #DENSE}: the batch's pixels are expanded to doubles
 * and multiplied by the first layer's weights as dense matrices (BLAS). {@link #SPARSE}: only the
 * nonzero pixels are multiplied, straight from the stored bytes, skipping the expansion; the same
 * results to rounding. {@link #AUTO} picks sparse when the training images are mostly zeros (MNIST:
 * 81 %), the network can take it and the run is long enough to repay the kernels' JIT warm-up
 * ({@link Trainer#inputMode()}); dense otherwise (Fashion-MNIST: 50 % zeros).
 */
public enum InputMode {
    AUTO, DENSE, SPARSE;

    /** The lower-case name used on the command line and in JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code auto}, {@code dense} or {@code sparse} (any case). */
    public static InputMode parse(String s) {
        for (InputMode m : values()) {
            if (m.label().equalsIgnoreCase(s.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown input mode '" + s + "' (expected auto, dense or sparse)");
    }
}
