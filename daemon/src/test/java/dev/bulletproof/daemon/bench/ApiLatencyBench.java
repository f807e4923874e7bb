package dev.bulletproof.daemon.bench;

import dev.bulletproof.daemon.api.ApiOptions;
import dev.bulletproof.daemon.api.ApiServer;
import dev.bulletproof.daemon.app.Daemon;
import dev.bulletproof.daemon.db.PostgresDatabaseFixture;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.events.EventBus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints p50/p99 latency and requests per second of GET /api/jobs?limit=50 and GET /api/stats with a large
 * history, under concurrent clients, against the real daemon on a real SQLite file, or with {@code --postgres}
 * on a real PostgreSQL server started in this JVM (the daemon then runs as a node of that database).
 *
 * <p>Arguments: {@code [--postgres] [jobs] [threads] [requests per thread per endpoint]}; defaults 100000, 8,
 * 1000 (enough samples for a stable p99).
 */
public final class ApiLatencyBench {

    private ApiLatencyBench() {}

    public static void main(String[] arguments) throws Exception {
        boolean postgres = arguments.length > 0 && arguments[0].equals("--postgres");
        String[] args = postgres ? Arrays.copyOfRange(arguments, 1, arguments.length) : arguments;
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Path root = Files.createTempDirectory("bulletproof-api-bench");
        Path data = Files.createDirectories(root.resolve("data"));
        Path config = root.resolve("bulletproof.yaml");
        String settings = "monitor_folder: ./in\noutput_folder: ./out\nscan_interval_seconds: 60\n";
        long fill = System.nanoTime();
        if (postgres) {
            PostgresDatabaseFixture database = PostgresDatabaseFixture.create();
            try (SqlDatabase seeded = database.open()) {
                JobHistorySeed.fill(seeded, jobs);
            }
            Files.writeString(root.resolve("database-password"), PostgresDatabaseFixture.PASSWORD);
            settings += "database:\n  url: " + database.url() + "\n  user: " + PostgresDatabaseFixture.USER
                    + "\n  password_file: database-password\n";
        } else {
            JobHistorySeed.fill(data.resolve("bulletproof.db"), jobs);
        }
        Files.writeString(config, settings);
        System.out.printf(
                Locale.ROOT,
                "history: %d jobs inserted in %.1f s (%s)%n",
                jobs,
                (System.nanoTime() - fill) / 1e9,
                postgres ? "PostgreSQL" : "SQLite");

        try (Daemon monitor = Daemon.start(new Daemon.Options(config, data, null, null), new EventBus())) {
            monitor.pool().pauseQueue();
            ApiServer server =
                    ApiServer.start(monitor.engine(), ApiOptions.defaults().withPort(0));
            try {
                String token = Files.readString(data.resolve("token")).strip();
                String base = "http://127.0.0.1:" + server.port();
                measure(base + "/api/queue", token, threads, requests);
                measure(base + "/api/jobs?limit=50", token, threads, requests);
                measure(base + "/api/stats", token, threads, Math.max(1, requests / 10));
            } finally {
                server.stop();
            }
        }
    }

    private static void measure(String url, String token, int threads, int requestsPerThread) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60))
                .build();
        // Two rounds under the same load: the first mostly measures the JIT compiling the request path
        // (a daemon's first minute), the second the daemon a user talks to afterwards.
        report("first round", url, threads, requestsPerThread, client, request);
        report("steady", url, threads, requestsPerThread, client, request);
    }

    private static void report(
            String round, String url, int threads, int requestsPerThread, HttpClient client, HttpRequest request) {
        long start = System.nanoTime();
        List<Future<long[]>> results = runConcurrently(client, request, threads, requestsPerThread);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = results.stream()
                .flatMapToLong(f -> Arrays.stream(join(f)))
                .sorted()
                .toArray();
        System.out.printf(
                Locale.ROOT,
                "%s (%s): %d requests by %d threads in %.1f s = %.0f req/s; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                URI.create(url).getPath()
                        + (URI.create(url).getQuery() == null
                                ? ""
                                : "?" + URI.create(url).getQuery()),
                round,
                all.length,
                threads,
                seconds,
                all.length / seconds,
                all[all.length / 2] / 1e6,
                all[(int) (all.length * 0.99)] / 1e6,
                all[all.length - 1] / 1e6);
    }

    private static List<Future<long[]>> runConcurrently(
            HttpClient client, HttpRequest request, int threads, int requestsPerThread) {
        List<Future<long[]>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> run(client, request, requestsPerThread)));
            }
        }
        return results;
    }

    private static long[] run(HttpClient client, HttpRequest request, int count)
            throws IOException, InterruptedException {
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            long before = System.nanoTime();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            latencies[i] = System.nanoTime() - before;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
        }
        return latencies;
    }

    private static long[] join(Future<long[]> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
