package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.BackgroundLoop;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.WorkerPool;
import dev.bulletproof.daemon.schedule.InvalidOverrideException;
import dev.bulletproof.daemon.schedule.Schedule;
import dev.bulletproof.daemon.schedule.ScheduleChanged;
import dev.bulletproof.daemon.schedule.ScheduleControl;
import dev.bulletproof.daemon.schedule.ScheduleEvaluator;
import dev.bulletproof.daemon.schedule.ScheduleOverride;
import dev.bulletproof.daemon.schedule.ScheduleOverrideStore;
import dev.bulletproof.daemon.schedule.ScheduleState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps the worker pool in step with the daemon's schedule: it looks at the clock every second (so a
 * clock that jumps, a machine waking from sleep or a test's clock moved by hand are all noticed within a
 * second) and, when the phase or the worker limit changes, tells the pool. Every change of what the
 * schedule says, including its next change, is published as {@link ScheduleChanged} for the clients.
 *
 * <p>The override is read from its store at start and written there before it takes effect, so a restart
 * keeps it; an override whose end has passed is deleted on the next look.
 */
public final class ScheduleKeeper implements ScheduleControl, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ScheduleKeeper.class.getName());
    private static final Duration TICK = Duration.ofSeconds(1);

    private final Schedule schedule;
    private final ZoneId zone;
    private final Clock clock;
    private final ScheduleOverrideStore store;
    private final WorkerPool pool;
    private final EventBus bus;
    private final Object lock = new Object();

    private ScheduleOverride override; // guarded by lock
    private ScheduleState applied; // guarded by lock
    private BackgroundLoop loop;

    public ScheduleKeeper(
            Schedule schedule, ZoneId zone, Clock clock, ScheduleOverrideStore store, WorkerPool pool, EventBus bus) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.zone = zone;
        this.clock = clock;
        this.store = store;
        this.pool = pool;
        this.bus = bus;
    }

    /**
     * Reads the stored override and applies the schedule to the pool. Call it before the pool starts, so a
     * daemon started outside its windows never starts a job.
     */
    public void applyAtStart() {
        synchronized (lock) {
            override = store.load(ScheduleOverrideStore.GLOBAL).orElse(null);
        }
        reevaluate();
    }

    public void start() {
        loop = BackgroundLoop.start("bulletproof-schedule", () -> {
            reevaluate();
            Thread.sleep(TICK);
        });
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.close();
        }
    }

    /** Works out what the schedule says now and applies it when that changed; returns it. */
    public ScheduleState reevaluate() {
        synchronized (lock) {
            Instant now = clock.instant();
            if (override != null && !override.activeAt(now)) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "schedule override (" + override.mode().wireName() + ") ended");
                store.clear(ScheduleOverrideStore.GLOBAL);
                override = null;
            }
            ScheduleState state = ScheduleEvaluator.evaluate(schedule, override, now, zone);
            if (!state.equals(applied)) {
                boolean gateChanged = applied == null
                        || applied.phase() != state.phase()
                        || !Objects.equals(applied.maxWorkers(), state.maxWorkers());
                if (gateChanged) {
                    if (applied != null || state.phase() != ScheduleState.Phase.OPEN) {
                        LOG.log(System.Logger.Level.INFO, describe(state));
                    }
                    pool.applySchedule(state.holdsNewJobs(), state.suspendsRunningJobs(), state.maxWorkers());
                }
                applied = state;
                bus.publish(new ScheduleChanged(state));
            }
            return state;
        }
    }

    @Override
    public Schedule schedule() {
        return schedule;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public ScheduleState state() {
        return reevaluate();
    }

    @Override
    public Set<Long> suspendedJobs() {
        return pool.suspendedBySchedule();
    }

    @Override
    public ScheduleState override(ScheduleOverride.Mode mode, Instant until) {
        Objects.requireNonNull(mode, "mode");
        Instant now = clock.instant();
        if (until == null || !until.isAfter(now)) {
            throw new InvalidOverrideException("until", "must be in the future");
        }
        if (until.isAfter(now.plus(LONGEST_OVERRIDE))) {
            throw new InvalidOverrideException(
                    "until", "must be within " + LONGEST_OVERRIDE.toDays() + " days; change the schedule for longer");
        }
        ScheduleOverride asked = new ScheduleOverride(mode, until, now);
        synchronized (lock) {
            store.save(ScheduleOverrideStore.GLOBAL, asked); // durable before it takes effect
            override = asked;
            LOG.log(System.Logger.Level.INFO, "schedule override: " + mode.wireName() + " until " + until);
        }
        return reevaluate();
    }

    @Override
    public ScheduleState overrideFor(ScheduleOverride.Mode mode, Duration length) {
        return override(mode, clock.instant().plus(length));
    }

    @Override
    public ScheduleState clearOverride() {
        synchronized (lock) {
            if (override != null) {
                LOG.log(System.Logger.Level.INFO, "schedule override cleared");
            }
            store.clear(ScheduleOverrideStore.GLOBAL);
            override = null;
        }
        return reevaluate();
    }

    private String describe(ScheduleState state) {
        String what =
                switch (state.phase()) {
                    case OPEN ->
                        "schedule: open" + (state.maxWorkers() == null ? "" : ", " + state.maxWorkers() + " worker(s)");
                    case PAUSED -> "schedule: paused (running jobs suspended, nothing new starts)";
                    case HOLDING -> "schedule: holding (running jobs finish, nothing new starts)";
                };
        return what
                + (state.nextChange() == null
                        ? ""
                        : " until " + state.nextChange().atZone(zone).toLocalDateTime());
    }
}
