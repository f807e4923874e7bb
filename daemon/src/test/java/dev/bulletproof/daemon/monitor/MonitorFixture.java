package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.app.Daemon;
import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobHistoryEntry;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** A real daemon in a temporary folder: its own config file, watch/output folders and SQLite database. */
final class MonitorFixture implements AutoCloseable {

    final Path root;
    final Path in;
    final Path out;
    final Path processed;
    final Path staging;
    final Path data;
    final Path configFile;
    final List<Job> changes = new CopyOnWriteArrayList<>();
    private Daemon daemon;

    MonitorFixture(Path root, String extraYaml) {
        this.root = root;
        this.in = root.resolve("in");
        this.out = root.resolve("out");
        this.processed = root.resolve("processed");
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
                    max_workers: 2
                    stable_seconds: 0.5
                    scan_interval_seconds: 1
                    stall_timeout_seconds: 30
                    max_attempts: 2
                    """ + extraYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nobody listens on now, for the daemon's API when it runs as a child process. */
    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Daemon start() {
        return start(new Daemon.Options(configFile, data, null, null), new EventBus());
    }

    /** With the bus the test subscribed to before the start, and options of its own (a free-space probe). */
    Daemon start(Daemon.Options options, EventBus bus) {
        bus.subscribe(JobEvent.Changed.class, changed -> changes.add(changed.job()));
        daemon = Daemon.start(options, bus);
        return daemon;
    }

    Daemon.Options options() {
        return new Daemon.Options(configFile, data, null, null);
    }

    Daemon daemon() {
        return daemon;
    }

    void stop() {
        if (daemon != null) {
            daemon.stop(Duration.ofSeconds(10));
            daemon = null;
        }
    }

    /** Makes a clip outside the watch folder, then moves it in at once, the way a finished copy lands. */
    Path drop(String name, double seconds) {
        Path clip = TestClips.videoWithAudio(staging, name, seconds);
        return moveIn(clip, name);
    }

    Path moveIn(Path file, String name) {
        try {
            return Files.move(file, in.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Job> jobs() {
        return daemon.jobs().list(new JobFilter(null, null, null, null, 1000, 0));
    }

    Job jobFor(Path input) {
        return jobs().stream()
                .filter(job -> job.inputPath().equals(input.toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no job for " + input + "; jobs: " + jobs()));
    }

    boolean finished(Path input) {
        return jobs().stream()
                .anyMatch(job ->
                        job.inputPath().equals(input.toString()) && job.status().isFinished());
    }

    void awaitAllFinished(int count, Duration limit) {
        await("all " + count + " jobs finished", limit, () -> {
            List<Job> jobs = jobs();
            return jobs.size() >= count
                    && jobs.stream().allMatch(job -> job.status().isFinished());
        });
    }

    void awaitStatus(Path input, JobStatus status, Duration limit) {
        await(
                input.getFileName() + " " + status.wireName(),
                limit,
                () -> jobs().stream()
                        .anyMatch(job -> job.inputPath().equals(input.toString()) && job.status() == status));
    }

    List<Path> filesUnder(Path folder) {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void await(String what, Duration limit, BooleanSupplier condition) {
        Await.until(what, limit, condition);
    }

    /**
     * The jobs in a daemon's database, read the way any other process could while that daemon runs (a child
     * daemon of a crash test); empty while the database is still being created.
     */
    static List<Job> jobsIn(Path dataFolder) {
        Path file = dataFolder.resolve("bulletproof.db");
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Database database = Database.open(file)) {
            return new JdbcJobRepository(database, Clock.systemUTC())
                    .list(new JobFilter(null, null, null, null, 1000, 0));
        } catch (RuntimeException e) {
            return List.of(); // being created
        }
    }

    /** One job's history in a daemon's database, oldest first. */
    static List<JobHistoryEntry> historyIn(Path dataFolder, long jobId) {
        try (Database database = Database.open(dataFolder.resolve("bulletproof.db"))) {
            return new JdbcJobRepository(database, Clock.systemUTC()).events(jobId);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
