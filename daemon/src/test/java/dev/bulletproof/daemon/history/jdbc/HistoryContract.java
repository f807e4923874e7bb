package dev.bulletproof.daemon.history.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulletproof.daemon.db.DatabaseFixture;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.history.History.HistoryBucket;
import dev.bulletproof.daemon.history.History.TimelinePoint;
import dev.bulletproof.daemon.history.InvalidHistoryQueryException;
import dev.bulletproof.daemon.jobs.ExecutionResult;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import dev.bulletproof.model.StatsModel;
import dev.bulletproof.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link dev.bulletproof.daemon.history.History} on a SQL database reports, whatever the dialect:
 * the summary (from the per-status totals the triggers keep), buckets and the timeline. Each dialect runs
 * it through a subclass that says which database to use.
 */
public abstract class HistoryContract {

    /** The summary's figures counted straight from the jobs table, to compare the kept totals with. */
    private static final String RECOUNT = "SELECT"
            + " COUNT(*),"
            + " COUNT(CASE WHEN status = 'COMPLETED' THEN 1 END),"
            + " COUNT(CASE WHEN status = 'FAILED' THEN 1 END),"
            + " COALESCE((SELECT AVG(processing_seconds) FROM jobs WHERE status = 'COMPLETED'), 0),"
            + " COUNT(CASE WHEN status IN ('PROCESSING', 'PAUSED') THEN 1 END),"
            + " COUNT(CASE WHEN status IN ('QUEUED', 'WAITING') THEN 1 END),"
            + " COUNT(CASE WHEN status = 'CANCELLED' THEN 1 END)"
            + " FROM jobs";

    @TempDir
    Path folder;

    private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
    private SqlDatabase database;
    private JdbcJobRepository jobs;
    private JdbcHistory history;
    private int files;

    /** An empty database of the dialect under test; {@code folder} is this test's own temporary folder. */
    protected abstract DatabaseFixture newDatabase(Path folder);

