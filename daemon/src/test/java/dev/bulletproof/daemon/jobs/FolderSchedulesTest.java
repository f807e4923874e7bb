package dev.bulletproof.daemon.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.db.Migrations;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import dev.bulletproof.daemon.monitor.ScheduleKeeper;
import dev.bulletproof.daemon.schedule.OutsideAction;
import dev.bulletproof.daemon.schedule.Schedule;
import dev.bulletproof.daemon.schedule.ScheduleChanged;
import dev.bulletproof.daemon.schedule.ScheduleOverride;
import dev.bulletproof.daemon.schedule.ScheduleState;
import dev.bulletproof.daemon.schedule.ScheduleWindow;
import dev.bulletproof.daemon.schedule.jdbc.JdbcScheduleOverrideStore;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.testing.Await;
import dev.bulletproof.testing.MutableClock;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schedules per watch folder (decision 0032): the keeper works out each folder's schedule on the injected
 * clock at the window's edges and the pool holds, suspends and limits that folder's jobs only.
 */
class FolderSchedulesTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final String NIGHT = "/drop/night";
    private static final String DAY = "/drop/day";
    private static final String CUES = "/drop/cues";

    @TempDir
    Path folder;

    /** A Monday. */
    private final MutableClock clock = MutableClock.at("2026-03-02T13:00:00Z");

    private final EventBus bus = new EventBus();
    private final FakeExecutor executor = new FakeExecutor();
    private final List<ScheduleChanged> changes = new CopyOnWriteArrayList<>();
    private Database database;
    private JobRepository jobs;
    private WorkerPool pool;
    private ScheduleKeeper keeper;

    @BeforeEach
    void open() {
        bus.subscribe(ScheduleChanged.class, changes::add);
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

    private static Schedule daily(String from, String to, Integer maxWorkers, OutsideAction outside) {
        return new Schedule(
                List.of(new ScheduleWindow(
                        EnumSet.allOf(DayOfWeek.class), LocalTime.parse(from), LocalTime.parse(to), maxWorkers)),
                outside);
    }

    /** As the daemon starts them: the schedules applied first, then the pool. */
    private void start(int maxWorkers, Schedule global, Map<String, Schedule> folders) {
        pool = new WorkerPool(
                jobs,
                executor,
                bus,
                clock,
                new WorkerSettings(maxWorkers, 3, Duration.ofSeconds(5), Duration.ofMinutes(5)),
                new LiveProgressBoard());
        keeper = new ScheduleKeeper(global, folders, UTC, clock, new JdbcScheduleOverrideStore(database), pool, bus);
        keeper.applyAtStart();
        pool.start();
    }

    private long queue(String watchFolder, String name) {
        clock.advance(Duration.ofMillis(1));
        String path = (watchFolder == null ? "/in" : watchFolder) + "/" + name;
        NewFile file = NewFile.ready(path, 1000, 1, JobPlan.of("live-qlab", "/out/" + name, 0));
        return jobs.registerFile(watchFolder == null ? file : file.in(watchFolder))
                .job()
                .id();
    }

    private void awaitStatus(long id, JobStatus status) {
        Await.until("job " + id + " to be " + status, () -> jobs.get(id).status() == status);
    }

    /** Moves the clock to {@code instant} and lets the keeper look, as its once-a-second round does. */
    private void at(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
        keeper.reevaluate();
    }

    @Test
    void aFolderWindowClosingSuspendsOnlyThatFoldersJobAndTheOtherFolderRunsOn() throws InterruptedException {
        long night = queue(NIGHT, "night.mov");
        long day = queue(DAY, "day.mov");
        start(2, Schedule.ALWAYS_OPEN, Map.of(NIGHT, daily("10:00", "14:00", null, OutsideAction.PAUSE)));
        FakeExecutor.FakeExecution nightRun = executor.execution(night);
        FakeExecutor.FakeExecution dayRun = executor.execution(day);
        awaitStatus(night, JobStatus.PROCESSING);
        awaitStatus(day, JobStatus.PROCESSING);
        assertThat(keeper.folderStates().get(NIGHT).nextChange()).isEqualTo(Instant.parse("2026-03-02T14:00:00Z"));

        at("2026-03-02T13:59:59.999Z");
        assertThat(keeper.folderStates().get(NIGHT).phase()).isEqualTo(ScheduleState.Phase.OPEN);
        assertThat(nightRun.suspends).hasValue(0);

        at("2026-03-02T14:00:00Z");

        awaitStatus(night, JobStatus.PAUSED);
        assertThat(nightRun.suspends).hasValue(1);
        assertThat(dayRun.suspends).as("the other folder runs on").hasValue(0);
        assertThat(jobs.get(day).status()).isEqualTo(JobStatus.PROCESSING);
        ScheduleState closed = keeper.folderStates().get(NIGHT);
        assertThat(closed.phase()).isEqualTo(ScheduleState.Phase.PAUSED);
        assertThat(closed.nextChange()).isEqualTo(Instant.parse("2026-03-03T10:00:00Z"));
        assertThat(keeper.suspendedJobs(NIGHT)).containsExactly(night);
        assertThat(keeper.state().phase())
                .as("the global schedule is not the folder's")
                .isEqualTo(ScheduleState.Phase.OPEN);
        assertThat(changes).isNotEmpty();

        long nightLater = queue(NIGHT, "night-later.mov");
        long dayLater = queue(DAY, "day-later.mov");
        Await.until("the free worker to take the other folder's job", () -> executor.startsOf(dayLater) == 1);
        Thread.sleep(200); // a wrongly started job would show up meanwhile
        assertThat(executor.startsOf(nightLater))
                .as("the closed folder's queue waits")
                .isZero();
        dayRun.succeed();
        executor.execution(dayLater).succeed();
        awaitStatus(dayLater, JobStatus.COMPLETED);
        Thread.sleep(200);
        assertThat(executor.startsOf(nightLater))
                .as("even with every worker free")
                .isZero();

        at("2026-03-03T09:59:59.999Z");
        assertThat(nightRun.resumes).hasValue(0);
        at("2026-03-03T10:00:00Z");

        awaitStatus(night, JobStatus.PROCESSING);
        assertThat(nightRun.resumes).hasValue(1);
        assertThat(executor.execution(nightLater)).isNotNull();
        assertThat(keeper.suspendedJobs(NIGHT)).isEmpty();
    }

    @Test
    void aFolderWithAnOpenScheduleOfItsOwnRunsWhileTheGlobalOneHoldsUpToItsWindowsLimit() throws InterruptedException {
        long byHand = queue(null, "by-hand.mov");
        long web = queue(DAY, "web.mov");
        long firstCue = queue(CUES, "cue-1.mov");
        long secondCue = queue(CUES, "cue-2.mov");
        start(
                3,
                daily("10:00", "12:00", null, OutsideAction.PAUSE),
                Map.of(CUES, daily("00:00", "00:00", 1, OutsideAction.PAUSE)));

        FakeExecutor.FakeExecution cueRun = executor.execution(firstCue);
        Thread.sleep(300);
        assertThat(executor.startsOf(secondCue))
                .as("the folder window's limit is 1")
                .isZero();
        assertThat(executor.startsOf(byHand))
                .as("a job without a folder follows the global schedule")
                .isZero();
        assertThat(executor.startsOf(web))
                .as("a folder without a schedule follows the global one")
                .isZero();
        assertThat(keeper.folderStates().get(CUES).maxWorkers()).isEqualTo(1);

        cueRun.succeed();

        executor.execution(secondCue);
        Thread.sleep(200);
        assertThat(executor.startsOf(byHand)).isZero();

        at("2026-03-03T10:00:00Z"); // the global window opens

        executor.execution(byHand);
        executor.execution(web);
    }

    @Test
    void theGlobalWindowClosingSuspendsTheJobsFollowingItAndLeavesAFolderWithItsOwnScheduleRunning() {
        long byHand = queue(null, "by-hand.mov");
        long cue = queue(CUES, "cue.mov");
        start(
                2,
                daily("10:00", "14:00", null, OutsideAction.PAUSE),
                Map.of(CUES, daily("00:00", "00:00", null, OutsideAction.PAUSE)));
        FakeExecutor.FakeExecution byHandRun = executor.execution(byHand);
        FakeExecutor.FakeExecution cueRun = executor.execution(cue);
        awaitStatus(byHand, JobStatus.PROCESSING);
        awaitStatus(cue, JobStatus.PROCESSING);

        at("2026-03-02T14:00:00Z");

        awaitStatus(byHand, JobStatus.PAUSED);
        assertThat(byHandRun.suspends).hasValue(1);
        assertThat(cueRun.suspends).as("its folder's own window is open").hasValue(0);
        assertThat(jobs.get(cue).status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(keeper.suspendedJobs()).containsExactly(byHand);
        assertThat(keeper.suspendedJobs(CUES)).isEmpty();

        at("2026-03-03T10:00:00Z");

        awaitStatus(byHand, JobStatus.PROCESSING);
        assertThat(byHandRun.resumes).hasValue(1);
        assertThat(cueRun.resumes).hasValue(0);
    }

    @Test
    void theOneOverrideRunsAndHoldsAFoldersScheduleToo() {
        long night = queue(NIGHT, "night.mov");
        clock.advance(Duration.ofHours(2)); // 15:00: the folder's window is closed
        start(1, Schedule.ALWAYS_OPEN, Map.of(NIGHT, daily("10:00", "14:00", null, OutsideAction.DRAIN)));
        assertThat(keeper.folderStates().get(NIGHT).phase()).isEqualTo(ScheduleState.Phase.HOLDING);

        keeper.overrideFor(ScheduleOverride.Mode.RUN, Duration.ofHours(1));

        FakeExecutor.FakeExecution run = executor.execution(night);
        assertThat(keeper.folderStates().get(NIGHT).phase()).isEqualTo(ScheduleState.Phase.OPEN);
        assertThat(keeper.folderStates().get(NIGHT).override().mode()).isEqualTo(ScheduleOverride.Mode.RUN);

        keeper.override(ScheduleOverride.Mode.HOLD, clock.instant().plus(Duration.ofHours(1)));

        assertThat(keeper.folderStates().get(NIGHT).phase())
                .as("a hold does what the folder's schedule does outside its windows: drain")
                .isEqualTo(ScheduleState.Phase.HOLDING);
        assertThat(run.suspends).as("a drain lets the running job finish").hasValue(0);
        long later = queue(NIGHT, "later.mov");
        run.succeed();
        awaitStatus(night, JobStatus.COMPLETED);
        assertThat(executor.startsOf(later)).isZero();

        keeper.clearOverride();

        assertThat(keeper.folderStates().get(NIGHT).phase()).isEqualTo(ScheduleState.Phase.HOLDING);
        at("2026-03-03T10:00:00Z");
        executor.execution(later);
    }

    @Test
    void aFoldersOwnOverrideWinsOverTheGlobalOneSurvivesARestartAndEndsByItself() {
        long night = queue(NIGHT, "night.mov");
        long day = queue(DAY, "day.mov");
        clock.advance(Duration.ofHours(2)); // 15:00: the night window is closed
        Map<String, Schedule> folders = Map.of(
                NIGHT, daily("10:00", "14:00", null, OutsideAction.PAUSE),
                DAY, daily("10:00", "14:00", null, OutsideAction.PAUSE));
        start(2, Schedule.ALWAYS_OPEN, folders);
        keeper.override(ScheduleOverride.Mode.HOLD, Instant.parse("2026-03-02T20:00:00Z"));

        ScheduleState nightRuns = keeper.overrideFolderFor(NIGHT, ScheduleOverride.Mode.RUN, Duration.ofHours(1));

        assertThat(nightRuns.phase()).isEqualTo(ScheduleState.Phase.OPEN);
        assertThat(keeper.folderOverride(NIGHT).until()).isEqualTo(Instant.parse("2026-03-02T16:00:00.002Z"));
        executor.execution(night);
        assertThat(keeper.folderStates().get(DAY).phase())
                .as("the other folder follows the global hold")
                .isEqualTo(ScheduleState.Phase.PAUSED);
        assertThat(executor.startsOf(day)).isZero();
        var unknown = org.assertj.core.api.Assertions.catchThrowableOfType(
                dev.bulletproof.daemon.schedule.InvalidOverrideException.class,
                () -> keeper.overrideFolderFor("/drop/elsewhere", ScheduleOverride.Mode.RUN, Duration.ofHours(1)));
        assertThat(unknown.field()).isEqualTo("folder");

        ScheduleKeeper restarted = new ScheduleKeeper(
                Schedule.ALWAYS_OPEN, folders, UTC, clock, new JdbcScheduleOverrideStore(database), pool, bus);
        restarted.applyAtStart();
        assertThat(restarted.folderOverride(NIGHT)).as("kept across a restart").isNotNull();
        assertThat(restarted.folderStates().get(NIGHT).phase()).isEqualTo(ScheduleState.Phase.OPEN);

        clock.advance(Duration.ofHours(1)); // 16:00: the folder's override ends
        assertThat(restarted.folderStates().get(NIGHT).phase())
                .as("the global hold applies again")
                .isEqualTo(ScheduleState.Phase.PAUSED);
        assertThat(restarted.folderOverride(NIGHT)).isNull();
        assertThat(new JdbcScheduleOverrideStore(database)
                        .load(dev.bulletproof.daemon.schedule.ScheduleOverrideStore.folder(NIGHT)))
                .as("deleted once ended")
                .isEmpty();
    }

    @Test
    void aPersonsPauseAndResumeWinOverTheFoldersSchedule() {
        long mine = queue(NIGHT, "mine.mov");
        long scheduled = queue(NIGHT, "scheduled.mov");
        Map<String, Schedule> folders = new LinkedHashMap<>();
        folders.put(NIGHT, daily("10:00", "14:00", null, OutsideAction.PAUSE));
        start(2, Schedule.ALWAYS_OPEN, folders);
        FakeExecutor.FakeExecution mineRun = executor.execution(mine);
        FakeExecutor.FakeExecution scheduledRun = executor.execution(scheduled);
        awaitStatus(scheduled, JobStatus.PROCESSING);
        awaitStatus(mine, JobStatus.PROCESSING);
        pool.pause(mine);

        at("2026-03-02T14:00:00Z");
        awaitStatus(scheduled, JobStatus.PAUSED);
        assertThat(keeper.suspendedJobs(NIGHT)).containsExactly(scheduled);

        pool.resume(scheduled);
        awaitStatus(scheduled, JobStatus.PROCESSING);
        assertThat(scheduledRun.resumes)
                .as("a person's resume runs it, window or not")
                .hasValue(1);

        at("2026-03-03T10:00:00Z");
        assertThat(jobs.get(mine).status())
                .as("a person's pause outlasts the folder's window")
                .isEqualTo(JobStatus.PAUSED);
        assertThat(mineRun.resumes).hasValue(0);
    }
}
