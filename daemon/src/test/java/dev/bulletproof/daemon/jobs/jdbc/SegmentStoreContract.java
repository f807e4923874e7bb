package dev.bulletproof.daemon.jobs.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.daemon.db.DatabaseFixture;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.jobs.ExecutionResult;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.JobSegment;
import dev.bulletproof.daemon.jobs.JobSegment.Kind;
import dev.bulletproof.daemon.jobs.JobSegment.State;
import dev.bulletproof.daemon.jobs.LeaseLostException;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link dev.bulletproof.daemon.jobs.SegmentStore} on a SQL database does, whatever the dialect:
 * plans survive a restart, done stays done, and a run whose lease is gone writes nothing.
 */
public abstract class SegmentStoreContract {

    private static final List<JobSegment.Planned> THREE_AND_AUDIO = List.of(
            new JobSegment.Planned(Kind.VIDEO, 0, 0, 60, 0, 1500),
            new JobSegment.Planned(Kind.VIDEO, 1, 60, 60, 1500, 1500),
            new JobSegment.Planned(Kind.VIDEO, 2, 120, 30.04, 3000, 751),
            new JobSegment.Planned(Kind.AUDIO, 0, 0, 150.04, 0, 0));

    @TempDir
    Path folder;

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private DatabaseFixture fixture;
    private SqlDatabase database;
    private JdbcJobRepository jobs;
    private JdbcSegmentStore segments;
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
        segments = new JdbcSegmentStore(database, clock);
    }

    private Job running() {
        files++;
        clock.advance(Duration.ofMillis(1));
        Job job = jobs.registerFile(NewFile.ready(
                        "/in/" + files + ".mov", files, files, JobPlan.of("live-qlab", "/out/" + files + ".mov", 0)))
                .job();
        Job claimed = jobs.claimNext(clock.instant()).orElseThrow();
        assertThat(claimed.id()).isEqualTo(job.id());
        return claimed;
    }

    @Test
    void aPlanIsRecordedQueuedInTimeOrderWithTheAudioLast() {
        Job job = running();

        List<JobSegment> planned = segments.plan(job.leaseHeld(), THREE_AND_AUDIO);

        assertThat(planned).extracting(JobSegment::planned).containsExactlyElementsOf(THREE_AND_AUDIO);
        assertThat(planned).allSatisfy(segment -> {
            assertThat(segment.state()).isEqualTo(State.QUEUED);
            assertThat(segment.attempts()).isZero();
            assertThat(segment.sizeBytes()).isNull();
        });
        assertThat(segments.of(job.id())).isEqualTo(planned);
    }

    @Test
    void startCountsTheAttemptAndNamesTheWorkerFinishRecordsSizeAndChecksum() {
        Job job = running();
        segments.plan(job.leaseHeld(), THREE_AND_AUDIO);

        JobSegment started = segments.start(job.leaseHeld(), Kind.VIDEO, 1, "node-a", 2);
        JobSegment done = segments.finish(job.leaseHeld(), Kind.VIDEO, 1, 123_456, "ab".repeat(32));

        assertThat(started.state()).isEqualTo(State.RUNNING);
        assertThat(started.attempts()).isEqualTo(1);
        assertThat(started.nodeId()).isEqualTo("node-a");
        assertThat(started.worker()).isEqualTo(2);
        assertThat(started.lease()).isEqualTo(job.lease());
        assertThat(done.state()).isEqualTo(State.DONE);
        assertThat(done.sizeBytes()).isEqualTo(123_456);
        assertThat(done.sha256()).isEqualTo("ab".repeat(32));
        assertThat(done.onDisk()).isTrue();
        assertThat(segments.of(job.id()).get(1)).isEqualTo(done);
    }

    @Test
    void aRequeuedSegmentForgetsItsFileButKeepsItsAttempts() {
        Job job = running();
        segments.plan(job.leaseHeld(), THREE_AND_AUDIO);
        segments.start(job.leaseHeld(), Kind.AUDIO, 0, "node-a", 1);
        segments.finish(job.leaseHeld(), Kind.AUDIO, 0, 10, "cd".repeat(32));

        JobSegment again = segments.requeue(job.leaseHeld(), Kind.AUDIO, 0);

        assertThat(again.state()).isEqualTo(State.QUEUED);
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.sizeBytes()).isNull();
        assertThat(again.sha256()).isNull();
        assertThat(again.onDisk()).isFalse();
    }

    @Test
    void theSamePlanAfterARestartKeepsWhatWasDone() {
        Job job = running();
        segments.plan(job.leaseHeld(), THREE_AND_AUDIO);
        segments.start(job.leaseHeld(), Kind.VIDEO, 0, "node-a", 1);
        segments.finish(job.leaseHeld(), Kind.VIDEO, 0, 99, "ef".repeat(32));
        segments.start(job.leaseHeld(), Kind.VIDEO, 1, "node-a", 1);

        database.close();
        open();
        jobs.recoverAfterCrash(5);
        Job again = jobs.claimNext(clock.instant()).orElseThrow();
        List<JobSegment> replanned = segments.plan(again.leaseHeld(), THREE_AND_AUDIO);

        assertThat(replanned)
                .extracting(JobSegment::state)
                .containsExactly(State.DONE, State.RUNNING, State.QUEUED, State.QUEUED);
        assertThat(replanned.getFirst().sha256()).isEqualTo("ef".repeat(32));
        assertThat(replanned.get(1).attempts()).isEqualTo(1);
    }

    @Test
    void aDifferentPlanReplacesTheOldOne() {
        Job job = running();
        segments.plan(job.leaseHeld(), THREE_AND_AUDIO);
        segments.start(job.leaseHeld(), Kind.VIDEO, 0, "node-a", 1);
        segments.finish(job.leaseHeld(), Kind.VIDEO, 0, 99, "ef".repeat(32));
        List<JobSegment.Planned> halves = List.of(
                new JobSegment.Planned(Kind.VIDEO, 0, 0, 75, 0, 1875),
                new JobSegment.Planned(Kind.VIDEO, 1, 75, 75.04, 1875, 1876));

        List<JobSegment> replanned = segments.plan(job.leaseHeld(), halves);

        assertThat(replanned).extracting(JobSegment::planned).containsExactlyElementsOf(halves);
        assertThat(replanned).extracting(JobSegment::state).containsOnly(State.QUEUED);
    }

    @Test
    void aRunWhoseLeaseWasTakenOverWritesNothing() {
        Job job = running();
        segments.plan(job.leaseHeld(), THREE_AND_AUDIO);
        segments.start(job.leaseHeld(), Kind.VIDEO, 0, "node-a", 1);
        // A restart (or a rescue) bumps the lease; the new claim holds the next one.
        jobs.recoverAfterCrash(5);
        Job reclaimed = jobs.claimNext(clock.instant()).orElseThrow();
        assertThat(reclaimed.lease()).isNotEqualTo(job.lease());

        assertThatThrownBy(() -> segments.finish(job.leaseHeld(), Kind.VIDEO, 0, 1, "00".repeat(32)))
                .isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> segments.start(job.leaseHeld(), Kind.VIDEO, 1, "node-a", 1))
                .isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> segments.requeue(job.leaseHeld(), Kind.VIDEO, 0))
                .isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> segments.plan(job.leaseHeld(), THREE_AND_AUDIO))
                .isInstanceOf(LeaseLostException.class);

        assertThat(segments.of(job.id()).getFirst().state()).isEqualTo(State.RUNNING);
        assertThat(segments.of(job.id())).hasSize(4);
        segments.finish(reclaimed.leaseHeld(), Kind.VIDEO, 0, 1, "00".repeat(32));
        assertThat(segments.of(job.id()).getFirst().lease()).isEqualTo(reclaimed.lease());
    }

    @Test
    void aJobThatIsNotRunningGetsNoPlan() {
        Job job = running();
        jobs.cancel(job.id(), "cancelled by user");

        assertThatThrownBy(() -> segments.plan(job.leaseHeld(), THREE_AND_AUDIO))
                .isInstanceOf(LeaseLostException.class);
        assertThat(segments.of(job.id())).isEmpty();
    }

    @Test
    void finishedJobsWithPiecesOnDiskAreListedForCleanUpAndTheirRowsStay() {
        Job completed = running();
        segments.plan(completed.leaseHeld(), THREE_AND_AUDIO);
        segments.start(completed.leaseHeld(), Kind.VIDEO, 0, "node-a", 1);
        segments.finish(completed.leaseHeld(), Kind.VIDEO, 0, 10, "aa".repeat(32));
        jobs.markCompleted(completed.leaseHeld(), ExecutionResult.succeeded("/out/1.mov", true, 3));
        Job stillRunning = running();
        segments.plan(stillRunning.leaseHeld(), THREE_AND_AUDIO);
        segments.start(stillRunning.leaseHeld(), Kind.VIDEO, 0, "node-a", 1);
        segments.finish(stillRunning.leaseHeld(), Kind.VIDEO, 0, 10, "aa".repeat(32));
        Job cancelledWithNothingDone = running();
        segments.plan(cancelledWithNothingDone.leaseHeld(), THREE_AND_AUDIO);
        jobs.cancel(cancelledWithNothingDone.id(), "cancelled by user");

        assertThat(segments.finishedJobsWithPiecesOnDisk()).containsExactly(completed.id());
        segments.piecesRemoved(completed.id());

        assertThat(segments.finishedJobsWithPiecesOnDisk()).isEmpty();
        assertThat(segments.of(completed.id())).hasSize(4);
        assertThat(segments.of(completed.id()).getFirst().onDisk()).isFalse();
        assertThat(segments.of(completed.id()).getFirst().sizeBytes()).isEqualTo(10);
        assertThat(segments.of(stillRunning.id()).getFirst().onDisk()).isTrue();
    }
}
