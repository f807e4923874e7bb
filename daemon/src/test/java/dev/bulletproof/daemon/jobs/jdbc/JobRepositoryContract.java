package dev.bulletproof.daemon.jobs.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.bulletproof.daemon.db.DatabaseFixture;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.jobs.ClaimFolders;
import dev.bulletproof.daemon.jobs.ExecutionResult;
import dev.bulletproof.daemon.jobs.IllegalTransitionException;
import dev.bulletproof.daemon.jobs.InvalidJobFilterException;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEventType;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobHistoryEntry;
import dev.bulletproof.daemon.jobs.JobNotFoundException;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.JobSort;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.daemon.jobs.ReadyFile;
import dev.bulletproof.daemon.jobs.Registration;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link dev.bulletproof.daemon.jobs.JobRepository} on a SQL database does, whatever the
 * dialect: each dialect runs it through a subclass that says which database to use.
 */
public abstract class JobRepositoryContract {

    @TempDir
    Path folder;

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private DatabaseFixture fixture;
    private SqlDatabase database;
    private JdbcJobRepository jobs;

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
    }

    private void reopen() {
        database.close();
        open();
    }

    private Job queue(String path, int priority) {
        clock.advance(Duration.ofMillis(1));
        return jobs.registerFile(NewFile.ready(path, 1000, 42, JobPlan.of("live-qlab", path + ".out.mov", priority)))
                .job();
    }

    @Test
    void theSameFileTwiceMakesOneJob() {
        Registration first = jobs.registerFile(NewFile.settling("/in/show.mov", 100, 5, "settling"));
        Registration second = jobs.registerFile(NewFile.settling("/in/show.mov", 100, 5, "settling"));

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.job().id()).isEqualTo(first.job().id());
        assertThat(jobs.count(JobFilter.all())).isEqualTo(1);
    }

    @Test
    void aJobKeepsTheWatchFolderItWasFoundInAndListsFilterByIt() {
        jobs.registerFile(NewFile.settling("/drop/qlab/a.mov", 1, 1, "settling").in("/drop/qlab"));
        Job web = jobs.registerFile(NewFile.ready("/drop/web/b.mov", 2, 2, JobPlan.of("live-qlab", "/o/b.mov", 0))
                        .in("/drop/web"))
                .job();
        jobs.registerFile(NewFile.ready("/elsewhere/c.mov", 3, 3, JobPlan.of("live-qlab", "/o/c.mov", 0)));
        reopen();

        assertThat(jobs.list(JobFilter.all().inFolder("/drop/web")))
                .singleElement()
                .satisfies(job -> {
                    assertThat(job.id()).isEqualTo(web.id());
                    assertThat(job.watchFolder()).isEqualTo("/drop/web");
                });
        assertThat(jobs.count(JobFilter.all().inFolder("/drop/qlab"))).isEqualTo(1);
        assertThat(jobs.list(JobFilter.all()))
                .extracting(Job::watchFolder)
                .containsExactlyInAnyOrder("/drop/qlab", "/drop/web", null);
    }

    @Test
    void aJobKeepsTheWholeProfileItWasPlannedWithHoweverItWasQueued() {
        String planned = "{\"name\":\"cue\",\"extension\":\"mov\"}";
        long ready = jobs.registerFile(NewFile.ready(
                        "/in/ready.mov",
                        1,
                        1,
                        JobPlan.of("cue", "/out/ready.mov", 0).withPlannedProfile(planned)))
                .job()
                .id();
        long queuedLater = jobs.registerFile(NewFile.settling("/in/later.mov", 1, 1, "settling"))
                .job()
                .id();
        jobs.markQueued(queuedLater, JobPlan.of("cue", "/out/later.mov", 0).withPlannedProfile(planned + " "));
        long settled = jobs.registerFile(NewFile.settling("/in/settled.mov", 1, 1, "settling"))
                .job()
                .id();
        jobs.markReady(List.of(new ReadyFile(
                settled, 2, 2, JobPlan.of("cue", "/out/settled.mov", 0).withPlannedProfile(planned + "  "))));
        long byName = jobs.registerFile(NewFile.ready("/in/by-name.mov", 1, 1, JobPlan.of("cue", "/out/n.mov", 0)))
                .job()
                .id();
        reopen();

        assertThat(jobs.plannedProfile(ready)).contains(planned);
        assertThat(jobs.plannedProfile(queuedLater)).contains(planned + " ");
        assertThat(jobs.plannedProfile(settled)).contains(planned + "  ");
        assertThat(jobs.plannedProfile(byName)).isEmpty();
        assertThat(jobs.plannedProfile(9_999)).isEmpty();
    }

    @Test
    void aChangedFileGetsANewJob() {
        Job original = jobs.registerFile(NewFile.settling("/in/show.mov", 100, 5, "settling"))
                .job();
        Registration changed = jobs.registerFile(NewFile.settling("/in/show.mov", 100, 6, "settling"));

        assertThat(changed.created()).isTrue();
        assertThat(changed.job().id()).isNotEqualTo(original.id());
    }

    @Test
    void aCompletedFileStaysCompletedAfterReopeningAndIsNotQueuedAgain() {
        Job job = queue("/in/show.mov", 0);
        jobs.claimNext(clock.instant()).orElseThrow();
        jobs.markCompleted(job.id(), ExecutionResult.succeeded("/out/show-2.mov", true, 3.5));

        reopen();
        Registration again = jobs.registerFile(NewFile.ready("/in/show.mov", 1000, 42, JobPlan.of("x", "/o", 0)));

        assertThat(again.created()).isFalse();
        assertThat(again.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(again.job().outputPath()).isEqualTo("/out/show-2.mov");
        assertThat(again.job().verified()).isTrue();
        assertThat(again.job().processingSeconds()).isEqualTo(3.5);
        assertThat(jobs.claimNext(clock.instant())).isEmpty();
    }

    @Test
    void aBatchRegistersEachNewFileOnceInOneGo() {
        List<Registration> registrations = jobs.registerFiles(List.of(
                NewFile.settling("/in/a.mov", 1, 1, "settling"),
                NewFile.settling("/in/b.mov", 2, 2, "settling"),
                NewFile.settling("/in/a.mov", 1, 1, "settling")));

        assertThat(registrations).extracting(Registration::created).containsExactly(true, true, false);
        assertThat(registrations.get(2).job().id())
                .isEqualTo(registrations.get(0).job().id());
        assertThat(jobs.count(JobFilter.all())).isEqualTo(2);

        List<Registration> next = jobs.registerFiles(List.of(
                NewFile.settling("/in/c.mov", 3, 3, "settling"),
                NewFile.settling("/in/b.mov", 2, 2, "settling"),
                NewFile.settling("/in/b.mov", 2, 9, "settling: a new version")));
        assertThat(next).extracting(Registration::created).containsExactly(true, false, true);
        assertThat(next.get(1).job().id()).isEqualTo(registrations.get(1).job().id());
        assertThat(jobs.count(JobFilter.all())).isEqualTo(4);
    }

    @Test
    void aSettledFileIsQueuedWithItsPlan() {
        Job waiting = jobs.registerFile(NewFile.settling("/in/clip.mp4", 100, 5, "settling: 0.1 MB"))
                .job();
        Job stillWaiting = jobs.updateWaiting(waiting.id(), "settling: 3.1 MB, unchanged for 1.2 s");

        Job queued = jobs.markQueued(
                waiting.id(),
                new JobPlan("web-h264", "/out/clip.mp4", OnSuccess.MOVE, 50, 12.5, 4_000_000L, "1920x1080"));

        assertThat(stillWaiting.statusReason()).isEqualTo("settling: 3.1 MB, unchanged for 1.2 s");
        assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(queued.filename()).isEqualTo("clip.mp4");
        assertThat(queued.profile()).isEqualTo("web-h264");
        assertThat(queued.onSuccess()).isEqualTo(OnSuccess.MOVE);
        assertThat(queued.priority()).isEqualTo(50);
        assertThat(queued.mediaDurationSeconds()).isEqualTo(12.5);
        assertThat(queued.bitrate()).isEqualTo(4_000_000L);
        assertThat(queued.resolution()).isEqualTo("1920x1080");
        assertThatThrownBy(() -> jobs.updateWaiting(waiting.id(), "settling"))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("job " + waiting.id() + " is queued; only waiting jobs can be settling");
    }

    @Test
    void settledFilesTakeTheirFinalSizeAndMtimeSoARestartRecognisesThem() {
        Job waiting = jobs.registerFile(NewFile.settling("/in/copy.mov", 100, 5, "settling"))
                .job();
        Job cancelledMeanwhile = jobs.registerFile(NewFile.settling("/in/gone.mov", 10, 5, "settling"))
                .job();
        jobs.cancel(cancelledMeanwhile.id(), "cancelled by user");

        List<Job> changed = jobs.markReady(List.of(
                new ReadyFile(waiting.id(), 9_000, 77, JobPlan.of("live-qlab", "/out/copy.mov", 0)),
                new ReadyFile(cancelledMeanwhile.id(), 10, 5, JobPlan.of("live-qlab", "/out/gone.mov", 0))));

        assertThat(changed).extracting(Job::id).containsExactly(waiting.id());
        Job queued = jobs.get(waiting.id());
        assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(queued.inputSize()).isEqualTo(9_000);
        assertThat(queued.inputMtimeMillis()).isEqualTo(77);
        assertThat(jobs.registerFile(NewFile.settling("/in/copy.mov", 9_000, 77, "settling"))
                        .created())
                .as("the finished file is the same version as the queued job")
                .isFalse();
        assertThat(jobs.get(cancelledMeanwhile.id()).status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void aSettledFileWhoseFinalVersionWasAlreadyHandledIsCancelledAsADuplicate() {
        Job earlier = queue("/in/again.mov", 0);
        Job waiting = jobs.registerFile(NewFile.settling("/in/again.mov", 1, 1, "settling"))
                .job();
        Job handled = jobs.get(earlier.id());

        jobs.markReady(List.of(new ReadyFile(
                waiting.id(),
                handled.inputSize(),
                handled.inputMtimeMillis(),
                JobPlan.of("live-qlab", "/out/again.mov", 0))));

        Job duplicate = jobs.get(waiting.id());
        assertThat(duplicate.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(duplicate.statusReason()).contains("already handled as job " + earlier.id());
    }

    @Test
    void claimTakesTheHighestPriorityThenTheOldest() {
        Job oldLow = queue("/in/1.mov", 0);
        Job high = queue("/in/2.mov", 10);
        Job newLow = queue("/in/3.mov", 0);
        Job alsoHigh = queue("/in/4.mov", 10);

        List<Long> order = new ArrayList<>();
        jobs.claimNext(clock.instant()).ifPresent(job -> order.add(job.id()));
        jobs.claimNext(clock.instant()).ifPresent(job -> order.add(job.id()));
        jobs.claimNext(clock.instant()).ifPresent(job -> order.add(job.id()));
        jobs.claimNext(clock.instant()).ifPresent(job -> order.add(job.id()));

        assertThat(order).containsExactly(high.id(), alsoHigh.id(), oldLow.id(), newLow.id());
        assertThat(jobs.claimNext(clock.instant())).isEmpty();
    }

    private Job queueIn(String folder, String name, int priority) {
        clock.advance(Duration.ofMillis(1));
        String path = folder + "/" + name;
        return jobs.registerFile(NewFile.ready(path, 1000, 42, JobPlan.of("live-qlab", path + ".out.mov", priority))
                        .in(folder))
                .job();
    }

    @Test
    void claimLeavesOutTheFoldersItIsToldToAndKeepsJobsWithoutAFolder() {
        Job closedFirst = queueIn("/drop/night", "a.mov", 10);
        Job open = queueIn("/drop/day", "b.mov", 5);
        Job byHand = queue("/in/c.mov", 0);
        Job closedSecond = queueIn("/drop/night", "d.mov", 10);
        ClaimFolders withoutNight = ClaimFolders.except(java.util.Set.of("/drop/night"));

        List<Long> order = new ArrayList<>();
        jobs.claimNext(clock.instant(), job -> true, withoutNight).ifPresent(job -> order.add(job.id()));
        jobs.claimNext(clock.instant(), job -> true, withoutNight).ifPresent(job -> order.add(job.id()));

        assertThat(order).containsExactly(open.id(), byHand.id());
        assertThat(jobs.claimNext(clock.instant(), job -> true, withoutNight))
                .as("only the left-out folder's jobs are queued")
                .isEmpty();
        assertThat(jobs.get(closedFirst.id()).status()).isEqualTo(JobStatus.QUEUED);
        assertThat(jobs.claimNext(clock.instant()).orElseThrow().id())
                .as("without the filter the folder's jobs are claimed again")
                .isEqualTo(closedFirst.id());
        assertThat(jobs.get(closedSecond.id()).status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void claimTakesOnlyTheFoldersItIsToldToAndNoJobWithoutAFolder() {
        Job byHand = queue("/in/a.mov", 10);
        Job other = queueIn("/drop/web", "b.mov", 10);
        Job open = queueIn("/drop/cues", "c.mov", 0);

        Optional<Job> first =
                jobs.claimNext(clock.instant(), job -> true, ClaimFolders.only(java.util.Set.of("/drop/cues")));
        Optional<Job> second =
                jobs.claimNext(clock.instant(), job -> true, ClaimFolders.only(java.util.Set.of("/drop/cues")));

        assertThat(first).map(Job::id).hasValue(open.id());
        assertThat(second).isEmpty();
        assertThat(jobs.claimNext(clock.instant(), job -> true, ClaimFolders.only(java.util.Set.of())))
                .isEmpty();
        assertThat(jobs.get(byHand.id()).status()).isEqualTo(JobStatus.QUEUED);
        assertThat(jobs.get(other.id()).status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void claimPassesOverTheJobsTheAdmissionHoldsAndTheirReasonShows() {
        Job big = queue("/in/big.mov", 10);
        Job small = queue("/in/small.mov", 0);

        Job claimed =
                jobs.claimNext(clock.instant(), job -> job.id() != big.id()).orElseThrow();
        Job held = jobs.noteHeld(big.id(), "waiting for disk space: 3.1 GB free, needs ~4.2 GB");

        assertThat(claimed.id()).isEqualTo(small.id());
        assertThat(held.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(held.statusReason()).isEqualTo("waiting for disk space: 3.1 GB free, needs ~4.2 GB");
        assertThat(held.version()).isGreaterThan(big.version());
        assertThat(jobs.noteHeld(big.id(), held.statusReason()).version())
                .as("the same reason again writes nothing")
                .isEqualTo(held.version());
        assertThat(jobs.noteHeld(small.id(), "waiting for disk space").statusReason())
                .as("a job no longer queued keeps its reason")
                .isEqualTo(claimed.statusReason());
        assertThat(jobs.claimNext(clock.instant()).orElseThrow().id()).isEqualTo(big.id());
    }

    @Test
    void claimLooksAtSeveralJobsInClaimOrderAndGivesUpWhenAllAreHeld() {
        List<Job> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queued.add(queue("/in/held-" + i + ".mov", 10 - i));
        }
        List<Long> asked = new ArrayList<>();

        Job claimed = jobs.claimNext(clock.instant(), job -> {
                    asked.add(job.id());
                    return job.id() == queued.get(3).id();
                })
                .orElseThrow();
        Optional<Job> none = jobs.claimNext(clock.instant(), job -> false);

        assertThat(claimed.id()).isEqualTo(queued.get(3).id());
        assertThat(asked)
                .as("each job is asked once, highest priority first")
                .containsExactly(
                        queued.get(0).id(),
                        queued.get(1).id(),
                        queued.get(2).id(),
                        queued.get(3).id());
        assertThat(none).isEmpty();
        assertThat(jobs.find(queued.get(0).id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(jobs.claimNext(clock.instant()).orElseThrow().id())
                .isEqualTo(queued.get(0).id());
    }

    @Test
    void claimCountsTheAttemptAndRecordsTheStart() {
        Job job = queue("/in/1.mov", 0);

        Job claimed = jobs.claimNext(clock.instant()).orElseThrow();

        assertThat(claimed.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.startedAt()).isEqualTo(clock.instant());
        assertThat(claimed.version()).isGreaterThan(job.version());
    }

    @Test
    void claimSkipsAJobWaitingOutItsRetryDelay() {
        Job job = queue("/in/1.mov", 0);
        jobs.claimNext(clock.instant()).orElseThrow();
        Instant retryAt = clock.instant().plusSeconds(5);
        jobs.scheduleRetry(job.id(), retryAt, "retrying in 5 s after: boom", "boom", 0.2);

        assertThat(jobs.claimNext(clock.instant())).isEmpty();
        assertThat(jobs.nextNotBefore(clock.instant())).contains(retryAt);

        clock.advance(Duration.ofSeconds(5));
        Job again = jobs.claimNext(clock.instant()).orElseThrow();
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(again.error()).isNull();
    }

    @Test
    void twoRepositoriesOnTheSameFileNeverClaimTheSameJob() throws Exception {
        int count = 60;
        for (int i = 0; i < count; i++) {
            queue("/in/" + i + ".mov", 0);
        }
        List<Long> claimedByA = new ArrayList<>();
        List<Long> claimedByB = new ArrayList<>();
        try (SqlDatabase other = fixture.open()) {
            JdbcJobRepository otherJobs = new JdbcJobRepository(other, clock);
            Thread a = Thread.ofPlatform().start(() -> drain(jobs, claimedByA));
            Thread b = Thread.ofPlatform().start(() -> drain(otherJobs, claimedByB));
            a.join(Duration.ofSeconds(30));
            b.join(Duration.ofSeconds(30));
        }

        List<Long> all = new ArrayList<>(claimedByA);
        all.addAll(claimedByB);
        assertThat(all).hasSize(count).doesNotHaveDuplicates();
        assertThat(jobs.count(JobFilter.all().withStatuses(Set.of(JobStatus.PROCESSING))))
                .isEqualTo(count);
    }

    private void drain(JdbcJobRepository repository, List<Long> claimed) {
        while (true) {
            var job = repository.claimNext(clock.instant());
            if (job.isEmpty()) {
                return;
            }
            claimed.add(job.get().id());
        }
    }

    @Test
    void illegalMovesAreRefusedWithAReasonAndUnknownJobsAreNotFound() {
        Job job = queue("/in/1.mov", 0);
        jobs.claimNext(clock.instant()).orElseThrow();
        jobs.markCompleted(job.id(), ExecutionResult.succeeded("/out/1.mov", true, 1));

        assertThatThrownBy(() -> jobs.pause(job.id()))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("job " + job.id() + " is completed; only queued or processing jobs can be paused");
        assertThatThrownBy(() -> jobs.cancel(job.id(), "no")).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> jobs.pause(999)).isInstanceOf(JobNotFoundException.class);
        assertThatThrownBy(() -> jobs.events(999)).isInstanceOf(JobNotFoundException.class);
    }

    @Test
    void retryQueuesAFinishedJobAgainWithFreshAttempts() {
        Job job = queue("/in/1.mov", 0);
        jobs.claimNext(clock.instant()).orElseThrow();
        jobs.markFailed(job.id(), "input unreadable", 0.3);

        Job retried = jobs.retry(job.id());

        assertThat(retried.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(retried.attempts()).isZero();
        assertThat(retried.error()).isNull();
        assertThat(retried.completedAt()).isNull();
        assertThatThrownBy(() -> jobs.retry(job.id()))
                .hasMessage("job " + job.id() + " is queued; only completed, failed or cancelled jobs can be retried");
    }

    @Test
    void aRetryPlansTheProfileAgainOrKeepsTheOneItWasPlannedWith() {
        Job job = jobs.registerFile(NewFile.ready(
                        "/in/1.mov", 1, 1, JobPlan.of("cue", "/out/1.mov", 0).withPlannedProfile("{\"v\":1}")))
                .job();
        jobs.claimNext(clock.instant()).orElseThrow();
        jobs.markFailed(job.id(), "bad option in the profile", 0.3);

        jobs.retry(job.id(), "{\"v\":2}");
        assertThat(jobs.plannedProfile(job.id())).contains("{\"v\":2}");

        jobs.claimNext(clock.instant()).orElseThrow();
        jobs.markFailed(job.id(), "again", 0.3);
        jobs.retry(job.id());
        assertThat(jobs.plannedProfile(job.id()))
                .as("a retry without a new plan keeps it")
                .contains("{\"v\":2}");
    }

    @Test
    void onlyFinishedJobsCanBeDeletedAndTheirHistoryGoesWithThem() {
        Job job = queue("/in/1.mov", 0);
        assertThatThrownBy(() -> jobs.delete(job.id())).isInstanceOf(IllegalTransitionException.class);

        jobs.cancel(job.id(), "cancelled by user");
        jobs.delete(job.id());

        assertThat(jobs.find(job.id())).isEmpty();
        assertThat(database.queryOne(
                        "SELECT COUNT(*) FROM job_events WHERE job_id = ?", row -> row.getInt(1), job.id()))
                .contains(0);
    }

    @Test
    void historyRecordsEveryStateChangeInOrder() {
        Job job = jobs.registerFile(NewFile.settling("/in/1.mov", 1, 1, "settling"))
                .job();
        jobs.markQueued(job.id(), JobPlan.of("p", "/out/1.mov", 0));
        jobs.claimNext(clock.instant()).orElseThrow();
        jobs.pause(job.id());
        jobs.resumeRunning(job.id());
        jobs.markCompleted(job.id(), ExecutionResult.succeeded("/out/1.mov", true, 1));

        assertThat(jobs.events(job.id()))
                .extracting(JobHistoryEntry::type, JobHistoryEntry::from, JobHistoryEntry::to)
                .containsExactly(
                        tuple(JobEventType.CREATED, null, JobStatus.WAITING),
                        tuple(JobEventType.QUEUED, JobStatus.WAITING, JobStatus.QUEUED),
                        tuple(JobEventType.STARTED, JobStatus.QUEUED, JobStatus.PROCESSING),
                        tuple(JobEventType.PAUSED, JobStatus.PROCESSING, JobStatus.PAUSED),
                        tuple(JobEventType.RESUMED, JobStatus.PAUSED, JobStatus.PROCESSING),
                        tuple(JobEventType.COMPLETED, JobStatus.PROCESSING, JobStatus.COMPLETED));
    }

    @Test
    void listShowsNewestFirstWithFiltersPagingAndCount() {
        Job show = queue("/in/Show_Opener.mov", 0);
        Job other = queue("/in/interview.mp4", 0);
        Job third = queue("/in/show_closer.mov", 0);
        jobs.cancel(other.id(), "cancelled by user");

        assertThat(jobs.list(JobFilter.all())).extracting(Job::id).containsExactly(third.id(), other.id(), show.id());
        assertThat(jobs.list(JobFilter.all().withText("SHOW_")))
                .extracting(Job::id)
                .containsExactly(third.id(), show.id());
        assertThat(jobs.list(JobFilter.all().withText("%"))).isEmpty();
        assertThat(jobs.list(JobFilter.all().withStatuses(Set.of(JobStatus.CANCELLED))))
                .extracting(Job::id)
                .containsExactly(other.id());
        assertThat(jobs.list(JobFilter.all().withProfile("live-qlab").page(1, 1)))
                .extracting(Job::id)
                .containsExactly(other.id());
        assertThat(jobs.list(JobFilter.all().before(third.id())))
                .extracting(Job::id)
                .containsExactly(other.id(), show.id());
        assertThat(jobs.count(JobFilter.all().withStatuses(Set.of(JobStatus.QUEUED))))
                .isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "created",
                "-created",
                "finished",
                "-finished",
                "filename",
                "-filename",
                "duration",
                "-duration",
                "processing_time",
                "-processing_time",
                "status",
                "-status"
            })
    void pagingThroughASortedListShowsEveryJobOnceInOrder(String sortName) {
        String[] names = {
            "b.mov", "a.mov", "c.mov", "a.mov", "b.mov", "a.mov", "c.mov", "b.mov", "a.mov", "c.mov", "b.mov"
        };
        List<Job> queued = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            queued.add(queue("/in/" + i + "/" + names[i], 0));
        }
        // ties on purpose: processing times and durations repeat, and some jobs have neither
        for (int i = 0; i < 7; i++) {
            Job claimed = jobs.claimNext(clock.instant()).orElseThrow();
            clock.advance(Duration.ofSeconds(i % 3 == 0 ? 5 : 1));
            jobs.markCompleted(
                    claimed.id(), ExecutionResult.succeeded("/out/" + i + ".mov", true, i % 2 == 0 ? 2.0 : 1.0));
        }
        jobs.cancel(queued.get(7).id(), "cancelled by user");
        for (int i = 0; i < names.length - 2; i++) {
            database.update(
                    "UPDATE jobs SET media_duration_seconds = ? WHERE id = ?",
                    10.0 * (i % 4),
                    queued.get(i).id());
        }
        JobSort sort = new JobSort(
                JobSort.Key.fromWireName(sortName.replace("-", "")).orElseThrow(), sortName.startsWith("-"));

        List<Long> paged = new ArrayList<>();
        for (int offset = 0; offset < names.length + 3; offset += 3) {
            jobs.list(JobFilter.all().sortedBy(sort).page(3, offset)).forEach(job -> paged.add(job.id()));
        }

        List<Long> expected = jobs.list(JobFilter.all().page(100, 0)).stream()
                .sorted(order(sort))
                .map(Job::id)
                .toList();
        assertThat(paged).as("every job once, in the sorted order").containsExactlyElementsOf(expected);
        assertThat(paged).hasSize(names.length);
    }

    /** The order a sort promises, written out in Java: the key with missing values last, then the id against it. */
    private static Comparator<Job> order(JobSort sort) {
        Function<Job, Comparable<?>> key =
                switch (sort.key()) {
                    case CREATED -> Job::id;
                    case FINISHED -> Job::completedAt;
                    case FILENAME -> Job::filename;
                    case DURATION -> Job::mediaDurationSeconds;
                    case PROCESSING_TIME -> Job::processingSeconds;
                    case STATUS -> job -> job.status().name();
                };
        @SuppressWarnings("unchecked")
        Comparator<Job> byKey = Comparator.comparing(
                job -> (Comparable<Object>) key.apply(job),
                Comparator.nullsLast(
                        sort.descending() ? Comparator.<Comparable<Object>>reverseOrder() : Comparator.naturalOrder()));
        Comparator<Job> byId = Comparator.comparing(Job::id);
        return byKey.thenComparing(sort.descending() ? byId : byId.reversed());
    }

    @Test
    void setPriorityChangesTheClaimOrder() {
        Job first = queue("/in/1.mov", 0);
        Job second = queue("/in/2.mov", 0);

        jobs.setPriority(second.id(), 5);

        assertThat(jobs.claimNext(clock.instant())).map(Job::id).contains(second.id());
        assertThat(jobs.get(first.id()).priority()).isZero();
    }

    @Test
    void afterACrashRunningJobsAreQueuedAgainOrFailedWhenOutOfAttempts() {
        Job fresh = queue("/in/fresh.mov", 0);
        Job tired = queue("/in/tired.mov", 0);
        Job paused = queue("/in/paused.mov", 0);
        Job untouched = queue("/in/untouched.mov", 0);
        jobs.claimNext(clock.instant()); // fresh: attempt 1
        jobs.claimNext(clock.instant()); // tired
        jobs.claimNext(clock.instant()); // paused
        jobs.pause(paused.id());
        for (int attempt = 2; attempt <= 3; attempt++) {
            jobs.scheduleRetry(tired.id(), clock.instant(), "retrying", "boom", 1.0);
            clock.advance(Duration.ofMillis(1));
            database.update("UPDATE jobs SET priority = 100 WHERE id = ?", tired.id());
            assertThat(jobs.claimNext(clock.instant())).map(Job::id).contains(tired.id());
        }

        reopen(); // the daemon died; a new one opens the same file
        List<Job> recovered = jobs.recoverAfterCrash(3);

        assertThat(recovered).extracting(Job::id).containsExactly(fresh.id(), tired.id(), paused.id());
        Job freshNow = jobs.get(fresh.id());
        assertThat(freshNow.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(freshNow.statusReason()).isEqualTo("recovered after an unexpected stop");
        assertThat(freshNow.attempts()).isEqualTo(1);
        assertThat(jobs.get(paused.id()).status()).isEqualTo(JobStatus.QUEUED);
        Job tiredNow = jobs.get(tired.id());
        assertThat(tiredNow.status()).isEqualTo(JobStatus.FAILED);
        assertThat(tiredNow.error()).contains("attempt 3 of 3");
        assertThat(jobs.get(untouched.id()).status()).isEqualTo(JobStatus.QUEUED);
        assertThat(jobs.recoverAfterCrash(3)).isEmpty();
    }

    @Test
    void aWaitingFileThatVanishesFailsWithTheReason() {
        Job waiting = jobs.registerFile(NewFile.settling("/in/gone.mov", 1, 1, "settling"))
                .job();

        Job failed = jobs.markFailed(waiting.id(), "the file disappeared before it settled", null);

        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).isEqualTo("the file disappeared before it settled");
        assertThat(failed.completedAt()).isEqualTo(clock.instant());
        assertThat(failed.attempts()).isZero();
    }

    @Test
    void aListWithoutRowsOrWithANegativeOffsetIsRefused() {
        assertThatThrownBy(() -> JobFilter.all().page(0, 0)).isInstanceOf(InvalidJobFilterException.class);
        assertThatThrownBy(() -> JobFilter.all().page(10, -1)).isInstanceOf(InvalidJobFilterException.class);
    }

    @Test
    void stoppingGivesTheInterruptedAttemptBack() {
        Job job = queue("/in/1.mov", 0);
        jobs.claimNext(clock.instant()).orElseThrow();

        Job requeued = jobs.requeueAfterStop(job.id());

        assertThat(requeued.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(requeued.attempts()).isZero();
        assertThat(jobs.events(job.id())).extracting(JobHistoryEntry::type).endsWith(JobEventType.REQUEUED);
    }

    @Test
    void aJobHeldWhileQueuedStaysHeldAcrossARestart() {
        Job held = queue("/in/held.mov", 0);
        jobs.pause(held.id());

        reopen();
        List<Job> recovered = jobs.recoverAfterCrash(3);

        assertThat(recovered).isEmpty();
        assertThat(jobs.get(held.id()).status()).isEqualTo(JobStatus.PAUSED);
        assertThat(jobs.release(held.id()).status()).isEqualTo(JobStatus.QUEUED);
    }
}
