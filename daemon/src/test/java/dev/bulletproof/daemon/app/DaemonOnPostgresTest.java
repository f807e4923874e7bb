package dev.bulletproof.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.db.PostgresDatabaseFixture;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.testing.TestClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composition root with a {@code database:} section: the real daemon keeps its queue in PostgreSQL
 * (an embedded server) and makes no SQLite file, and a real clip dropped in its folder is transcoded.
 */
class DaemonOnPostgresTest {

    @TempDir
    Path root;

    @Test
    void a_daemon_configured_for_postgresql_keeps_its_jobs_there() throws Exception {
        PostgresDatabaseFixture fixture = PostgresDatabaseFixture.create();
        Files.writeString(root.resolve("database-password"), PostgresDatabaseFixture.PASSWORD + "\n");
        Path config = root.resolve("bulletproof.yaml");
        Files.writeString(config, """
                monitor_folder: ./in
                output_folder: ./out
                max_workers: 1
                stable_seconds: 0.5
                scan_interval_seconds: 1
                max_attempts: 1
                database:
                  url: %s
                  user: %s
                  password_file: database-password
                """.formatted(fixture.url(), PostgresDatabaseFixture.USER));
        Path data = root.resolve("data");
        Path clip = TestClips.videoWithAudio(Files.createDirectories(root.resolve("staging")), "cue.mp4", 1);

        try (Daemon daemon = Daemon.start(new Daemon.Options(config, data, null, null), new EventBus());
                SqlDatabase shared = fixture.open()) {
            Files.move(clip, root.resolve("in").resolve("cue.mp4"));

            List<String> statuses = waitForFinishedJob(shared, Duration.ofSeconds(90));

            assertThat(statuses).containsExactly("COMPLETED");
            assertThat(Files.list(root.resolve("out")).toList()).hasSize(1);
        }
        assertThat(data.resolve("bulletproof.db"))
                .as("no SQLite database beside")
                .doesNotExist();
    }

    private static List<String> waitForFinishedJob(SqlDatabase database, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<String> statuses = List.of();
        while (Instant.now().isBefore(deadline)) {
            statuses = database.query("SELECT status FROM jobs", row -> row.getString(1));
            if (!statuses.isEmpty()
                    && statuses.stream()
                            .noneMatch(s -> s.equals("WAITING") || s.equals("QUEUED") || s.equals("PROCESSING"))) {
                return statuses;
            }
            Thread.sleep(200);
        }
        return statuses;
    }
}