    @BeforeEach
    void open() {
        database = newDatabase(folder).open();
        jobs = new JdbcJobRepository(database, clock);
        history = new JdbcHistory(database, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void moveClockTo(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    private Job queue(String name, Double mediaSeconds) {
        files++;
        String path = "/in/" + name;
        return jobs.registerFile(NewFile.ready(
                        path,
                        files,
                        files,
                        new JobPlan("live-qlab", "/out/" + name, null, 0, mediaSeconds, null, null)))
                .job();
    }

    private Job start(String name, Double mediaSeconds) {
        Job job = queue(name, mediaSeconds);
        Job claimed = jobs.claimNext(clock.instant()).orElseThrow();
        assertThat(claimed.id()).isEqualTo(job.id());
        return claimed;
    }

    private Job completeAt(String at, String name, double processingSeconds, Double mediaSeconds) {
        moveClockTo(at);
        Job job = start(name, mediaSeconds);
        return jobs.markCompleted(job.id(), ExecutionResult.succeeded("/out/" + name, true, processingSeconds));
    }

    private Job failAt(String at, String name, double processingSeconds) {
        moveClockTo(at);
        Job job = start(name, 10.0);
        return jobs.markFailed(job.id(), "ffmpeg exited with 1", processingSeconds);
    }

    private Job cancelAt(String at, String name) {
        moveClockTo(at);
        Job job = queue(name, 10.0);
        return jobs.cancel(job.id(), "cancelled by the operator");
    }

    @Test
    void anEmptyHistorySummarisesToZeros() {
        assertThat(history.summary()).isEqualTo(new StatsModel(0, 0, 0, 0.0, 0, 0, 0, 0));
    }

    @Test
    void summaryCountsEveryStatusAndAveragesOnlyCompletedProcessingTime() {
        completeAt("2026-03-01T09:00:00Z", "a.mov", 10.0, 60.0);
        completeAt("2026-03-01T09:10:00Z", "b.mov", 20.0, 60.0);
        failAt("2026-03-01T09:20:00Z", "c.mov", 99.0);
        cancelAt("2026-03-01T09:30:00Z", "d.mov");
        Job paused = start("e.mov", 5.0);
        jobs.pause(paused.id());
        start("f.mov", 5.0);
        queue("g.mov", 5.0);
        jobs.registerFile(NewFile.settling("/in/h.mov", 1, 1, "settling"));

        assertThat(history.summary()).isEqualTo(new StatsModel(8, 2, 1, 15.0, 2, 2, 1, 3));
    }

    @Test
    void totalsFollowEveryKindOfChange() {
        Job completed = queueThenClaimNext("a.mov");
        jobs.markCompleted(completed.id(), ExecutionResult.succeeded("/out/a.mov", true, 4.0));
        Job retriedAfterFailure = queueThenClaimNext("b.mov");
        jobs.markFailed(retriedAfterFailure.id(), "exit 1", 9.0);
        jobs.retry(retriedAfterFailure.id());
        Job failed = queueThenClaimNext("c.mov");
        jobs.markFailed(failed.id(), "exit 1", 2.0);
        Job paused = queueThenClaimNext("d.mov");
        jobs.pause(paused.id());
        Job cancelled = queue("e.mov", null);
        jobs.cancel(cancelled.id(), "not needed");
        Job deleted = queueThenClaimNext("f.mov");
        jobs.markCompleted(deleted.id(), ExecutionResult.succeeded("/out/d.mov", true, 100.0));
        jobs.delete(deleted.id());
        jobs.registerFile(NewFile.settling("/in/settling.mov", 1, 1, "settling"));

        StatsModel summary = history.summary();
        assertThat(withoutLastDay(summary)).isEqualTo(recount());
        assertThat(summary.avgDuration()).isEqualTo(4.0);
        assertThat(summary.totalJobs()).isEqualTo(6);

        // Folding the change rows into the counters changes nothing a reader sees, and leaves none behind.
        assertThat(JobTotals.fold(database)).isPositive();
        assertThat(history.summary()).isEqualTo(summary);
        assertThat(JobTotals.fold(database)).isZero();
        jobs.retry(failed.id());
        assertThat(withoutLastDay(history.summary())).isEqualTo(recount());
    }

    /** Queues a file, then claims whichever job is next (a retried one may come first). */
    private Job queueThenClaimNext(String name) {
        clock.advance(Duration.ofSeconds(1));
        queue(name, null);
        return jobs.claimNext(clock.instant()).orElseThrow();
    }

    private StatsModel recount() {
        return database.queryOne(
                        RECOUNT,
                        row -> new StatsModel(
                                row.getLong(1),
                                row.getLong(2),
                                row.getLong(3),
                                row.getDouble(4),
                                row.getLong(5),
                                row.getLong(6),
                                row.getLong(7),
                                0))
                .orElseThrow();
    }

    private static StatsModel withoutLastDay(StatsModel stats) {
        return new StatsModel(
                stats.totalJobs(),
                stats.successful(),
                stats.failed(),
                stats.avgDuration(),
                stats.inProgress(),
                stats.queued(),
                stats.cancelled(),
                0);
    }

    @Test
    void lastDayCountsOnlyJobsFinishedInTheTwentyFourHoursBeforeNow() {
        completeAt("2026-03-01T09:00:00Z", "old.mov", 1.0, 1.0);
        failAt("2026-03-01T09:10:00Z", "old-failure.mov", 1.0);
        completeAt("2026-03-02T08:00:00Z", "recent.mov", 1.0, 1.0);

        moveClockTo("2026-03-02T09:15:00Z");
        StatsModel stats = history.summary();

        assertThat(stats.last24h()).isEqualTo(1);
        assertThat(stats.totalJobs()).isEqualTo(3);
    }

    @Test
    void hourlyBucketsIncludeEmptyHoursAndSplitCompletedFromFailed() {
        completeAt("2026-03-01T09:05:00Z", "a.mov", 10.0, 60.0);
        completeAt("2026-03-01T09:55:00Z", "b.mov", 30.0, 90.0);
        failAt("2026-03-01T09:58:00Z", "c.mov", 5.0);
        cancelAt("2026-03-01T10:30:00Z", "d.mov");
        completeAt("2026-03-01T11:59:59.999Z", "e.mov", 4.0, 8.0);
        completeAt("2026-03-01T12:00:00Z", "outside.mov", 4.0, 8.0);

        List<HistoryBucket> buckets =
                history.buckets(Instant.parse("2026-03-01T08:00:00Z"), Instant.parse("2026-03-01T12:00:00Z"), "hour");

        assertThat(buckets)
                .extracting(
                        bucket -> bucket.start().toString(),
                        HistoryBucket::completed,
                        HistoryBucket::failed,
                        HistoryBucket::avgProcessingSeconds,
                        HistoryBucket::mediaSecondsProcessed)
                .containsExactly(
                        tuple("2026-03-01T08:00:00Z", 0L, 0L, 0.0, 0.0),
                        tuple("2026-03-01T09:00:00Z", 2L, 1L, 20.0, 150.0),
                        tuple("2026-03-01T10:00:00Z", 0L, 0L, 0.0, 0.0),
                        tuple("2026-03-01T11:00:00Z", 1L, 0L, 4.0, 8.0));
    }

    @Test
    void dailyBucketsStartAtUtcMidnightAndCountOnlyWhatIsInsideTheRange() {
        completeAt("2026-03-01T09:00:00Z", "before-range.mov", 1.0, 1.0);
        completeAt("2026-03-01T13:00:00Z", "a.mov", 2.0, 10.0);
        completeAt("2026-03-03T01:00:00Z", "b.mov", 4.0, 20.0);

        List<HistoryBucket> buckets =
                history.buckets(Instant.parse("2026-03-01T12:00:00Z"), Instant.parse("2026-03-03T06:00:00Z"), "DAY");

        assertThat(buckets)
                .extracting(bucket -> bucket.start().toString(), HistoryBucket::completed)
                .containsExactly(
                        tuple("2026-03-01T00:00:00Z", 1L),
                        tuple("2026-03-02T00:00:00Z", 0L),
                        tuple("2026-03-03T00:00:00Z", 1L));
    }

    @Test
    void timelineListsFinishedJobsOldestFirstWithTheirFigures() {
        Job second = completeAt("2026-03-01T09:10:00Z", "b.mov", 20.0, 60.0);
        Job failed = failAt("2026-03-01T09:20:00Z", "c.mov", 3.0);
        Job cancelled = cancelAt("2026-03-01T09:30:00Z", "d.mov");
        queue("still-queued.mov", 1.0);

        List<TimelinePoint> points =
                history.timeline(Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T10:00:00Z"), 100);

        assertThat(points)
                .containsExactly(
                        new TimelinePoint(
                                second.id(),
                                "b.mov",
                                "live-qlab",
                                "completed",
                                Instant.parse("2026-03-01T09:10:00Z"),
                                20.0,
                                60.0),
                        new TimelinePoint(
                                failed.id(),
                                "c.mov",
                                "live-qlab",
                                "failed",
                                Instant.parse("2026-03-01T09:20:00Z"),
                                3.0,
                                10.0),
                        new TimelinePoint(
                                cancelled.id(),
                                "d.mov",
                                "live-qlab",
                                "cancelled",
                                Instant.parse("2026-03-01T09:30:00Z"),
                                null,
                                10.0));
    }

    @Test
    void timelineStopsAtTheLimitKeepingTheOldest() {
        Job first = completeAt("2026-03-01T09:00:00Z", "a.mov", 1.0, 1.0);
        Job second = completeAt("2026-03-01T09:01:00Z", "b.mov", 1.0, 1.0);
        completeAt("2026-03-01T09:02:00Z", "c.mov", 1.0, 1.0);

        List<TimelinePoint> points =
                history.timeline(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z"), 2);

        assertThat(points).extracting(TimelinePoint::jobId).containsExactly(first.id(), second.id());
    }

    @ParameterizedTest(name = "{0} .. {1} by {2}")
    @CsvSource(textBlock = """
            2026-03-01T10:00:00Z, 2026-03-01T10:00:00Z, hour,   from (2026-03-01T10:00:00Z) must be before to
            2026-03-02T10:00:00Z, 2026-03-01T10:00:00Z, day,    must be before to
            2026-03-01T10:00:00Z, 2026-03-02T10:00:00Z, minute, 'bucket must be one of hour, day, not "minute"'
            2026-03-01T10:00:00Z, 2026-03-02T10:00:00Z, '',     bucket must be one of
            2020-01-01T00:00:00Z, 2026-01-01T00:00:00Z, hour,   ask for at most 10000
            """)
    void aRangeThatCannotBeChartedIsRefusedWithAReason(String from, String to, String bucket, String message) {
        assertThatThrownBy(() -> history.buckets(Instant.parse(from), Instant.parse(to), bucket))
                .isInstanceOf(InvalidHistoryQueryException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "limit {0}")
    @CsvSource(textBlock = """
            0
            -1
            100001
            """)
    void aTimelineLimitOutOfRangeIsRefused(int limit) {
        assertThatThrownBy(() -> history.timeline(
                        Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z"), limit))
                .isInstanceOf(InvalidHistoryQueryException.class)
                .hasMessageContaining("limit must be between 1 and 100000");
    }

    @Test
    void aReversedTimelineRangeIsRefused() {
        assertThatThrownBy(() -> history.timeline(
                        Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"), 10))
                .isInstanceOf(InvalidHistoryQueryException.class)
                .hasMessageContaining("must be before to");
    }

    @Test
    void sixYearsByDayIsWithinTheBucketLimit() {
        List<HistoryBucket> buckets =
                history.buckets(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), "day");

        assertThat(buckets).hasSize(2192);
        assertThat(buckets.getLast().start()).isEqualTo(Instant.parse("2025-12-31T00:00:00Z"));
    }
}
