package org.grad4j.cli;

/** Bad input detected by the command line itself: reported on one line, exit code 2. */
final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }
}
