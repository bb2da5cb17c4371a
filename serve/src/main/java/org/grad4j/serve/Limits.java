package org.grad4j.serve;

/**
 * What one request may ask of the server; past a limit the answer is 400 (413 for the body size)
 * with a message naming the limit and the value asked.
 *
 * @param bodyBytes      largest request body
 * @param exprLength     longest expression text
 * @param exprNesting    deepest parenthesis nesting in an expression
 * @param steps          most steps of descend, compare and lr-sweep
 * @param runs           most optimizers of compare, learning rates of lr-sweep
 * @param gridPoints     most points of a field grid
 * @param iterations     most training iterations
 * @param viewers        most event streams open on one training run
 * @param bufferedEvents most events waiting for one viewer (a slower viewer is disconnected)
 */
public record Limits(int bodyBytes, int exprLength, int exprNesting, int steps, int runs, int gridPoints,
        int iterations, int viewers, int bufferedEvents) {

    public Limits {
        if (bodyBytes < 1 || exprLength < 1 || exprNesting < 1 || steps < 1 || runs < 1 || gridPoints < 1
                || iterations < 1 || viewers < 1 || bufferedEvents < 1) {
            throw new IllegalArgumentException("every limit must be at least 1");
        }
    }

    /** The defaults of {@code grad4j serve}. */
    public static Limits defaults() {
        return new Limits(256 * 1024, 500, 30, 10_000, 8, 40_000, 100_000, 8, 4096);
    }
}
