package org.grad4j.spark;

/**
 * A training row that cannot be used (a feature that is not finite, a label that is not a class
 * index), found on an executor. Its message is one line naming the row; {@link Jobs#unwrap} finds
 * it again inside the exception Spark's driver throws.
 */
final class BadRowException extends IllegalArgumentException {

    /** Starts every message, so that the driver can find it in Spark's job-failure text. */
    static final String PREFIX = "bad training row: ";

    BadRowException(String message) {
        super(PREFIX + message);
    }
}
