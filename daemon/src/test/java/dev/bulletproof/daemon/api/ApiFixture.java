package dev.bulletproof.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.app.Daemon;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.model.Json;
import dev.bulletproof.testing.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real daemon and its API server on a free port, in a temporary folder.
 *
 * <p>Either opened by hand in a try-with-resources block (when a test restarts the daemon or changes its
 * folders first), or registered as a JUnit extension with {@link #perTest}: then every test method gets a
 * freshly started daemon in a folder of its own, stopped and removed after the test.
 */
final class ApiFixture implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

    static final Duration ENCODES = Duration.ofSeconds(120);

    final Path root;
    final Path in;
    final Path out;
    final Path staging;
    final Path data;
    final Path configFile;
    final HttpClient http = HttpClient.newHttpClient();
    Daemon daemon;
    ApiServer server;
    String token;
    /** The daemon's clock; null for the system clock. */
    java.time.Clock clock;

    ApiFixture(Path root, String extraYaml) {
        this(root, 2, extraYaml);
    }

    ApiFixture(Path root, int maxWorkers, String extraYaml) {
        this.root = root;
        this.in = root.resolve("in");
        this.out = root.resolve("out");
        this.staging = root.resolve("staging");
        this.data = root.resolve("data");
        this.configFile = root.resolve("bulletproof.yaml");
        try {
            Files.createDirectories(staging);
            Files.createDirectories(in);
            Files.writeString(configFile, """
                    monitor_folder: ./in
                    output_folder: ./out
                    processed_folder: ./processed
                    max_workers: %d
                    stable_seconds: 0.5
                    scan_interval_seconds: 1
                    stall_timeout_seconds: 30
                    max_attempts: 2
                    """.formatted(maxWorkers) + extraYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The daemon started next runs on {@code clock} (its schedule, retries and history read it). */
    ApiFixture withClock(java.time.Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Stops the daemon and starts it again on the same config, data folder and clock, as a restart would. */
    ApiFixture restart() {
        daemon.stop(Duration.ofSeconds(10));
        return start();
    }

    static ApiFixture started(Path root) {
        return new ApiFixture(root, "").start();
    }

    /** For {@code @RegisterExtension}: a daemon started before each test and stopped after it. */
    static ApiFixture perTest(String extraYaml) {
        return perTest(2, extraYaml);
    }

    static ApiFixture perTest(int maxWorkers, String extraYaml) {
        try {
            return new ApiFixture(Files.createTempDirectory("bulletproof-api-"), maxWorkers, extraYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
        daemon = null;
        deleteTree(root);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    ApiFixture start() {
        daemon = Daemon.start(
                new Daemon.Options(configFile, data, null, clock)
                        .withApi(ApiOptions.defaults().withPort(0)),
                new EventBus());
        server = daemon.api();
        token = readToken();
        return this;
    }

    private String readToken() {
        Path file = data.resolve(ApiToken.FILE_NAME);
        try {
            return Files.exists(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> delete(String path) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .DELETE()
                .build());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** A raw HTTP/1.1 exchange, for headers HttpClient will not let a caller set (Host). */
    String raw(String requestText) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream outStream = socket.getOutputStream();
            outStream.write(requestText.getBytes(StandardCharsets.UTF_8));
            outStream.flush();
            InputStream input = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int read = input.read(buffer);
            return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes a clip outside the watch folder, then moves it in at once, the way a finished copy lands. */
    Path drop(String name, double seconds) {
        return moveInto(in, TestClips.videoWithAudio(staging, name, seconds), name);
    }

    static Path moveInto(Path folder, Path file, String name) {
        try {
            return Files.move(file, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Job> jobs() {
        return daemon.jobs().list(new JobFilter(null, null, null, null, 1000, 0));
    }

    void awaitAllFinished(int count) {
        await("all " + count + " jobs finished", ENCODES, () -> {
            List<Job> jobs = jobs();
            return jobs.size() >= count
                    && jobs.stream().allMatch(job -> job.status().isFinished());
        });
    }

    /**
     * All finished, and the poster frame of each written: it is made in the background at the lowest CPU
     * priority and may land after the encode, so a test that compares the jobs before and after must wait.
     */
    void awaitAllSettled(int count) {
        awaitAllFinished(count);
        await(
                "the poster frames of all " + count + " jobs",
                ENCODES,
                () -> jobs().stream().allMatch(Job::thumbnail));
    }

    static void await(String what, Duration limit, BooleanSupplier condition) {
        Await.until(what, limit, condition);
    }

    @Override
    public void close() {
        if (daemon != null) {
            daemon.stop(Duration.ofSeconds(10));
        }
    }
}
