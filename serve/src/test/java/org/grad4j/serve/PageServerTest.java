package org.grad4j.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.grad4j.io.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server in-process on a free port, with a stand-in for the command line. */
class PageServerTest {
    private static final List<List<String>> CALLS = new ArrayList<>();
    private static PageServer server;
    private static int port;

    /** Answers as the command line would: 0 with JSON, or 2 with grad4j's one-line message (and a caret line). */
    private static CommandRunner.Result fake(String command, List<String> args) {
        synchronized (CALLS) {
            CALLS.add(new ArrayList<>(args));
        }
        if (args.contains("x^^2")) {
            return new CommandRunner.Result(2, "", "grad4j: unexpected '^' at column 3\n  x^^2\n    ^\n");
        }
        return new CommandRunner.Result(0, "{\"command\":\"" + command + "\"}\n", "");
    }

    @BeforeAll
    static void start() {
        server = PageServer.start("127.0.0.1", 0, PageServerTest::fake, new Limits(4096, 500, 30, 10_000, 8, 40_000,
                100_000, 2, 64), null, null);
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCommandAnswersWithWhatTheCommandLinePrinted() throws Exception {
        Http r = Http.post(port, "/api/compare", "{\"expr\": \"x^2 + y^2\", \"from\": [1, 2]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"command\":\"compare\"}");
        synchronized (CALLS) {
            assertThat(CALLS.get(CALLS.size() - 1)).containsExactly("--from=1,2", "--json", "--", "x^2 + y^2");
        }
    }

    @Test
    void badInputIs400WithTheCommandLinesOneLineMessageAndItsColumn() throws Exception {
        Http r = Http.post(port, "/api/descend", "{\"expr\": \"x^^2\", \"from\": 1}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"error\":\"unexpected '^' at column 3\",\"column\":3}");
        assertThat(Http.post(port, "/api/descend", "{\"expr\": ").status()).isEqualTo(400);
        assertThat(Http.post(port, "/api/descend", "[1]").body()).isEqualTo("{\"error\":\"expected a JSON object, got [...\"}");
        assertThat(Http.post(port, "/api/descend", "{\"plot\": \"/tmp/x.png\"}").body())
                .isEqualTo("{\"error\":\"plot: not available through the web API\"}");
    }

    @Test
    void aForeignHostHeaderIsRefused() throws Exception {
        Http r = Http.request(port, "GET", "/", "evil.example:" + port, null, null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("refused: Host 'evil.example:" + port + "'");
        assertThat(Http.request(port, "GET", "/", "localhost:" + port, null, null).status()).isEqualTo(200);
        assertThat(Http.request(port, "POST", "/api/diff", "evil.example", null, "{}").status()).isEqualTo(403);
    }

    @Test
    void addressLiteralsAreNotNamesThatCouldBeRebound() {
        assertThat(PageServer.addressLiteral("192.168.1.5")).isTrue();
        assertThat(PageServer.addressLiteral("::1")).isTrue();
        assertThat(PageServer.addressLiteral("fe80::1")).isTrue();
        assertThat(PageServer.addressLiteral("evil.example")).isFalse();
        assertThat(PageServer.addressLiteral("1.2.3.4.nip.io")).isFalse();
    }

    @Test
    void aCrossOriginPostIsRefusedAndASameOriginOneIsNot() throws Exception {
        String host = "127.0.0.1:" + port;
        Http r = Http.request(port, "POST", "/api/diff", host, "http://evil.example", "{}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"error\":\"refused: cross-origin request from http://evil.example\"}");
        assertThat(Http.request(port, "POST", "/api/diff", host, "http://" + host, "{}").status()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        Http r = Http.post(port, "/api/diff", "{\"expr\": \"" + "x+".repeat(3000) + "x\"}");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).contains("the limit is 4096");
    }

    @Test
    void limitsAre400() throws Exception {
        Http r = Http.post(port, "/api/descend", "{\"expr\": \"x\", \"steps\": 20000}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"error\":\"steps: 20000 asked, the limit is 10000\"}");
    }

    @Test
    void onlyThePagesOwnFilesAreServed() throws Exception {
        Http page = Http.get(port, "/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<title>grad4j serve</title>");
        assertThat(Http.get(port, "/app.js").body()).contains("requestAnimationFrame");
        for (String p : List.of("/../pom.xml", "/page/app.js", "/org/grad4j/serve/PageServer.class", "/simplelogger.properties")) {
            assertThat(Http.get(port, p).status()).as(p).isIn(400, 404); // Jetty refuses the ".." itself
        }
    }

    @Test
    void theLabsParseCurveAndRoundingEndpoints() throws Exception {
        assertThat(Http.post(port, "/api/parse", "{\"expr\": \"x^2/20 + y^2\"}").body()).contains("\"variables\":[\"x\",\"y\"]");
        Http bad = Http.post(port, "/api/parse", "{\"expr\": \"x + * 2\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"column\":5");
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) Json.parse(
                Http.post(port, "/api/curve", "{\"expr\": \"x^2\", \"from\": 0, \"to\": 2, \"points\": 3}").body());
        assertThat(c.get("f")).isEqualTo(List.of(0.0, 1.0, 4.0));
        assertThat(c.get("derivative")).isEqualTo(List.of(0.0, 2.0, 4.0));
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) Json.parse(
                Http.post(port, "/api/values", "{\"expr\": \"x^2 + y^2\", \"points\": [[3, 4]]}").body());
        assertThat(v.get("f")).isEqualTo(List.of(25.0));
        assertThat(v.get("gradient_norm")).isEqualTo(List.of(10.0));
    }

