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
 * @param reliable   false when the estimate cannot be trusted: f not finite at x, the derivative
 *                   or its error not finite, or (richardson) no step sequence converged or the
 *                   one-sided estimates disagree; a warning then says why
 */
public record Derivative(double x, double derivative, double error, Method method, List<String> warnings,
                         boolean reliable) {
    public Derivative {
        Objects.requireNonNull(method, "method");
        warnings = List.copyOf(warnings);
    }

    /** A derivative that is reliable when it and its error are finite. */
    public Derivative(double x, double derivative, double error, Method method, List<String> warnings) {
        this(x, derivative, error, method, warnings, Double.isFinite(derivative) && Double.isFinite(error));
    }
}
