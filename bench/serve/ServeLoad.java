// Load test of `grad4j serve`: CLIENTS concurrent clients send descend and compare requests
// for SECONDS seconds over loopback; then viewers that disconnect mid-stream from a training run's
// events. Prints requests answered, failures, median / p99 / max latency, and the server's threads
// and resident memory before and after (read from /proc, the server's pid given).
// Run through bench/serve-load.sh, which starts the server; plain JDK, no dependencies:
//   java bench/serve/ServeLoad.java URL PID [CLIENTS] [SECONDS]
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

public class ServeLoad {
    public static void main(String[] args) throws Exception {
        String url = args[0].endsWith("/") ? args[0] : args[0] + "/";
        long pid = Long.parseLong(args[1]);
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        URI base = URI.create(url);
        if (!base.getHost().startsWith("127.") && !base.getHost().equals("localhost")) {
            throw new IllegalArgumentException("loopback only, got " + base.getHost());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        post(http, url + "api/compare", "{\"expr\": \"x^2/20 + y^2\", \"from\": [-7, 2]}"); // warm
        System.out.printf("server before: %s%n", proc(pid));
        // compare of the book's four optimizers over 1000 steps: the best of 30 in server processor time
        String four = "{\"expr\": \"x^2/20 + y^2\", \"from\": [-7, 2], \"steps\": 1000, "
                + "\"optimizers\": \"sgd:0.95,momentum:0.1,adagrad-book:1.5,adam-book:0.3\"}";
        double bestCpu = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 30; k++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "api/compare"))
                    .POST(HttpRequest.BodyPublishers.ofString(four)).build(), HttpResponse.BodyHandlers.ofString());
            String timing = r.headers().firstValue("Server-Timing").orElse("cpu;dur=NaN");
            bestCpu = Math.min(bestCpu, Double.parseDouble(timing.substring(timing.lastIndexOf("dur=") + 4)));
        }
        System.out.printf("compare, 4 optimizers x 1000 steps: %.1f ms of server processor time (best of 30)%n", bestCpu);

        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> latencies = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[1 << 20];
            int[] count = {0};
            Random rng = new Random(c);
            Thread t = new Thread(() -> {
                HttpClient own = HttpClient.newHttpClient();
                while (System.nanoTime() < end) {
                    double x = -8 + 16 * rng.nextDouble(), y = -4 + 8 * rng.nextDouble();
                    boolean descend = rng.nextBoolean();
                    String body = descend
                            ? String.format("{\"expr\": \"x^2/20 + y^2\", \"from\": [%s, %s], \"lr\": 0.1, \"steps\": 200}", x, y)
                            : String.format("{\"expr\": \"x^2/20 + y^2\", \"from\": [%s, %s], \"steps\": 100, "
                                    + "\"optimizers\": \"sgd:0.95,momentum:0.1,adagrad-book:1.5,adam-book:0.3\"}", x, y);
                    long t0 = System.nanoTime();
                    try {
                        int status = post(own, url + (descend ? "api/descend" : "api/compare"), body);
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    if (count[0] < mine.length) {
                        mine[count[0]++] = System.nanoTime() - t0;
                    }
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine, count[0]));
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("%d clients, %d s: %d requests answered (%.0f per second), %d failed%n", clients, seconds,
                all.length, all.length / (double) seconds, failures.get());
        System.out.printf("latency: median %.1f ms, p99 %.1f ms, max %.1f ms%n", all[all.length / 2] / 1e6,
                all[(int) (all.length * 0.99)] / 1e6, all[all.length - 1] / 1e6);
        System.out.printf("server after load: %s%n", proc(pid));

        // viewers that go away mid-stream: 20 connections read two events of a training run and drop
        String started = body(http, url + "api/train", "{\"iters\": 3000, \"batch\": 100}");
        String id = started.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        for (int k = 0; k < 20; k++) {
            try (Socket s = new Socket(base.getHost(), base.getPort())) {
                s.getOutputStream().write(("GET /api/train/" + id + "/events HTTP/1.1\r\nHost: " + base.getHost() + ":"
                        + base.getPort() + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                int events = 0;
                for (String line; events < 2 && (line = in.readLine()) != null; ) {
                    if (line.startsWith("event: ")) {
                        events++;
                    }
                }
            }
        }
        long t0 = System.nanoTime();
        int status = post(http, url + "api/compare", "{\"expr\": \"x^2/20 + y^2\", \"from\": [-7, 2]}");
        System.out.printf("after 20 dropped viewers: compare answered %d in %.1f ms%n", status, (System.nanoTime() - t0) / 1e6);
        body(http, url + "api/train/" + id + "/stop", "{}");
        Thread.sleep(3000);
        System.out.printf("server 3 s later: %s%n", proc(pid));
    }

    static int post(HttpClient http, String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String body(HttpClient http, String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Threads, resident memory and (after a full GC, through jcmd) the live heap of the server process. */
    static String proc(long pid) throws Exception {
        new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true).start().waitFor();
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String info = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
        String heap = m.find() ? "live heap " + Long.parseLong(m.group(1)) / 1024 + " MB" : "live heap ?";
        return threads(pid) + ", " + heap;
    }

    static String threads(long pid) throws Exception {
        long threads;
        try (var s = Files.list(Path.of("/proc/" + pid + "/task"))) {
            threads = s.count();
        }
        String rss = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
        return threads + " threads, " + rss;
    }
}