    @Test
    void behaviourClassifiesPathsAgainstTheMinimumOrTheLowestPointSeen() throws Exception {
        String paths = "\"paths\": [{\"points\": [[4, 0], [2, 0], [1, 0], [0.5, 0], [0.25, 0]], \"status\": \"max-steps\"},"
                + " {\"points\": [[4, 0], [-4, 0], [4, 0], [-4, 0], [4, 0]], \"status\": \"max-steps\"},"
                + " {\"points\": [[4, 0], [40, 0], [null, null]], \"status\": \"diverged\"}]";
        Http given = Http.post(port, "/api/behaviour", "{\"expr\": \"x^2 + y^2\", " + paths + ", \"minimum\": [0, 0]}");
        assertThat(given.body()).isEqualTo("{\"minimum\":[0.0,0.0],\"minimum_source\":\"given\","
                + "\"behaviours\":[\"too-slow\",\"oscillating\",\"diverged\"]}");
        Http seen = Http.post(port, "/api/behaviour", "{\"expr\": \"x^2 + y^2\", " + paths + "}");
        assertThat(seen.body()).startsWith("{\"minimum\":[0.25,0.0],\"minimum_source\":\"lowest f seen\"");
    }

    @Test
    void predictWithoutAModelSaysSoAndShowsThePreprocessedImage() throws Exception {
        StringBuilder px = new StringBuilder();
        for (int i = 0; i < 16 * 16; i++) {
            px.append(i > 0 ? "," : "").append(i % 16 == 8 ? "1" : "0");
        }
        Http r;
        try (PageServer fresh = PageServer.start("127.0.0.1", 0, PageServerTest::fake, Limits.defaults(), null, null)) {
            r = Http.post(fresh.port(), "/api/predict", "{\"image\": {\"width\": 16, \"height\": 16, \"pixels\": [" + px + "]}}");
        }
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).startsWith("{\"error\":\"no model yet").contains("\"pixels\":[");
        assertThat(Http.post(port, "/api/predict", "{\"pixels\": [1, 2]}").body())
                .isEqualTo("{\"error\":\"pixels: expected an array of 784 numbers in 0..1, got 2 values\"}");
    }

    @Test
    void trainingStreamsEventsRefusesASecondRunAndThenPredicts() throws Exception {
        Http started = Http.post(port, "/api/train", "{\"dataset\": \"mnist-sample\", \"iters\": 200, \"batch\": 50}");
        assertThat(started.status()).isEqualTo(200);
        String id = (String) ((Map<?, ?>) Json.parse(started.body())).get("id");
        Http second = Http.post(port, "/api/train", "{\"iters\": 10}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).contains("a training run is already going");

        // a viewer that goes away mid-stream: the run carries on, and its viewer slot is freed
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/train/" + id + "/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).contains("200");
        }
        List<String> events = new ArrayList<>();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/train/" + id + "/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("event: ")) {
                    events.add(line.substring(7));
                    if (line.equals("event: done") || line.equals("event: error")) {
                        break;
                    }
                }
            }
        }
        assertThat(events).startsWith("loading", "start").contains("progress", "eval").endsWith("done");
        Http model = Http.get(port, "/api/train/" + id + "/model.npz");
        assertThat(model.status()).isEqualTo(200);
        StringBuilder px = new StringBuilder();
        for (int i = 0; i < 784; i++) {
            px.append(i > 0 ? "," : "").append(i % 28 == 14 && i / 28 > 4 && i / 28 < 24 ? "1" : "0");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) Json.parse(Http.post(port, "/api/predict", "{\"pixels\": [" + px + "]}").body());
        List<?> probabilities = (List<?>) p.get("probabilities");
        assertThat(probabilities).hasSize(10);
        assertThat(probabilities.stream().mapToDouble(o -> (Double) o).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(p.get("class")).isInstanceOf(Double.class);
    }

    @Test
    void stoppingARunEndsItWithTheWeightsSoFar() throws Exception {
        // waits for any earlier run of this class to finish
        Http started = null;
        for (int k = 0; k < 600; k++) {
            started = Http.post(port, "/api/train", "{\"iters\": 100000, \"batch\": 10}");
            if (started.status() != 409) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(started.status()).isEqualTo(200);
        String id = (String) ((Map<?, ?>) Json.parse(started.body())).get("id");
        Thread.sleep(500);
        assertThat(Http.post(port, "/api/train/" + id + "/stop", "{}").status()).isEqualTo(200);
        String done = null;
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            s.getOutputStream().write(("GET /api/train/" + id + "/events HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            boolean next = false;
            for (String line; (line = in.readLine()) != null; ) {
                if (next && line.startsWith("data: ")) {
                    done = line.substring(6);
                    break;
                }
                next = line.equals("event: done");
            }
        }
        assertThat(done).contains("\"stopped\":true").contains("\"confusion\":[[");
        assertThat(Http.get(port, "/api/train/nope/model.npz").status()).isEqualTo(404);
    }
}
