package dev.bulletproof.daemon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the worker pool follows a schedule (hold, suspend, a window's limit) and drains. */
class ScheduledPoolTest {

    @TempDir
    Path folder;

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private final EventBus bus = new EventBus();
    private final FakeExecutor executor = new FakeExecutor();
    private final List<Object> published = new CopyOnWriteArrayList<>();
    private Database database;
    private JobRepository jobs;
    private WorkerPool pool;

    @BeforeEach
    void open() {
        bus.subscribe(Object.class, published::add);
        database = Database.open(folder.resolve("bulletproof.db"));
        Migrations.fromClasspath().apply(database);
        jobs = new PublishingJobRepository(new JdbcJobRepository(database, clock), bus, new LiveProgressBoard());
    }

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.stop(Duration.ofSeconds(5));
        }
        database.close();
    }

    private void startPool(int maxWorkers) {
        pool = newPool(maxWorkers);
        pool.start();
    }

    private WorkerPool newPool(int maxWorkers) {
        return new WorkerPool(
                jobs,
                executor,
                bus,
                clock,
                new WorkerSettings(maxWorkers, 3, Duration.ofSeconds(5), Duration.ofMinutes(5)),
                new LiveProgressBoard());
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

    private static void awaitCount(String what, java.util.concurrent.atomic.AtomicInteger counter, int value) {
        Await.until(what, () -> counter.get() == value);
    }

    @Test
    void aPauseScheduleSuspendsRunningJobsAndOpeningContinuesOnlyThoseItSuspended() throws InterruptedException {
        long mine = queue("paused-by-a-person.mov");
        long scheduled = queue("suspended-by-the-schedule.mov");
        startPool(2);
        FakeExecutor.FakeExecution mineRun = executor.execution(mine);
        FakeExecutor.FakeExecution scheduledRun = executor.execution(scheduled);
        awaitStatus(scheduled, JobStatus.PROCESSING);
        pool.pause(mine);
        awaitCount("the person's pause suspends", mineRun.suspends, 1);

        pool.applySchedule(true, true, null);
        long later = queue("queued-while-closed.mov");

        awaitStatus(scheduled, JobStatus.PAUSED);
        awaitCount("the schedule suspends the running encode", scheduledRun.suspends, 1);
        assertThat(pool.suspendedBySchedule()).containsExactly(scheduled);
        assertThat(pool.runningCount()).isZero();
        assertThat(pool.isHeldBySchedule()).isTrue();
        Thread.sleep(200); // a wrongly started job would show up meanwhile
        assertThat(executor.startsOf(later)).isZero();

        pool.applySchedule(false, false, null);

        awaitStatus(scheduled, JobStatus.PROCESSING);
        assertThat(scheduledRun.resumes).hasValue(1);
        assertThat(executor.execution(later)).isNotNull(); // the second worker takes the queued job
        assertThat(jobs.get(mine).status())
                .as("a person's pause outlasts the window")
                .isEqualTo(JobStatus.PAUSED);
        assertThat(mineRun.resumes).hasValue(0);
        assertThat(pool.suspendedBySchedule()).isEmpty();
    }

    @Test
    void aJobPausedByAPersonWhileTheScheduleHadSuspendedItStaysPausedWhenTheWindowOpens() {
        long id = queue("a.mov");
        startPool(1);
        FakeExecutor.FakeExecution run = executor.execution(id);
        awaitStatus(id, JobStatus.PROCESSING);
        pool.applySchedule(true, true, null);
        awaitStatus(id, JobStatus.PAUSED);

        assertThat(pool.pause(id).status()).isEqualTo(JobStatus.PAUSED);
        pool.applySchedule(false, false, null);

        assertThat(pool.suspendedBySchedule()).isEmpty();
        assertThat(jobs.get(id).status()).isEqualTo(JobStatus.PAUSED);
        assertThat(run.resumes).hasValue(0);
    }

    @Test
    void aPersonsResumeRunsAJobTheScheduleSuspended() {
        long id = queue("a.mov");
        startPool(1);
        FakeExecutor.FakeExecution run = executor.execution(id);
        awaitStatus(id, JobStatus.PROCESSING);
        pool.applySchedule(true, true, null);
        awaitStatus(id, JobStatus.PAUSED);

        assertThat(pool.resume(id).status()).isEqualTo(JobStatus.PROCESSING);

        assertThat(run.resumes).hasValue(1);
        assertThat(pool.suspendedBySchedule()).isEmpty();
        run.succeed();
        awaitStatus(id, JobStatus.COMPLETED);
    }

    @Test
    void aDrainScheduleLetsRunningJobsFinishAndStartsNothingNew() throws InterruptedException {
        long running = queue("running.mov");
        startPool(2);
        FakeExecutor.FakeExecution run = executor.execution(running);
        awaitStatus(running, JobStatus.PROCESSING);

        pool.applySchedule(true, false, null);
        long waiting = queue("waiting.mov");
        run.succeed();

        awaitStatus(running, JobStatus.COMPLETED);
        assertThat(run.suspends).hasValue(0);
        Thread.sleep(200);
        assertThat(executor.startsOf(waiting)).isZero();
        pool.applySchedule(false, false, null);
        executor.execution(waiting).succeed();
        awaitStatus(waiting, JobStatus.COMPLETED);
    }

    @Test
    void aWindowsLimitCapsTheWorkersWithoutChangingTheConfiguredCount() throws InterruptedException {
        queue("a.mov");
        queue("b.mov");
        queue("c.mov");
        pool = newPool(3);
        pool.applySchedule(false, false, 1); // as the daemon does: the schedule first, then the pool starts
        pool.start();

        Await.until("one job to start", () -> executor.started() == 1);
        Thread.sleep(200);
        assertThat(executor.started()).isEqualTo(1);
        assertThat(pool.maxWorkers()).isEqualTo(1);
        assertThat(pool.configuredMaxWorkers()).isEqualTo(3);
        assertThat(published).contains(new QueueEvent(false, 1, false, false));

        pool.applySchedule(false, false, null);

        Await.until("all three to run", () -> executor.started() == 3);
        assertThat(pool.maxWorkers()).isEqualTo(3);
    }

    @Test
    void drainLetsRunningJobsFinishThenPausesAndSaysSoOnce() throws InterruptedException {
        long first = queue("first.mov");
        long second = queue("second.mov");
        startPool(2);
        FakeExecutor.FakeExecution firstRun = executor.execution(first);
        FakeExecutor.FakeExecution secondRun = executor.execution(second);
        awaitStatus(second, JobStatus.PROCESSING);

        pool.drainQueue();
        long third = queue("third.mov");

        assertThat(pool.isDraining()).isTrue();
        assertThat(pool.isQueuePaused()).isTrue();
        firstRun.succeed();
        awaitStatus(first, JobStatus.COMPLETED);
        assertThat(pool.isDraining()).as("one job still runs").isTrue();
        assertThat(published).noneMatch(QueueDrained.class::isInstance);

        secondRun.succeed();

        Await.until("the drain to end", () -> !pool.isDraining());
        assertThat(pool.isQueuePaused()).isTrue();
        assertThat(published.stream().filter(QueueDrained.class::isInstance)).hasSize(1);
        int completedAt = indexOfCompleted(second);
        int drainedAt = published.indexOf(published.stream()
                .filter(QueueDrained.class::isInstance)
                .findFirst()
                .orElseThrow());
        assertThat(drainedAt).as("drained after the last job's end").isGreaterThan(completedAt);
        Thread.sleep(200);
        assertThat(executor.startsOf(third)).isZero();
    }

    @Test
    void drainingAnIdleQueuePausesItAtOnce() {
        startPool(2);

        pool.drainQueue();

        assertThat(pool.isDraining()).isFalse();
        assertThat(pool.isQueuePaused()).isTrue();
        assertThat(published).anyMatch(QueueDrained.class::isInstance);
    }

    @Test
    void resumingDuringADrainEndsItWithoutADrainedEvent() {
        long id = queue("a.mov");
        startPool(1);
        FakeExecutor.FakeExecution run = executor.execution(id);
        awaitStatus(id, JobStatus.PROCESSING);
        pool.drainQueue();

        pool.resumeQueue();
        run.succeed();

        awaitStatus(id, JobStatus.COMPLETED);
        assertThat(pool.isDraining()).isFalse();
        assertThat(pool.isQueuePaused()).isFalse();
        assertThat(published).noneMatch(QueueDrained.class::isInstance);
    }

    @Test
    void pausingTheLastRunningJobEndsADrain() {
        long id = queue("a.mov");
        startPool(1);
        executor.execution(id);
        awaitStatus(id, JobStatus.PROCESSING);
        pool.drainQueue();

        pool.pause(id);

        assertThat(pool.isDraining()).isFalse();
        assertThat(published).anyMatch(QueueDrained.class::isInstance);
    }

    private int indexOfCompleted(long id) {
        for (int i = 0; i < published.size(); i++) {
            if (published.get(i) instanceof JobEvent.Changed changed
                    && changed.job().id() == id
                    && changed.job().status() == JobStatus.COMPLETED) {
                return i;
            }
        }
        throw new AssertionError("no completed event of job " + id);
    }
}
