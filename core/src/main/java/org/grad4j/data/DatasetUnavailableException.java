package org.grad4j.data;

/**
 * A data set that cannot be obtained right now: not installed, not cached, and not downloadable
 * (no network, every mirror failed or served a file with the wrong checksum). The message is one
 * line naming the data set and the reason, for example
 * {@code mnist: cannot download train-images-idx3-ubyte.gz (https://ossci-datasets.s3.amazonaws.com/mnist/: cannot resolve host ...)}.
 *
 * <p>It extends {@link IllegalArgumentException} so that a caller that does not handle it specially
 * still reports it as a one-line usage error; a training command can catch it and fall back to
 * {@code mnist-sample}, which ships inside grad4j.
 */
public class DatasetUnavailableException extends IllegalArgumentException {

    public DatasetUnavailableException(String message) {
        super(message);
    }

    public DatasetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
