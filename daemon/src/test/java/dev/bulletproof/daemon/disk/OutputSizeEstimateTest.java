package dev.bulletproof.daemon.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.db.Migrations;
import dev.bulletproof.daemon.disk.jdbc.JdbcOutputRates;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk guard's estimate of a job's output: measured per profile, else twice the input. */
class OutputSizeEstimateTest {

    @TempDir
    Path folder;

    private static Job job(String profile, long inputSize, Double mediaSeconds) {
        return new Job(
                4,
                "/in/cue.mov",
                inputSize,
                1,
                "cue.mov",
                JobStatus.QUEUED,
                null,
                profile,
                "/out/cue.mov",
                null,
                0,
                0,
                null,
                Instant.EPOCH,
                null,
                null,
                null,
                mediaSeconds,
                null,
                null,
                null,
                null,
                1);
    }

    @Test
    void aProfileWithHistoryIsEstimatedFromItsBytesPerMediaSecondPlusAFifth() {
        OutputSizeEstimate estimate = new OutputSizeEstimate(
                profile -> profile.equals("live-qlab") ? OptionalDouble.of(1_000_000) : OptionalDouble.empty(),
                Clock.systemUTC());

        assertThat(estimate.bytesFor(job("live-qlab", 5_000_000, 60.0))).isEqualTo(72_000_000);
        assertThat(estimate.bytesFor(job("stream-hd", 5_000_000, 60.0)))
                .as("no history for the profile: twice the input")
                .isEqualTo(10_000_000);
        assertThat(estimate.bytesFor(job("live-qlab", 5_000_000, null)))
                .as("no known duration: twice the input")
                .isEqualTo(10_000_000);
    }

    @Test
    void theRatesComeFromTheProfilesCompletedJobsInTheDatabase() {
        try (Database database = Database.open(folder.resolve("bulletproof.db"))) {
            Migrations.fromClasspath().apply(database);
            insert(database, "live-qlab", "COMPLETED", 30_000_000L, 10.0);
            insert(database, "live-qlab", "COMPLETED", 10_000_000L, 10.0);
            insert(database, "live-qlab", "FAILED", null, 10.0);
            insert(database, "stream-hd", "COMPLETED", 1_000_000L, 100.0);

            JdbcOutputRates rates = new JdbcOutputRates(database);

            assertThat(rates.bytesPerMediaSecond("live-qlab")).hasValue(2_000_000.0);
            assertThat(rates.bytesPerMediaSecond("stream-hd")).hasValue(10_000.0);
            assertThat(rates.bytesPerMediaSecond("audio-qlab")).isEmpty();
        }
    }

    private static void insert(Database database, String profile, String status, Long outputSize, double seconds) {
        database.inTransaction(tx -> tx.update(
                "INSERT INTO jobs (input_path, input_size, input_mtime, filename, status, profile, created_at,"
                        + " media_duration_seconds, output_size) VALUES (?, 1, 1, 'x.mov', ?, ?, 0, ?, ?)",
                "/in/" + profile + outputSize + status,
                status,
                profile,
                seconds,
                outputSize));
    }
}
