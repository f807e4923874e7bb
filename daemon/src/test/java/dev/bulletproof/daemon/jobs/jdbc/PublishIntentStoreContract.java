package dev.bulletproof.daemon.jobs.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.daemon.db.DatabaseFixture;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.jobs.ExecutionResult;
import dev.bulletproof.daemon.jobs.IllegalTransitionException;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.daemon.jobs.PublishIntent;
import dev.bulletproof.daemon.jobs.PublishIntent.Disposal;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link dev.bulletproof.daemon.jobs.PublishIntentStore} on a SQL database does, together with
 * the job store it shares its transactions with, whatever the dialect: each dialect runs it through a
 * subclass that says which database to use.
 */
public abstract class PublishIntentStoreContract {

    @TempDir
    Path folder;

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private DatabaseFixture fixture;
    private SqlDatabase database;
    private JdbcJobRepository jobs;
    private JdbcPublishIntentStore intents;
    private int files;

    /** An empty database of the dialect under test; {@code folder} is this test's own temporary folder. */
    protected abstract DatabaseFixture newDatabase(Path folder);

    @BeforeEach
    void openDatabase() {
        fixture = newDatabase(folder);
        open();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private void open() {
        database = fixture.open();
        jobs = new JdbcJobRepository(database, clock);
        intents = new JdbcPublishIntentStore(database, clock);
    }

    private void reopen() {
        database.close();
        open();
    }

    private Job queued() {
        files++;
        clock.advance(Duration.ofMillis(1));
        return jobs.registerFile(NewFile.ready(
                        "/in/" + files + ".mov", files, files, JobPlan.of("live-qlab", "/out/" + files + ".mov", 0)))
                .job();
    }

    private Job running() {
        Job job = queued();
        Job claimed = jobs.claimNext(clock.instant()).orElseThrow();
        assertThat(claimed.id()).isEqualTo(job.id());
        return claimed;
    }

    private static PublishIntent intentFor(Job job) {
        return PublishIntent.beforeRename(
                job.id(),
                Path.of("/out/." + job.id() + ".mov.part"),
                Path.of("/out/" + job.id() + ".mov"),
                1_234_567_890_123L,
                "sha256:" + job.id(),
                12.5);
    }

    @Test
    void aRecordedIntentSurvivesARestartWithEveryField() {
        Job job = running();

        assertThat(intents.record(intentFor(job))).isTrue();
        reopen();

        assertThat(intents.all()).containsExactly(intentFor(job));
    }

    @Test
    void onlyARunningOrPausedJobMayRecordAnIntent() {
        Job paused = running();
        jobs.pause(paused.id());
        Job waiting = queued();
        Job cancelled = queued();
        jobs.cancel(cancelled.id(), "cancelled by user");

        assertThat(intents.record(intentFor(paused))).isTrue();
        assertThat(intents.record(intentFor(waiting))).as("still queued").isFalse();
        assertThat(intents.record(intentFor(cancelled)))
                .as("cancelled a moment ago")
                .isFalse();
        assertThat(intents.record(
                        PublishIntent.beforeRename(999, Path.of("/out/.x.part"), Path.of("/out/x.mov"), 1, "f", 1.0)))
                .as("no such job")
                .isFalse();
        assertThat(intents.all()).extracting(PublishIntent::jobId).containsExactly(paused.id());
    }

    @Test
    void retargetAndDisposalAreKeptWithTheIntent() {
        Job moved = running();
        Job deleted = running();
        intents.record(intentFor(moved));
        intents.record(intentFor(deleted));

        intents.retarget(moved.id(), Path.of("/out/" + moved.id() + "-2.mov"));
        intents.recordDisposal(moved.id(), Disposal.MOVE, Path.of("/done/" + moved.id() + ".mov"));
        intents.recordDisposal(deleted.id(), Disposal.DELETE, null);
        reopen();

        PublishIntent original = intentFor(moved);
        assertThat(intents.all())
                .containsExactly(
                        new PublishIntent(
                                moved.id(),
                                original.tempPath(),
                                Path.of("/out/" + moved.id() + "-2.mov"),
                                original.size(),
                                original.fingerprint(),
                                original.processingSeconds(),
                                Disposal.MOVE,
                                Path.of("/done/" + moved.id() + ".mov")),
                        new PublishIntent(
                                deleted.id(),
                                intentFor(deleted).tempPath(),
                                intentFor(deleted).finalPath(),
                                intentFor(deleted).size(),
                                intentFor(deleted).fingerprint(),
                                intentFor(deleted).processingSeconds(),
                                Disposal.DELETE,
                                null));
    }

    @Test
    void intentsAreListedOldestJobFirstAndADiscardedOneIsGone() {
        Job first = running();
        Job second = running();
        Job third = running();
        intents.record(intentFor(third));
        intents.record(intentFor(first));
        intents.record(intentFor(second));

        intents.discard(second.id());

        assertThat(intents.all()).extracting(PublishIntent::jobId).containsExactly(first.id(), third.id());
    }

    @Test
    void completingTheJobRemovesItsIntentInTheSameTransaction() {
        Job job = running();
        intents.record(intentFor(job));

        jobs.markCompleted(job.id(), ExecutionResult.succeeded("/out/" + job.id() + ".mov", true, 12.5));

        assertThat(intents.all()).isEmpty();
        assertThat(jobs.get(job.id()).status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void aPublishingJobCannotBeCancelledAndAStopLeavesItToRecovery() {
        Job job = running();
        intents.record(intentFor(job));

        assertThatThrownBy(() -> jobs.cancel(job.id(), "cancelled by user"))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("job " + job.id() + " is publishing its verified output; it can no longer be cancelled");
        Job afterStop = jobs.requeueAfterStop(job.id());

        assertThat(afterStop.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(afterStop.attempts()).isEqualTo(1);
        assertThat(intents.all()).extracting(PublishIntent::jobId).containsExactly(job.id());
    }
}
