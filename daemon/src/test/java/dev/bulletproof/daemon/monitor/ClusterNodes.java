package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.db.PostgresDatabaseFixture;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobHistoryEntry;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import dev.bulletproof.daemon.media.OutputPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Several daemons as child processes on one embedded PostgreSQL database, watching one shared folder and
 * writing to one shared output folder: a cluster on one machine. Each node has its own data folder (its own
 * node id) and API port.
 */
final class ClusterNodes implements AutoCloseable {

    final Path root;
    final Path in;
    final Path out;
    final Path staging;
    final String url;
    final SqlDatabase database;
    final JdbcJobRepository jobs;
    private final List<DaemonProcess> started = new ArrayList<>();
    private final java.util.Map<String, Integer> ports = new java.util.concurrent.ConcurrentHashMap<>();
    private final int heartbeatSeconds;
    private final int nodeTimeoutSeconds;

    /** On a new database of the test JVM's embedded server. */
    ClusterNodes(Path root, int heartbeatSeconds, int nodeTimeoutSeconds) throws IOException {
        this(
                root,
                heartbeatSeconds,
                nodeTimeoutSeconds,
                PostgresDatabaseFixture.create().url());
    }

    /** On the database at {@code url}, reached as {@link PostgresDatabaseFixture#USER}; migrated here. */
    ClusterNodes(Path root, int heartbeatSeconds, int nodeTimeoutSeconds, String url) throws IOException {
        this.root = root;
        this.url = url;
        this.in = Files.createDirectories(root.resolve("in"));
        this.out = Files.createDirectories(root.resolve("out"));
        this.staging = Files.createDirectories(root.resolve("staging"));
        this.heartbeatSeconds = heartbeatSeconds;
        this.nodeTimeoutSeconds = nodeTimeoutSeconds;
        Files.writeString(root.resolve("database-password"), PostgresDatabaseFixture.PASSWORD + "\n");
        this.database = new PostgresDatabaseFixture(url).open();
        this.jobs = new JdbcJobRepository(database, Clock.systemUTC());
    }

    /** Starts node {@code name}: its own config file and data folder, the shared folders and database. */
    DaemonProcess start(String name) throws IOException {
        return start(name, "monitor_folder: ./in\noutput_folder: ./out\nprocessed_folder: ./processed\n", "");
    }

    /**
     * Starts node {@code name} with its own {@code folders} (the config file's top-level folder keys, one a
     * line) and {@code databaseExtra} (more lines of its {@code database:} section, indented two spaces).
     */
    DaemonProcess start(String name, String folders, String databaseExtra) throws IOException {
        Path config = root.resolve(name + ".yaml");
        int port = MonitorFixture.freePort();
        ports.put(name, port);
        Files.writeString(config, """
                %smax_workers: 1
                stable_seconds: 0.5
                scan_interval_seconds: 1
                stall_timeout_seconds: 120
                max_attempts: 3
                rules:
                  - pattern: "*.mkv"
                    profile: live-linux-hevc-mkv
                server: { port: %d }
                database:
                  url: %s
                  user: %s
                  password_file: database-password
                  node_name: %s
                  heartbeat_seconds: %d
                  node_timeout_seconds: %d
                %s""".formatted(
                        folders,
                        port,
                        url,
                        PostgresDatabaseFixture.USER,
                        name,
                        heartbeatSeconds,
                        nodeTimeoutSeconds,
                        databaseExtra));
        DaemonProcess daemon = DaemonProcess.start(config, root.resolve("data-" + name), root.resolve(name + ".log"));
        started.add(daemon);
        return daemon;
    }

    /** {@code GET path} on node {@code name}'s own API, with its token; the body as JSON. */
    com.fasterxml.jackson.databind.JsonNode api(String name, String path) throws Exception {
        return call(name, "GET", path);
    }

    /** {@code POST path} (no body) on node {@code name}'s own API, with its token; the body as JSON. */
    com.fasterxml.jackson.databind.JsonNode post(String name, String path) throws Exception {
        return call(name, "POST", path);
    }

    private com.fasterxml.jackson.databind.JsonNode call(String name, String method, String path) throws Exception {
        String token =
                Files.readString(root.resolve("data-" + name).resolve("token")).strip();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + ports.get(name) + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    method + " " + path + " on " + name + ": " + response.statusCode() + " " + response.body());
        }
        return dev.bulletproof.model.Json.mapper().readTree(response.body());
    }

    /** The node id a node keeps in its data folder (made at its first start). */
    String nodeIdOf(String name) {
        try {
            return Files.readString(root.resolve("data-" + name).resolve("node-id"))
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long aliveNodes() {
        return database.queryOne(
                        "SELECT COUNT(*) FROM nodes WHERE last_heartbeat >= "
                                + database.dialect().nowMillis() + " - ?",
                        row -> row.getLong(1),
                        nodeTimeoutSeconds * 1000L)
                .orElse(0L);
    }

    Optional<Job> onlyJob() {
        List<Job> all = jobs.list(JobFilter.all());
        if (all.size() > 1) {
            throw new AssertionError("one file made " + all.size() + " jobs: " + all);
        }
        return all.stream().findFirst();
    }

    List<JobHistoryEntry> history(long jobId) {
        return jobs.events(jobId);
    }

    List<Path> outputs() {
        return files().stream().filter(file -> !OutputPaths.isTemp(file)).toList();
    }

    List<Path> temporaries() {
        return files().stream().filter(OutputPaths::isTemp).toList();
    }

    private List<Path> files() {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every job's row and history, then every node's log, for a failing assertion. */
    String logs() {
        StringBuilder all = new StringBuilder();
        try {
            for (Job job : jobs.list(JobFilter.all())) {
                all.append("==== job ").append(job).append('\n');
                for (JobHistoryEntry event : history(job.id())) {
                    all.append("  ").append(event).append('\n');
                }
            }
        } catch (RuntimeException e) {
            all.append("(cannot read the jobs: ").append(e).append(")\n");
        }
        try (Stream<Path> logs = Files.list(root)) {
            for (Path log :
                    logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                all.append("==== ").append(log.getFileName()).append('\n').append(Files.readString(log));
            }
        } catch (IOException e) {
            all.append("(cannot read the logs: ").append(e).append(')');
        }
        return all.toString();
    }

    @Override
    public void close() throws Exception {
        for (DaemonProcess daemon : started) {
            signal("CONT", daemon.pid()); // a frozen node would not die of SIGKILL's wait otherwise
            daemon.close();
        }
        database.close();
    }

    /** Sends {@code kill -SIGNAL} to the process and to every process under it (its ffmpeg). */
    static void signalTree(String signal, long pid) {
        ProcessHandle.of(pid).ifPresent(handle -> {
            handle.descendants().forEach(child -> signal(signal, child.pid()));
            signal(signal, pid);
        });
    }

    static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void await(String what, Duration limit, java.util.function.BooleanSupplier condition, ClusterNodes nodes)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // the database is away for a moment (a test restarts it); ask again
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out after " + limit + " waiting for " + what + "\n" + nodes.logs());
    }
}
