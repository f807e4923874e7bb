package dev.bulletproof.daemon.cli;

import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.client.JobQuery;
import dev.bulletproof.daemon.api.ApiOptions;
import dev.bulletproof.daemon.api.ApiServer;
import dev.bulletproof.daemon.app.Daemon;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A real daemon with its HTTP API on a free port: its own config file, folders, SQLite database and token.
 * The watch folder stays empty; tests hand it work through {@code POST /api/jobs}.
 */
final class RunningDaemon implements AutoCloseable {

    final Path root;
    final Path staging;
    final Path data;
    final Path configFile;
    private final Daemon monitor;
    private ApiServer api;
    private final int port;

    RunningDaemon(Path root) {
        this(root, "");
    }

    /** @param extraYaml more of the config file (a schedule, say) */
    RunningDaemon(Path root, String extraYaml) {
        this.root = root;
        this.staging = root.resolve("staging");
        this.data = root.resolve("data");
        this.configFile = root.resolve("bulletproof.yaml");
        try {
            Files.createDirectories(staging);
            // A config that lists watch_folders names no monitor_folder: the two shapes are never written together.
            Files.writeString(
                    configFile,
                    (extraYaml.contains("watch_folders:") ? "" : "monitor_folder: ./in\n") + """
                    output_folder: ./out
                    max_workers: 2
                    stable_seconds: 0.5
                    scan_interval_seconds: 1
                    stall_timeout_seconds: 60
                    max_attempts: 1
                    """ + extraYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        monitor = Daemon.start(new Daemon.Options(configFile, data, null, null), new EventBus());
        api = startApi(0);
        // Kept apart: a stopped server no longer reports the port it had.
        port = api.port();
    }

    private ApiServer startApi(int port) {
        return ApiServer.start(monitor.engine(), ApiOptions.defaults().withPort(port));
    }

    Daemon monitor() {
        return monitor;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    String token() {
        try {
            return Files.readString(data.resolve("token"), StandardCharsets.US_ASCII)
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BulletproofClient client() {
        return new BulletproofClient(url(), token());
    }

    /** Stops the HTTP side only; the engine keeps running, as when the API restarts. */
    void stopApi() {
        api.stop();
    }

    /** Listens again on the same port. */
    void restartApi() {
        api = startApi(port);
    }

    Path clip(String name, double seconds) {
        return TestClips.videoWithAudio(staging, name, seconds);
    }

    JobModel awaitJob(String id, String what, Predicate<JobModel> condition) {
        BulletproofClient client = client();
        await(what, Duration.ofSeconds(90), () -> condition.test(client.job(id)));
        return client.job(id);
    }

    long jobCount() {
        return client().listJobs(JobQuery.all()).total();
    }

    static void await(String what, Duration limit, BooleanSupplier condition) {
        Await.until(what, limit, condition);
    }

    @Override
    public void close() {
        api.stop();
        monitor.stop(Duration.ofSeconds(10));
    }
}
