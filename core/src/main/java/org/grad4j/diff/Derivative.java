package org.grad4j.diff;

import java.util.List;
import java.util.Objects;

/**
 * A numerical derivative f'(x).
 *
 * @param x          the point
 * @param derivative the estimate of f'(x)
 * @param error      an estimate of {@code |derivative - f'(x)|} (see {@link Numerical} for how
 *                   each method estimates it); {@code +Infinity} when the step was lost
 * @param method     the method used
 * @param warnings   rounding diagnostics (step lost, cancellation, f not finite); empty when none
 */
public record Derivative(double x, double derivative, double error, Method method, List<String> warnings) {
    public Derivative {
        Objects.requireNonNull(method, "method");
        warnings = List.copyOf(warnings);
    }
}
