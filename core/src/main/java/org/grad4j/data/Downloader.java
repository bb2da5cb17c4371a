package org.grad4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Downloads a file into a cache directory, verifying its SHA-256, retrying transient failures and
 * falling back to the next mirror.
 *
 * <p>For each mirror in order: up to {@code attempts} tries; a try streams the body into a fresh
 * temporary file {@code .NAME.*.part} in the target directory while hashing it, checks the length
 * against {@code Content-Length}, compares the SHA-256 with the expected one and only then renames
 * the file to {@code NAME} (atomically where the file system allows). So a partial or unverified
 * download is never visible under the final name, and leftover {@code .part} files (from a killed
 * process) are never read. Failures and what happens next:
 * <ul>
 *   <li>host unknown, connection refused, connect timeout, HTTP 4xx: next mirror at once;</li>
 *   <li>body cut short, read timeout, HTTP 5xx: retry the same mirror after {@code backoff * attempt};</li>
 *   <li>checksum mismatch ({@code checksum mismatch: expected ..., got ...}): next mirror.</li>
 * </ul>
 * When every mirror fails a {@link DatasetUnavailableException} lists the last error of each.
 */
public final class Downloader {

    /** Built on the first download: creating it (TLS set-up) takes about 0.4 s of CPU, wasted on local files. */
    private HttpClient client;
    private final int attempts;
    private final Duration backoff;
    private final Duration timeout;

    /**
     * @param attempts tries per mirror for transient failures, at least 1
     * @param backoff pause before retry {@code k} is {@code backoff * k}
     * @param timeout connect timeout and per-request timeout
     */
    public Downloader(int attempts, Duration backoff, Duration timeout) {
        if (attempts < 1) {
            throw new IllegalArgumentException("Invalid number of attempts: " + attempts);
        }
        if (backoff.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Invalid backoff " + backoff + " or timeout " + timeout);
        }
        this.attempts = attempts;
        this.backoff = backoff;
        this.timeout = timeout;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
        }
        return client;
    }

    /** 3 attempts per mirror, 1 s backoff, 30 s connect timeout, 10 min per file. */
    public static Downloader standard() {
        return new Downloader(3, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /**
     * Returns {@code dir/fileName}, downloading it first if it is not there.
     *
     * @param mirrors base URIs ending in {@code /}; the file is {@code mirror.resolve(fileName)}
     * @param sha256 expected SHA-256 of the file, lower-case hex
     * @param label what is being downloaded, for messages ({@code mnist})
     * @throws DatasetUnavailableException if no mirror delivered a file with the right checksum
     * @throws IOException if the cache directory cannot be written
     */
    public Path fetch(String label, String fileName, List<URI> mirrors, String sha256, Path dir, Datasets.Listener listener)
            throws IOException {
        Path target = dir.resolve(fileName);
        if (Files.isRegularFile(target)) {
            return target;
        }
        Files.createDirectories(dir);
        List<String> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI uri = mirror.resolve(fileName);
            String last = null;
            for (int attempt = 1; attempt <= attempts; attempt++) {
                if (attempt > 1) {
                    sleep(backoff.multipliedBy(attempt - 1));
                }
                listener.event("downloading " + uri + (attempt > 1 ? " (attempt " + attempt + "/" + attempts + ")" : ""));
                Path part = Files.createTempFile(dir, "." + fileName + ".", ".part");
                try {
                    String got = download(uri, part);
                    if (!got.equals(sha256)) {
                        last = "checksum mismatch: expected " + sha256 + ", got " + got;
                        listener.event(uri + ": " + last);
                        break; // a mirror serving a wrong file will serve it again
                    }
                    move(part, target);
                    listener.event("saved " + target);
                    return target;
                } catch (Failure f) {
                    last = f.getMessage();
                    listener.event(uri + ": " + last);
                    if (!f.retryable) {
                        break;
                    }
                } finally {
                    Files.deleteIfExists(part);
                }
            }
            failures.add(uri + ": " + last);
        }
        throw new DatasetUnavailableException(label + ": cannot download " + fileName + " ("
                + String.join("; ", failures) + ")");
    }

    /** Streams {@code uri} into {@code part}; returns the SHA-256 of what was received. */
    private String download(URI uri, Path part) throws Failure, IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout.multipliedBy(20)).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (UnknownHostException | ConnectException | HttpConnectTimeoutException e) {
            throw new Failure(describe(e), false);
        } catch (IOException e) {
            String why = describe(e);
            throw new Failure(why, !(why.startsWith("unknown host") || why.startsWith("connection refused")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + uri, e);
        }
        int status = response.statusCode();
        if (status != 200) {
            response.body().close();
            throw new Failure("HTTP " + status, status >= 500);
        }
        long expected = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        MessageDigest sha = sha256();
        long received = 0;
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(part)) {
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) > 0) {
                out.write(buf, 0, r);
                sha.update(buf, 0, r);
                received += r;
            }
        } catch (IOException e) {
            throw new Failure("connection lost after " + received + " bytes"
                    + (expected >= 0 ? " of " + expected : "") + " (" + describe(e) + ")", true);
        }
        if (expected >= 0 && received != expected) {
            throw new Failure("incomplete download: " + received + " of " + expected + " bytes", true);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) > 0) {
                sha.update(buf, 0, r);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static void move(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A short one-line description: the most telling exception of the cause chain. */
    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof java.net.http.HttpTimeoutException) {
                return "timed out";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String msg = t.getMessage();
            if (msg != null && !msg.isBlank()) {
                return t.getClass().getSimpleName() + ": " + msg.replace('\n', ' ');
            }
        }
        return e.getClass().getSimpleName();
    }

    private static void sleep(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry a download", e);
        }
    }

    /** A failed try; {@code retryable} tells whether retrying the same mirror may help. */
    private static final class Failure extends Exception {
        final boolean retryable;

        Failure(String message, boolean retryable) {
            super(message, null, false, false);
            this.retryable = retryable;
        }
    }
}
