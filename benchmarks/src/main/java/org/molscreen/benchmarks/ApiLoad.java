package org.molscreen.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load against a running {@code molscreen serve} (started separately, so client and server are different
 * processes): the time from uploading a library to its first hits, then {@code GET /jobs/{id}/hits?limit=100}
 * from 50 concurrent clients (closed loop, bounded in requests and time), with requests/s and p50/p99.
 *
 * <pre>
 * ./molscreen serve --in-memory --port 8090 &amp;
 * java -cp benchmarks/target/benchmarks.jar org.molscreen.benchmarks.ApiLoad http://127.0.0.1:8090 LIBRARY [CLIENTS] [REQUESTS] [SECONDS] [TOKEN]
 * </pre>
 */
public final class ApiLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ApiLoad URL LIBRARY [CLIENTS=50] [REQUESTS=20000] [SECONDS=60] [TOKEN]");
            System.exit(2);
        }
        String api = args[0].replaceAll("/+$", "") + "/api/v1";
        Path library = Path.of(args[1]);
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        String token = args.length > 5 ? args[5] : null;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4)).build();

        String name = "load-" + System.currentTimeMillis();
        String format = library.getFileName().toString().replaceAll("\\.gz$", "").replaceAll(".*\\.", "");
        long start = System.nanoTime();
        JsonNode uploaded = send(http, token, HttpRequest.newBuilder(URI.create(api + "/libraries?name=" + name + "&format=" + format))
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofFile(library)), 202);
        double uploadSeconds = (System.nanoTime() - start) / 1e9;
        String id = uploaded.get("id").asText();
        JsonNode ready = await(http, token, api + "/libraries/" + id, "ready", "failed");
        double readySeconds = (System.nanoTime() - start) / 1e9;
        if (!ready.get("state").asText().equals("ready")) {
            throw new IllegalStateException("ingest failed: " + ready);
        }
        JsonNode job = send(http, token, HttpRequest.newBuilder(URI.create(api + "/jobs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"library\":\"" + id + "\",\"models\":[\"bace1\",\"tox21\"],\"top\":1000}")), 202);
        String jobId = job.get("id").asText();
        long jobStart = System.nanoTime();
        await(http, token, api + "/jobs/" + jobId, "done", "failed");
        send(http, token, HttpRequest.newBuilder(URI.create(api + "/jobs/" + jobId + "/hits?limit=100")).GET(), 200);
        double firstHits = (System.nanoTime() - start) / 1e9;
        long compounds = ready.get("records").asLong() - ready.get("errors").asLong();
        System.out.printf(Locale.ROOT, "library %s: %d records, %d errors, %.1f MB%n", library.getFileName(),
                ready.get("records").asLong(), ready.get("errors").asLong(), Files.size(library) / 1e6);
        System.out.printf(Locale.ROOT, "upload %.1f s; ingested (ready) after %.1f s = %.0f compounds/s; screened (bace1+tox21, top 1000) in %.1f s;"
                        + " first hits %.1f s after the upload started%n",
                uploadSeconds, readySeconds, compounds / readySeconds, (System.nanoTime() - jobStart) / 1e9 - 0, firstHits);

        // 50 clients, each a closed loop, until the request budget or the time budget is spent
        URI hits = URI.create(api + "/jobs/" + jobId + "/hits?limit=100&offset=0");
        for (int warm = 0; warm < 200; warm++) {
            send(http, token, HttpRequest.newBuilder(hits).GET(), 200);
        }
        AtomicLong issued = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        long loadStart = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (issued.incrementAndGet() <= requests && System.nanoTime() < deadline) {
                    long t = System.nanoTime();
                    send(http, token, HttpRequest.newBuilder(hits).GET(), 200);
                    latencies.add(System.nanoTime() - t);
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            for (long latency : result.get()) {
                all.add(latency);
            }
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        pool.shutdown();
        all.sort(null);
        System.out.printf(Locale.ROOT, "GET /jobs/{id}/hits?limit=100, %d clients: %d requests in %.1f s = %.0f requests/s; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                clients, all.size(), loadSeconds, all.size() / loadSeconds, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6,
                all.get(all.size() - 1) / 1e6);
        System.exit(0);
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static JsonNode await(HttpClient http, String token, String url, String... states) throws Exception {
        while (true) {
            JsonNode node = send(http, token, HttpRequest.newBuilder(URI.create(url)).GET(), 200);
            for (String state : states) {
                if (node.get("state").asText().equals(state)) {
                    return node;
                }
            }
            Thread.sleep(100);
        }
    }

    private static JsonNode send(HttpClient http, String token, HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
