package dev.bulletproof.daemon.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.db.Migrations;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.testing.Await;
import dev.bulletproof.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerPoolTest {

    private static final Duration GRACE = Duration.ofSeconds(5);

    @TempDir
    Path folder;

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private final EventBus bus = new EventBus();
    private final FakeExecutor executor = new FakeExecutor();
    private final List<Object> published = new CopyOnWriteArrayList<>();
    private final LiveProgressBoard progress = new LiveProgressBoard();
    private Database database;
    private JobRepository jobs;
    private WorkerPool pool;

    @BeforeEach
    void openDatabase() {
        bus.subscribe(Object.class, published::add);
        open();
    }

    @AfterEach
    void stopEverything() {
        if (pool != null) {
            pool.stop(GRACE);
        }
        database.close();
    }

    private void open() {
        database = Database.open(folder.resolve("bulletproof.db"));
        Migrations.fromClasspath().apply(database);
        jobs = new PublishingJobRepository(new JdbcJobRepository(database, clock), bus, progress);
    }

    private WorkerPool startPool(int maxWorkers) {
        pool = newPool(maxWorkers);
        pool.start();
        return pool;
    }

    private WorkerPool newPool(int maxWorkers) {
        WorkerSettings settings = new WorkerSettings(maxWorkers, 3, Duration.ofSeconds(5), Duration.ofMinutes(5));
        return new WorkerPool(jobs, executor, bus, clock, settings, progress);
    }

    private long queue(String name) {
        clock.advance(Duration.ofMillis(1));
        return jobs.registerFile(NewFile.ready("/in/" + name, 1000, 1, JobPlan.of("live-qlab", "/out/" + name, 0)))
                .job()
                .id();
    }

    private void awaitStatus(long id, JobStatus status) {
        Await.until("job " + id + " to be " + status, () -> jobs.get(id).status() == status);
    }

    @Test
    void neverRunsMoreJobsAtOnceThanTheWorkerCount() {
        List<Long> ids = IntStream.range(0, 6).mapToObj(i -> queue(i + ".mov")).toList();
        startPool(2);

        for (int finished = 0; finished < ids.size(); finished++) {
            // Two running at every completion, so the limit is really put to the test.
            int startedSoFar = Math.min(ids.size(), finished + 2);
            Await.until("job " + startedSoFar + " to start", () -> executor.started() >= startedSoFar);
            executor.execution(executor.startOrder().get(finished)).succeed();
        }

        ids.forEach(id -> awaitStatus(id, JobStatus.COMPLETED));
        assertThat(executor.mostAtOnce()).isEqualTo(2);
        assertThat(executor.startOrder()).containsExactlyElementsOf(ids);
    }

    @Test
    void aDispatcherEndedByAnErrorRaisesAnAlertAndSaysTheQueueIsStalled() {
        JobRepository real = jobs;
        jobs = (JobRepository) java.lang.reflect.Proxy.newProxyInstance(
                JobRepository.class.getClassLoader(), new Class<?>[] {JobRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("claimNext")) {
                        throw new StackOverflowError("injected");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        queue("a.mov");
        startPool(1);

        Await.until("the dispatcher to die", () -> pool.stalledBecause().isPresent());
        assertThat(pool.stalledBecause().orElseThrow()).contains("StackOverflowError", "restarted");
        Await.until(
                "an error alert",
                () -> published.stream()
                        .anyMatch(event -> event instanceof dev.bulletproof.daemon.events.Alert alert
                                && alert.level().equals("error")
                                && alert.message().contains("dispatcher stopped")));
        assertThat(executor.started()).isZero();
    }

    @Test
    void aRunningDispatcherIsNotStalled() {
        startPool(1);
        queue("a.mov");
        Await.until("the job to start", () -> executor.started() == 1);
        assertThat(pool.stalledBecause()).isEmpty();
    }

    @Test
    void raisingTheWorkerCountLiveStartsMoreJobs() {
        queue("a.mov");
        queue("b.mov");
        queue("c.mov");
        startPool(1);
        Await.until("one job to start", () -> executor.started() == 1);

        pool.setMaxWorkers(3);

        Await.until("all three jobs to run", () -> executor.started() == 3);
        assertThat(pool.maxWorkers()).isEqualTo(3);
        assertThat(published).contains(new QueueEvent(false, 3));
        assertThatThrownBy(() -> pool.setMaxWorkers(0)).isInstanceOf(InvalidPoolSettingException.class);
        assertThatThrownBy(() -> pool.setMaxWorkers(65)).isInstanceOf(InvalidPoolSettingException.class);
    }

    @Test
    void aPausedQueueStartsNothingNewWhileRunningJobsFinish() throws InterruptedException {
        long running = queue("running.mov");
        startPool(2);
        FakeExecutor.FakeExecution execution = executor.execution(running);

        pool.pauseQueue();
        long waiting = queue("waiting.mov");
        execution.succeed();
        awaitStatus(running, JobStatus.COMPLETED);
        Thread.sleep(200); // give a wrongly started job the chance to show up
        assertThat(executor.startsOf(waiting)).isZero();
        assertThat(pool.isQueuePaused()).isTrue();

        pool.resumeQueue();

        executor.execution(waiting).succeed();
        awaitStatus(waiting, JobStatus.COMPLETED);
        assertThat(published).containsSubsequence(new QueueEvent(true, 2), new QueueEvent(false, 2));
    }

    @Test
    void pauseAndResumeSuspendAndResumeTheRunningExecution() {
        long id = queue("a.mov");
        startPool(1);
        FakeExecutor.FakeExecution execution = executor.execution(id);
        awaitStatus(id, JobStatus.PROCESSING);

        assertThat(pool.pause(id).status()).isEqualTo(JobStatus.PAUSED);
        // The pool attaches the execution just after the executor returns it; a pause that comes first is
        // applied on attach, so the suspend may land a moment after pause() returns.
        dev.bulletproof.testing.Await.until(
                "the execution suspended", java.time.Duration.ofSeconds(5), () -> execution.suspends.get() == 1);
        assertThatThrownBy(() -> pool.pause(id)).isInstanceOf(IllegalTransitionException.class);

        assertThat(pool.resume(id).status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(execution.resumes).hasValue(1);
        assertThat(execution.suspends).hasValue(1);

        execution.succeed();
        awaitStatus(id, JobStatus.COMPLETED);
    }

    @Test
    void aPausedJobFreesItsWorkerAndItsResumeWaitsForTheNextFreeOneBeforeQueuedJobs() {
        long first = queue("first.mov");
        long second = queue("second.mov");
        startPool(1);
        FakeExecutor.FakeExecution firstRun = executor.execution(first);
        awaitStatus(first, JobStatus.PROCESSING);

        pool.pause(first);

        FakeExecutor.FakeExecution secondRun = executor.execution(second);
        awaitStatus(second, JobStatus.PROCESSING);
        assertThat(pool.runningCount()).isEqualTo(1);
        long third = queue("third.mov");
        assertThat(pool.resume(first).status()).isEqualTo(JobStatus.PAUSED);
        assertThat(pool.resume(first).status()).as("asked twice").isEqualTo(JobStatus.PAUSED);
        assertThat(firstRun.resumes).hasValue(0);
        assertThat(jobs.get(first).status()).isEqualTo(JobStatus.PAUSED);

        secondRun.succeed();

        awaitStatus(first, JobStatus.PROCESSING);
        assertThat(firstRun.resumes).hasValue(1);
        assertThat(executor.startsOf(third)).isZero();
        assertThat(pool.runningCount()).isEqualTo(1);
        firstRun.succeed();
        awaitStatus(first, JobStatus.COMPLETED);
        executor.execution(third).succeed();
        awaitStatus(third, JobStatus.COMPLETED);
        assertThat(executor.mostAtOnce()).isEqualTo(2); // the suspended one and the one that took its worker
    }

    @Test
    void aPausedJobWhoseResumeWaitsCanBePausedAgainOrCancelled() {
        long first = queue("first.mov");
        long second = queue("second.mov");
        long third = queue("third.mov");
        startPool(1);
        FakeExecutor.FakeExecution firstRun = executor.execution(first);
        awaitStatus(first, JobStatus.PROCESSING);
        pool.pause(first);
        FakeExecutor.FakeExecution secondRun = executor.execution(second);
        awaitStatus(second, JobStatus.PROCESSING);

        pool.resume(first);
        assertThat(pool.pause(first).status()).isEqualTo(JobStatus.PAUSED); // withdraws the waiting resume
        assertThat(pool.resume(first).status()).isEqualTo(JobStatus.PAUSED);
        assertThat(pool.cancel(first).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(firstRun.cancels).hasValue(1);
        secondRun.succeed();

        executor.execution(third).succeed();
        awaitStatus(third, JobStatus.COMPLETED);
        assertThat(firstRun.resumes).hasValue(0);
        assertThat(jobs.get(first).status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void pausingAQueuedJobHoldsItBackUntilResumed() {
        long held = queue("held.mov");
        long next = queue("next.mov");
        pool = newPool(1);
        pool.pause(held);
        pool.start();

        executor.execution(next).succeed();
        awaitStatus(next, JobStatus.COMPLETED);
        assertThat(executor.startsOf(held)).isZero();
        assertThat(jobs.get(held).status()).isEqualTo(JobStatus.PAUSED);

        assertThat(pool.resume(held).status()).isEqualTo(JobStatus.QUEUED);
        executor.execution(held).succeed();
        awaitStatus(held, JobStatus.COMPLETED);
    }

    @Test
    void cancelStopsARunningJobAndTakesAQueuedOneOutOfTheQueue() {
        long running = queue("running.mov");
        long queued = queue("queued.mov");
        startPool(1);
        FakeExecutor.FakeExecution execution = executor.execution(running);

        assertThat(pool.cancel(queued).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(pool.cancel(running).status()).isEqualTo(JobStatus.CANCELLED);

        assertThat(execution.cancels).hasValue(1);
        Await.until("the worker to end", () -> pool.runningCount() == 0);
        assertThat(jobs.get(running).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(executor.startsOf(queued)).isZero();
        assertThat(jobs.events(running))
                .extracting(JobHistoryEntry::type)
                .containsExactly(JobEventType.CREATED, JobEventType.STARTED, JobEventType.CANCELLED);
    }

    @Test
    void failedAttemptsAreRetriedWithGrowingDelaysThenFailWithTheReason() {
        long id = queue("flaky.mov");
        startPool(1);

        executor.execution(id, 1).fail("encoder crashed", true);
        Await.until(
                "the first retry to be scheduled",
                () -> jobs.get(id).attempts() == 1 && jobs.get(id).status() == JobStatus.QUEUED);
        Job afterFirst = jobs.get(id);
        assertThat(afterFirst.notBefore()).isEqualTo(clock.instant().plusSeconds(5));
        assertThat(afterFirst.statusReason()).isEqualTo("retrying in 5 s after: encoder crashed (attempt 1 of 3)");
        assertThat(afterFirst.error()).isEqualTo("encoder crashed");

        clock.advance(Duration.ofSeconds(5));
        pool.wakeUp();
        executor.execution(id, 2).fail("encoder crashed again", true);
        Await.until(
                "the second retry to be scheduled",
                () -> jobs.get(id).attempts() == 2 && jobs.get(id).status() == JobStatus.QUEUED);
        assertThat(jobs.get(id).notBefore()).isEqualTo(clock.instant().plusSeconds(10));

        clock.advance(Duration.ofSeconds(10));
        pool.wakeUp();
        executor.execution(id, 3).stall();
        awaitStatus(id, JobStatus.FAILED);

        Job failed = jobs.get(id);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.error()).startsWith("no progress for 120 s (gave up after 3 attempts; ");
        assertThat(executor.startsOf(id)).isEqualTo(3);
    }

    @Test
    void aFailureThatARetryCannotFixFailsAtOnce() {
        long id = queue("broken.mov");
        startPool(1);

        executor.execution(id).fail("input has no video stream", false);

        awaitStatus(id, JobStatus.FAILED);
        assertThat(jobs.get(id).error()).isEqualTo("input has no video stream");
        assertThat(executor.startsOf(id)).isEqualTo(1);
    }

    @Test
    void anExecutorThatThrowsFailsThatJobAndThePoolCarriesOn() {
        long broken = queue("broken.mov");
        long fine = queue("fine.mov");
        executor.failOnStart(broken, new IllegalStateException("ffmpeg vanished"));
        startPool(1);

        awaitStatus(broken, JobStatus.FAILED);
        assertThat(jobs.get(broken).error()).isEqualTo("internal error: ffmpeg vanished");

        executor.execution(fine).succeed();
        awaitStatus(fine, JobStatus.COMPLETED);
    }

    @Test
    void aFailedJobRetriedByHandRunsAgainWithFreshAttempts() {
        long id = queue("a.mov");
        startPool(1);
        executor.execution(id, 1).fail("disk full", false);
        awaitStatus(id, JobStatus.FAILED);

        pool.retry(id);

        executor.execution(id, 2).succeed();
        awaitStatus(id, JobStatus.COMPLETED);
        assertThat(jobs.get(id).attempts()).isEqualTo(1);
    }

    @Test
    void stopPutsRunningJobsBackInTheQueueAndTheNextStartRunsThem() {
        long first = queue("first.mov");
        long second = queue("second.mov");
        long third = queue("third.mov");
        startPool(2);
        FakeExecutor.FakeExecution one = executor.execution(first);
        FakeExecutor.FakeExecution two = executor.execution(second);
        awaitStatus(second, JobStatus.PROCESSING);

        pool.stop(GRACE);
        pool.stop(GRACE);

        assertThat(one.cancels).hasValue(1);
        assertThat(two.cancels).hasValue(1);
        for (long id : List.of(first, second, third)) {
            assertThat(jobs.get(id).status()).isEqualTo(JobStatus.QUEUED);
            assertThat(jobs.get(id).attempts()).isZero();
        }

        database.close();
        open();
        startPool(3);
        for (long id : List.of(first, second, third)) {
            executor.execution(id, id == third ? 1 : 2).succeed();
            awaitStatus(id, JobStatus.COMPLETED);
        }
    }

    @Test
    void stopPutsASuspendedJobBackInTheQueueToo() {
        long id = queue("suspended.mov");
        startPool(1);
        FakeExecutor.FakeExecution execution = executor.execution(id);
        awaitStatus(id, JobStatus.PROCESSING);
        pool.pause(id);

        pool.stop(GRACE);

        assertThat(execution.cancels).hasValue(1);
        assertThat(jobs.get(id).status()).isEqualTo(JobStatus.QUEUED);
        assertThat(jobs.recoverAfterCrash(3)).isEmpty();
    }

    @Test
    void stopDoesNotWaitForeverForAnExecutionThatIgnoresCancel() {
        long id = queue("stuck.mov");
        startPool(1);
        FakeExecutor.FakeExecution stuck = executor.execution(id);
        stuck.hang();

        pool.stop(Duration.ofMillis(200));

        assertThat(jobs.get(id).status()).isEqualTo(JobStatus.QUEUED);
        stuck.succeed(); // let the thread end; what it reports now is ignored
    }

    @Test
    void jobsFoundRunningAfterACrashRunAgainOnTheNextStart() {
        long id = queue("a.mov");
        jobs.claimNext(clock.instant()).orElseThrow(); // a daemon claimed it, then died

        database.close();
        open();
        List<Job> recovered = jobs.recoverAfterCrash(3);
        startPool(1);

        assertThat(recovered).extracting(Job::id).containsExactly(id);
        executor.execution(id).succeed();
        awaitStatus(id, JobStatus.COMPLETED);
        assertThat(jobs.get(id).attempts()).isEqualTo(2);
    }

    @Test
    void aPausedJobWithoutAWorkerAndTheJobOnItsWorkerBothRunAgainAfterACrash() {
        long paused = queue("paused.mov");
        long onItsWorker = queue("on-its-worker.mov");
        WorkerPool crashed = startPool(1); // stopped after the test, against the old, closed database
        executor.execution(paused);
        awaitStatus(paused, JobStatus.PROCESSING);
        crashed.pause(paused);
        awaitStatus(onItsWorker, JobStatus.PROCESSING);

        // The daemon dies here: the pool never stops, only the database file survives.
        database.close();
        open();
        List<Job> recovered = jobs.recoverAfterCrash(3);

        assertThat(recovered).extracting(Job::id).containsExactly(paused, onItsWorker);
        assertThat(jobs.get(paused).status()).isEqualTo(JobStatus.QUEUED);
        assertThat(jobs.get(onItsWorker).status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void aJobsChangesArePublishedInOrder() {
        startPool(1);
        long id = queue("a.mov");
        executor.execution(id).succeed();
        awaitStatus(id, JobStatus.COMPLETED);

        List<JobStatus> statuses = published.stream()
                .filter(JobEvent.Changed.class::isInstance)
                .map(event -> ((JobEvent.Changed) event).job())
                .filter(job -> job.id() == id)
                .map(Job::status)
                .toList();
        assertThat(statuses).containsExactly(JobStatus.QUEUED, JobStatus.PROCESSING, JobStatus.COMPLETED);
    }

    @Test
    void progressIsKeptInMemoryAndPublishedWhileTheJobRuns() {
        long id = queue("a.mov");
        startPool(1);
        FakeExecutor.FakeExecution execution = executor.execution(id);
        Await.until("the pool to track the job", () -> pool.runningCount() == 1);

        execution.progress(0.5);

        assertThat(pool.progress(id)).map(LiveProgress::fraction).contains(0.5);
        assertThat(published)
                .filteredOn(JobEvent.Progress.class::isInstance)
                .map(JobEvent.Progress.class::cast)
                .anySatisfy(tick -> {
                    assertThat(tick.progress()).isEqualTo(new LiveProgress(id, 0.5, 25.0, 1.0, 10.0, 1.0));
                    assertThat(tick.job().id()).as("the tick carries its job").isEqualTo(id);
                    assertThat(tick.job().status()).isEqualTo(JobStatus.PROCESSING);
                });
        execution.succeed();
        awaitStatus(id, JobStatus.COMPLETED);
        Await.until("the progress to be dropped", () -> pool.progress(id).isEmpty());
    }

    @Test
    void aChangeOfARunningJobCarriesItsLiveProgressAndLaterTicksCarryTheChangedJob() {
        long id = queue("a.mov");
        startPool(1);
        FakeExecutor.FakeExecution execution = executor.execution(id);
        Await.until("the pool to track the job", () -> pool.runningCount() == 1);
        execution.progress(0.5);

        pool.setPriority(id, 7);
        execution.progress(0.75);

        assertThat(published)
                .filteredOn(JobEvent.Changed.class::isInstance)
                .map(JobEvent.Changed.class::cast)
                .filteredOn(changed -> changed.change() == JobEvent.Change.PRIORITY_CHANGED)
                .singleElement()
                .satisfies(changed ->
                        assertThat(changed.live()).map(LiveProgress::fraction).contains(0.5));
        assertThat(published)
                .filteredOn(JobEvent.Progress.class::isInstance)
                .map(JobEvent.Progress.class::cast)
                .filteredOn(tick -> tick.progress().fraction() == 0.75)
                .singleElement()
                .satisfies(tick -> assertThat(tick.job().priority()).isEqualTo(7));

        execution.succeed();
        awaitStatus(id, JobStatus.COMPLETED);
        assertThat(published)
                .filteredOn(JobEvent.Changed.class::isInstance)
                .map(JobEvent.Changed.class::cast)
                .filteredOn(changed -> changed.job().status() == JobStatus.COMPLETED)
                .singleElement()
                .satisfies(changed -> assertThat(changed.live())
                        .as("a finished job has no live progress")
                        .isEmpty());
    }
}
