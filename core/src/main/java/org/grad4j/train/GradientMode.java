package org.grad4j.train;

import java.util.Locale;

/** How the trainer takes the gradient of the loss. */
public enum GradientMode {
    /** Backpropagation: exact and fast (the book's ch. 5 "fast version"). */
    BACKPROP,
    /** The book's ch. 4 numerical gradient: two forward passes per weight, hopelessly slow. */
    NUMERICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GradientMode parse(String s) {
        for (GradientMode m : values()) {
            if (m.id().equals(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown gradient '" + s + "' (expected backprop, numerical)");
    }
}
