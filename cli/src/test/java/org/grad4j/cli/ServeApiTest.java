package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.grad4j.serve.Limits;
import org.grad4j.serve.PageServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The web API answers with exactly what {@code grad4j <command> ... --json} prints: one code path. */
class ServeApiTest {
    private static PageServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = PageServer.start("127.0.0.1", 0, new InProcessCommands(), Limits.defaults(), null, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON body and the same request as command-line arguments (without --json). */
    static Stream<Arguments> sameRequests() {
        return Stream.of(
                Arguments.of("diff", "{\"expr\": \"0.01*x^2 + 0.1*x\", \"at\": 5, \"method\": \"book\"}",
                        List.of("diff", "0.01*x^2 + 0.1*x", "--at", "5", "--method", "book")),
                Arguments.of("grad", "{\"expr\": \"x0^2 + x1^2\", \"at\": [3, 4]}",
                        List.of("grad", "x0^2 + x1^2", "--at", "3,4")),
                Arguments.of("descend", "{\"expr\": \"x0^2 + x1^2\", \"from\": \"-3,4\", \"lr\": 0.1, \"steps\": 100, "
                        + "\"gradient\": \"book\"}",
                        List.of("descend", "x0^2 + x1^2", "--from", "-3,4", "--lr", "0.1", "--steps", "100", "--gradient", "book")),
                Arguments.of("descend", "{\"expr\": \"x^2 + y^2\", \"from\": [1, 1], \"optimizer\": \"sgd\", \"momentum\": 0.9, "
                        + "\"nesterov\": true, \"lr\": 0.05, \"steps\": 20}",
                        List.of("descend", "x^2 + y^2", "--from", "1,1", "--optimizer", "sgd", "--momentum", "0.9",
                                "--nesterov", "--lr", "0.05", "--steps", "20")),
                Arguments.of("field", "{\"expr\": \"x0^2 + x1^2\", \"range\": [-2, 2], \"grid\": 0.5}",
                        List.of("field", "x0^2 + x1^2", "--range", "-2,2", "--grid", "0.5")),
                Arguments.of("compare", "{\"expr\": \"x^2/20 + y^2\", \"from\": [-7, 2], \"steps\": 30, "
                        + "\"optimizers\": \"sgd:0.95,momentum:0.1,adagrad-book:1.5,adam-book:0.3\"}",
                        List.of("compare", "x^2/20 + y^2", "--from", "-7,2", "--steps", "30", "--optimizers",
                                "sgd:0.95,momentum:0.1,adagrad-book:1.5,adam-book:0.3")),
                Arguments.of("lr-sweep", "{\"expr\": \"x0^2 + x1^2\", \"from\": [-3, 4], \"lrs\": [1e-10, 0.1, 10], \"steps\": 100}",
                        List.of("lr-sweep", "x0^2 + x1^2", "--from", "-3,4", "--lrs", "1e-10,0.1,10", "--steps", "100")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sameRequests")
    void theApiAnswersWithWhatTheCommandPrints(String command, String body, List<String> args) throws Exception {
        HttpResponse<String> api = post("/api/" + command, body);
        String[] cli = Stream.concat(args.stream(), Stream.of("--json")).toArray(String[]::new);
        CliRun run = CliRun.of(cli);
        assertThat(run.exitCode()).isZero();
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(api.body()).isEqualTo(run.out().strip());
    }

    @Test
    void badInputIs400WithTheCommandLinesMessage() throws Exception {
        HttpResponse<String> r = post("/api/descend", "{\"expr\": \"x0^2 + x1^2\", \"from\": [1, 2, 3]}");
        CliRun run = CliRun.of("descend", "x0^2 + x1^2", "--from", "1,2,3", "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"error\":\"" + run.err().strip().substring("grad4j: ".length()) + "\"}")
                .isEqualTo("{\"error\":\"--from: expected 2 values [x0, x1], got 3\"}");
        HttpResponse<String> syntax = post("/api/compare", "{\"expr\": \"x^2 + * y\", \"from\": [1, 2]}");
        assertThat(syntax.statusCode()).isEqualTo(400);
        assertThat(syntax.body()).isEqualTo("{\"error\":\"unexpected '*' at column 7\",\"column\":7}");
        HttpResponse<String> unknown = post("/api/diff", "{\"expr\": \"x\", \"at\": 1, \"bogus\": 2}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"Unknown option: '--bogus=2' (try 'diff --help')\"}");
    }

    @Test
    void compareReportsItsServerTimeInServerTiming() throws Exception {
        // the figure itself (under 20 ms of processor time for 4 optimizers x 1000 steps) is measured
        // by bench/serve-load.sh's timing round, not asserted here: unit tests do not time things
        String body = "{\"expr\": \"x^2/20 + y^2\", \"from\": [-7, 2], \"steps\": 1000, "
                + "\"optimizers\": \"sgd:0.95,momentum:0.1,adagrad-book:1.5,adam-book:0.3\"}";
        HttpResponse<String> r = post("/api/compare", body);
        assertThat(r.statusCode()).isEqualTo(200);
        String timing = r.headers().firstValue("Server-Timing").orElseThrow();
        assertThat(timing).matches(".*dur=[0-9.]+.*cpu;dur=[0-9.]+");
        assertThat(Double.parseDouble(timing.substring(timing.lastIndexOf("dur=") + 4))).isPositive();
    }
}
