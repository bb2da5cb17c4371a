package org.grad4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloader against a local HTTP server on 127.0.0.1 (no test touches the internet). Mirrors:
 * {@code /good/} serves the files; {@code /bad/} serves them with one byte flipped; {@code /short/}
 * announces the full length but closes the connection half way on the first request for each file
 * and serves it fully afterwards; {@code /missing/} answers 404.
 */
class DownloaderTest {

    private static final Duration NO_BACKOFF = Duration.ZERO;

    @TempDir
    Path cache;

    private HttpServer server;
    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> events = new ArrayList<>();
    private final Downloader downloader = new Downloader(3, NO_BACKOFF, Duration.ofSeconds(10));

    @BeforeEach
    void start() throws IOException {
        files.put("train-images-idx3-ubyte.gz", IdxFiles.gzip(IdxFiles.images(20, 4, 3)));
        files.put("train-labels-idx1-ubyte.gz", IdxFiles.gzip(IdxFiles.labels(20, 10)));
        files.put("t10k-images-idx3-ubyte.gz", IdxFiles.gzip(IdxFiles.images(5, 4, 3)));
        files.put("t10k-labels-idx1-ubyte.gz", IdxFiles.gzip(IdxFiles.labels(5, 10)));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        String[] parts = path.split("/");
        String mirror = parts[1];
        byte[] body = files.get(parts[parts.length - 1]);
        try (ex) {
            if (body == null || mirror.equals("missing")) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (mirror.equals("bad")) {
                body = body.clone();
                body[body.length / 2] ^= 1;
            }
            boolean cut = mirror.equals("short") && hits.get(path).get() == 1;
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, cut ? body.length / 2 : body.length);
            out.flush(); // closing the exchange with bytes missing drops the connection
        } catch (IOException e) {
            // "insufficient bytes written to stream": the server closes the connection, as intended
        }
    }

    private URI mirror(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + "/");
    }

    private int hits(String mirror, String file) {
        AtomicInteger n = hits.get("/" + mirror + "/" + file);
        return n == null ? 0 : n.get();
    }

    private String sha(String file) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(files.get(file)));
    }

    private RemoteDataset remote(List<URI> mirrors) throws Exception {
        Map<String, String> sums = new HashMap<>();
        for (String f : Datasets.FILES) {
            sums.put(f, sha(f));
        }
        return new RemoteDataset("tiny", 10, mirrors, sums, List.of());
    }

    @Test
    void downloadsVerifiesAndCaches() throws Exception {
        String f = "train-labels-idx1-ubyte.gz";
        Path p = downloader.fetch("tiny", f, List.of(mirror("good")), sha(f), cache, events::add);
        assertThat(p).isEqualTo(cache.resolve(f));
        assertThat(Files.readAllBytes(p)).isEqualTo(files.get(f));
        assertThat(hits("good", f)).isEqualTo(1);
        downloader.fetch("tiny", f, List.of(mirror("good")), sha(f), cache, events::add);
        assertThat(hits("good", f)).as("second fetch served from the cache").isEqualTo(1);
        assertThat(Files.list(cache)).containsExactly(p);
    }

    @Test
    void checksumMismatchOnTheOnlyMirrorIsAnError() throws Exception {
        String f = "train-labels-idx1-ubyte.gz";
        byte[] flipped = files.get(f).clone();
        flipped[flipped.length / 2] ^= 1;
        String got = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(flipped));
        URI bad = mirror("bad");
        assertThatThrownBy(() -> downloader.fetch("tiny", f, List.of(bad), sha(f), cache, events::add))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessage("tiny: cannot download " + f + " (" + bad + f + ": checksum mismatch: expected " + sha(f)
                        + ", got " + got + ")");
        assertThat(hits("bad", f)).as("a wrong file is not fetched again from the same mirror").isEqualTo(1);
        assertThat(Files.list(cache)).as("nothing kept").isEmpty();
    }

    @Test
    void fallsBackToTheNextMirror() throws Exception {
        String f = "t10k-images-idx3-ubyte.gz";
        Path p = downloader.fetch("tiny", f, List.of(mirror("missing"), mirror("bad"), mirror("good")), sha(f), cache,
                events::add);
        assertThat(Files.readAllBytes(p)).isEqualTo(files.get(f));
        assertThat(hits("missing", f)).as("404 is not retried").isEqualTo(1);
        assertThat(hits("bad", f)).isEqualTo(1);
        assertThat(hits("good", f)).isEqualTo(1);
        assertThat(events).contains(mirror("missing") + f + ": HTTP 404");
        assertThat(Files.list(cache)).containsExactly(p);
    }

    @Test
    void retriesADownloadCutShort() throws Exception {
        String f = "train-images-idx3-ubyte.gz";
        Path p = downloader.fetch("tiny", f, List.of(mirror("short")), sha(f), cache, events::add);
        assertThat(Files.readAllBytes(p)).isEqualTo(files.get(f));
        assertThat(hits("short", f)).isEqualTo(2);
        assertThat(events).anySatisfy(e -> assertThat(e).startsWith(mirror("short") + f + ": ")
                .containsAnyOf("connection lost after", "incomplete download"));
        assertThat(events).contains("downloading " + mirror("short") + f + " (attempt 2/3)");
        assertThat(Files.list(cache)).containsExactly(p);
    }

    @Test
    void stalePartFilesAreNeverUsed() throws Exception {
        String f = "train-labels-idx1-ubyte.gz";
        Files.write(cache.resolve(f + ".part"), files.get(f)); // even a complete-looking leftover
        Files.write(cache.resolve("." + f + ".123.part"), new byte[] {1, 2, 3});
        Path p = downloader.fetch("tiny", f, List.of(mirror("good")), sha(f), cache, events::add);
        assertThat(hits("good", f)).isEqualTo(1);
        assertThat(Files.readAllBytes(p)).isEqualTo(files.get(f));
    }

    @Test
    void remoteDatasetDownloadsOnceThenLoadsFromCache() throws Exception {
        RemoteDataset tiny = remote(List.of(mirror("bad"), mirror("good")));
        Dataset d = tiny.load(cache, downloader, events::add);
        assertThat(d.train().size()).isEqualTo(20);
        assertThat(d.test().size()).isEqualTo(5);
        assertThat(d.source()).isEqualTo(cache.resolve("tiny").toString());
        for (String f : Datasets.FILES) {
            assertThat(hits("good", f)).isEqualTo(1);
        }
        Dataset again = tiny.load(cache, downloader, events::add);
        assertThat(again.train().labels()).containsExactly(d.train().labels());
        for (String f : Datasets.FILES) {
            assertThat(hits("good", f) + hits("bad", f)).as("cached: " + f).isEqualTo(2);
        }
    }

    @Test
    void validatesSettings() {
        assertThatThrownBy(() -> new Downloader(0, NO_BACKOFF, Duration.ofSeconds(1)))
                .hasMessage("Invalid number of attempts: 0");
        assertThatThrownBy(() -> new RemoteDataset("x", 10, List.of(), Map.of(), List.of()))
                .hasMessage("x: no SHA-256 given for train-images-idx3-ubyte.gz");
    }
}
