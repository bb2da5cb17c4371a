package org.grad4j.serve;

/** A request the API refuses: the HTTP status and the one-line message of {@code {"error": ...}}. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    static ApiException bad(String message) {
        return new ApiException(400, message);
    }
}
