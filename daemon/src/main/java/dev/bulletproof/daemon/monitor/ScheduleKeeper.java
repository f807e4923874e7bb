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
import java.util.LinkedHashMap;
import java.util.Map;
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
 *
 * <p>Watch folders with a schedule of their own are looked at in the same round and told to the pool one by
 * one (decision 0032). The global override runs or holds them too ("run now" on a show day is meant for
 * the whole machine), unless a folder has an override of its own, which then decides for that folder.
 */
public final class ScheduleKeeper implements ScheduleControl, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ScheduleKeeper.class.getName());
    private static final Duration TICK = Duration.ofSeconds(1);

    private final Schedule schedule;
    private final Map<String, Schedule> folderSchedules;
    private final ZoneId zone;
    private final Clock clock;
    private final ScheduleOverrideStore store;
    private final WorkerPool pool;
    private final EventBus bus;
    private final Object lock = new Object();

    private ScheduleOverride override; // guarded by lock
    /** Overrides of single folders' schedules, by folder key; guarded by lock. */
    private final Map<String, ScheduleOverride> folderOverrides = new LinkedHashMap<>();

    private ScheduleState applied; // guarded by lock
    private final Map<String, ScheduleState> appliedFolders = new LinkedHashMap<>(); // guarded by lock
    private BackgroundLoop loop;

    public ScheduleKeeper(
            Schedule schedule, ZoneId zone, Clock clock, ScheduleOverrideStore store, WorkerPool pool, EventBus bus) {
        this(schedule, Map.of(), zone, clock, store, pool, bus);
    }

    /** @param folderSchedules the watch folders with a schedule of their own, by folder key */
    public ScheduleKeeper(
            Schedule schedule,
            Map<String, Schedule> folderSchedules,
            ZoneId zone,
            Clock clock,
            ScheduleOverrideStore store,
            WorkerPool pool,
            EventBus bus) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.folderSchedules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(folderSchedules));
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
            for (String folder : folderSchedules.keySet()) {
                store.load(ScheduleOverrideStore.folder(folder)).ifPresent(own -> folderOverrides.put(folder, own));
            }
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
            boolean changed = false;
            // The folders first: a folder's jobs leave the global schedule before it can suspend them.
            for (Map.Entry<String, Schedule> folder : folderSchedules.entrySet()) {
                changed |= reevaluateFolder(folder.getKey(), folder.getValue(), now);
            }
            if (!state.equals(applied)) {
                if (gateChanged(applied, state)) {
                    if (applied != null || state.phase() != ScheduleState.Phase.OPEN) {
                        LOG.log(System.Logger.Level.INFO, describe(state));
                    }
                    pool.applySchedule(state.holdsNewJobs(), state.suspendsRunningJobs(), state.maxWorkers());
                }
                applied = state;
                changed = true;
            }
            if (changed) {
                bus.publish(new ScheduleChanged(state));
            }
            return state;
        }
    }

    /** Called with the lock held; true when what the folder's schedule says changed. */
    private boolean reevaluateFolder(String folder, Schedule own, Instant now) {
        ScheduleOverride ownOverride = folderOverrides.get(folder);
        if (ownOverride != null && !ownOverride.activeAt(now)) {
            LOG.log(
                    System.Logger.Level.INFO,
                    folder + ": schedule override (" + ownOverride.mode().wireName() + ") ended");
            store.clear(ScheduleOverrideStore.folder(folder));
            folderOverrides.remove(folder);
            ownOverride = null;
        }
        // The folder's own override decides for it; without one the global override does.
        ScheduleState state = ScheduleEvaluator.evaluate(own, ownOverride != null ? ownOverride : override, now, zone);
        ScheduleState before = appliedFolders.get(folder);
        if (state.equals(before)) {
            return false;
        }
        if (gateChanged(before, state)) {
            if (before != null || state.phase() != ScheduleState.Phase.OPEN) {
                LOG.log(System.Logger.Level.INFO, folder + ": " + describe(state));
            }
            pool.applyFolderSchedule(folder, state.holdsNewJobs(), state.suspendsRunningJobs(), state.maxWorkers());
        }
        appliedFolders.put(folder, state);
        return true;
    }

    private static boolean gateChanged(ScheduleState before, ScheduleState after) {
        return before == null
                || before.phase() != after.phase()
                || !Objects.equals(before.maxWorkers(), after.maxWorkers());
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
    public Map<String, Schedule> folderSchedules() {
        return folderSchedules;
    }

    @Override
    public Map<String, ScheduleState> folderStates() {
        reevaluate();
        synchronized (lock) {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(appliedFolders));
        }
    }

    @Override
    public Set<Long> suspendedJobs(String folder) {
        return pool.suspendedBySchedule(folder);
    }

    @Override
    public ScheduleState override(ScheduleOverride.Mode mode, Instant until) {
        ScheduleOverride asked = checked(mode, until);
        synchronized (lock) {
            store.save(ScheduleOverrideStore.GLOBAL, asked); // durable before it takes effect
            override = asked;
            LOG.log(System.Logger.Level.INFO, "schedule override: " + mode.wireName() + " until " + until);
        }
        return reevaluate();
    }

    @Override
    public ScheduleState overrideFolder(String folder, ScheduleOverride.Mode mode, Instant until) {
        requireOwnSchedule(folder);
        ScheduleOverride asked = checked(mode, until);
        synchronized (lock) {
            store.save(ScheduleOverrideStore.folder(folder), asked); // durable before it takes effect
            folderOverrides.put(folder, asked);
            LOG.log(System.Logger.Level.INFO, folder + ": schedule override: " + mode.wireName() + " until " + until);
        }
        reevaluate();
        return folderStates().get(folder);
    }

    @Override
    public ScheduleState overrideFolderFor(String folder, ScheduleOverride.Mode mode, Duration length) {
        return overrideFolder(folder, mode, clock.instant().plus(length));
    }

    @Override
    public ScheduleState clearFolderOverride(String folder) {
        requireOwnSchedule(folder);
        synchronized (lock) {
            if (folderOverrides.remove(folder) != null) {
                LOG.log(System.Logger.Level.INFO, folder + ": schedule override cleared");
            }
            store.clear(ScheduleOverrideStore.folder(folder));
        }
        reevaluate();
        return folderStates().get(folder);
    }

    @Override
    public ScheduleOverride folderOverride(String folder) {
        synchronized (lock) {
            return folderOverrides.get(folder);
        }
    }

    private void requireOwnSchedule(String folder) {
        if (folder == null || !folderSchedules.containsKey(folder)) {
            throw new InvalidOverrideException("folder", "is not a watch folder with a schedule of its own: " + folder);
        }
    }

    private ScheduleOverride checked(ScheduleOverride.Mode mode, Instant until) {
        Objects.requireNonNull(mode, "mode");
        Instant now = clock.instant();
        if (until == null || !until.isAfter(now)) {
            throw new InvalidOverrideException("until", "must be in the future");
        }
        if (until.isAfter(now.plus(LONGEST_OVERRIDE))) {
            throw new InvalidOverrideException(
                    "until", "must be within " + LONGEST_OVERRIDE.toDays() + " days; change the schedule for longer");
        }
        return new ScheduleOverride(mode, until, now);
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
