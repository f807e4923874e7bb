package dev.bulletproof.daemon.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.daemon.config.DaemonConfig;
import dev.bulletproof.daemon.config.LiveConfig;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.history.History;
import dev.bulletproof.daemon.jobs.IllegalTransitionException;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobCommands;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobNotFoundException;
import dev.bulletproof.daemon.jobs.JobQueries;
import dev.bulletproof.daemon.jobs.LiveProgress;
import dev.bulletproof.daemon.jobs.QueueControl;
import dev.bulletproof.daemon.media.MediaTools;
import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.daemon.metrics.DaemonMetrics;
import dev.bulletproof.daemon.rules.RuleSet;
import dev.bulletproof.daemon.schedule.InvalidOverrideException;
import dev.bulletproof.daemon.schedule.ScheduleControl;
import dev.bulletproof.daemon.schedule.ScheduleEvaluator;
import dev.bulletproof.daemon.schedule.ScheduleOverride;
import dev.bulletproof.daemon.schedule.ScheduleState;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.NodeModel;
import dev.bulletproof.model.StatsModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Small stand-ins for the engine's narrow interfaces, so the HTTP behaviour of the routes can be pinned
 * without starting the engine. They keep what they are asked in memory and record the calls they get.
 */
final class StandInEngine {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    final Jobs jobs = new Jobs();
    final Queue queue = new Queue();
    final Config config;
    final Stats history = new Stats();
    final EventBus bus = new EventBus();
    final Schedule schedule = new Schedule();
    final Nodes nodes = new Nodes();

    StandInEngine(Path root) {
        this.config = new Config(DaemonConfig.fromModel(DaemonConfig.emptyModel(), root));
    }

    Engine engine() {
        return new Engine(
                jobs,
                jobs,
                queue,
                config,
                () -> history,
                new MediaTools(Path.of("/usr/bin/ffmpeg"), Path.of("/usr/bin/ffprobe"), "test", "7.1"),
                new DaemonMetrics(bus, CLOCK),
                bus,
                config.config().outputFolder().getParent(),
                id -> config.config().outputFolder().resolveSibling("job-" + id + ".log"),
                null,
                schedule,
                nodes);
    }

    static Job job(long id, JobStatus status) {
        return new Job(
                id,
                "/in/clip-" + id + ".mov",
                1000,
                1,
                "clip-" + id + ".mov",
                status,
                null,
                "live-qlab",
                "/out/clip-" + id + ".mov",
                null,
                0,
                0,
                null,
                CLOCK.instant(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                1);
    }

    /** Jobs by id; pause, resume, cancel and retry follow the states a person may ask them from. */
    static final class Jobs implements JobQueries, JobCommands {
        final Map<Long, Job> byId = new ConcurrentHashMap<>();
        final Map<Long, LiveProgress> progress = new ConcurrentHashMap<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<JobFilter> filters = new CopyOnWriteArrayList<>();
        /** Every job read by id or for its progress. */
        final List<Long> reads = new CopyOnWriteArrayList<>();

        Job add(Job job) {
            byId.put(job.id(), job);
            return job;
        }

        @Override
        public List<Job> list(JobFilter filter) {
            filters.add(filter);
            return byId.values().stream()
                    .filter(job -> filter.statuses() == null
                            || filter.statuses().isEmpty()
                            || filter.statuses().contains(job.status()))
                    .sorted((a, b) -> Long.compare(b.id(), a.id()))
                    .skip(filter.offset())
                    .limit(filter.limit())
                    .toList();
        }

        @Override
        public long count(JobFilter filter) {
            return list(filter.page(Integer.MAX_VALUE, 0)).size();
        }

        @Override
        public Job get(long id) {
            reads.add(id);
            Job job = byId.get(id);
            if (job == null) {
                throw new JobNotFoundException(id);
            }
            return job;
        }

        @Override
        public Optional<LiveProgress> progress(long id) {
            reads.add(id);
            return Optional.ofNullable(progress.get(id));
        }

        @Override
        public Job pause(long id) {
            return move(id, "pause", Set.of(JobStatus.QUEUED, JobStatus.PROCESSING), JobStatus.PAUSED);
        }

        @Override
        public Job resume(long id) {
            return move(id, "resume", Set.of(JobStatus.PAUSED), JobStatus.PROCESSING);
        }

        @Override
        public Job cancel(long id) {
            return move(
                    id,
                    "cancel",
                    Set.of(JobStatus.WAITING, JobStatus.QUEUED, JobStatus.PROCESSING, JobStatus.PAUSED),
                    JobStatus.CANCELLED);
        }

        @Override
        public Job retry(long id) {
            return move(id, "retry", Set.of(JobStatus.FAILED, JobStatus.CANCELLED), JobStatus.QUEUED);
        }

        @Override
        public void delete(long id) {
            calls.add("delete " + id);
            get(id);
            byId.remove(id);
        }

        @Override
        public Job setPriority(long id, int priority) {
            calls.add("priority " + id + " " + priority);
            return replace(id, job -> withPriority(job, priority));
        }

        @Override
        public Job enqueue(String path, String profile, String output) {
            calls.add("enqueue " + path + " " + profile + " " + output);
            long id = byId.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
            return add(job(id, JobStatus.QUEUED));
        }

        private Job move(long id, String action, Set<JobStatus> from, JobStatus to) {
            calls.add(action + " " + id);
            Job job = get(id);
            if (!from.contains(job.status())) {
                throw new IllegalTransitionException(
                        id, job.status(), "job " + id + " is " + job.status().wireName() + "; cannot " + action);
            }
            return replace(id, current -> withStatus(current, to));
        }

        private Job replace(long id, Function<Job, Job> change) {
            return byId.compute(id, (key, job) -> {
                if (job == null) {
                    throw new JobNotFoundException(id);
                }
                return change.apply(job);
            });
        }

        private static Job withStatus(Job j, JobStatus status) {
            return new Job(
                    j.id(),
                    j.inputPath(),
                    j.inputSize(),
                    j.inputMtimeMillis(),
                    j.filename(),
                    status,
                    j.statusReason(),
                    j.profile(),
                    j.outputPath(),
                    j.onSuccess(),
                    j.priority(),
                    j.attempts(),
                    j.error(),
                    j.createdAt(),
                    j.startedAt(),
                    j.completedAt(),
                    j.notBefore(),
                    j.mediaDurationSeconds(),
                    j.bitrate(),
                    j.resolution(),
                    j.verified(),
                    j.processingSeconds(),
                    j.version() + 1);
        }

        private static Job withPriority(Job j, int priority) {
            return new Job(
                    j.id(),
                    j.inputPath(),
                    j.inputSize(),
                    j.inputMtimeMillis(),
                    j.filename(),
                    j.status(),
                    j.statusReason(),
                    j.profile(),
                    j.outputPath(),
                    j.onSuccess(),
                    priority,
                    j.attempts(),
                    j.error(),
                    j.createdAt(),
                    j.startedAt(),
                    j.completedAt(),
                    j.notBefore(),
                    j.mediaDurationSeconds(),
                    j.bitrate(),
                    j.resolution(),
                    j.verified(),
                    j.processingSeconds(),
                    j.version() + 1);
        }
    }

    /** The nodes as the test sets them; every job that started ran on the node named {@link #RUNS_JOBS}. */
    static final class Nodes implements ClusterNodes {
        static final String RUNS_JOBS = "stand-in";
        volatile List<NodeModel> current = List.of();
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public List<NodeModel> nodes() {
            return current;
        }

        @Override
        public Optional<String> nodeOf(Job job) {
            return job.startedAt() == null ? Optional.empty() : Optional.of(RUNS_JOBS);
        }

        @Override
        public NodeModel pause(String nodeId) {
            calls.add("pause " + nodeId);
            return node(nodeId);
        }

        @Override
        public NodeModel resume(String nodeId) {
            calls.add("resume " + nodeId);
            return node(nodeId);
        }
    }

    static final class Queue implements QueueControl {
        volatile boolean paused;
        volatile String stalled;
        volatile int maxWorkers = 2;
        volatile int running;

        @Override
        public boolean isQueuePaused() {
            return paused;
        }

        @Override
        public java.util.Optional<String> stalledBecause() {
            return java.util.Optional.ofNullable(stalled);
        }

        @Override
        public int maxWorkers() {
            return maxWorkers;
        }

        @Override
        public int runningCount() {
            return running;
        }

        @Override
        public void pauseQueue() {
            paused = true;
        }

        @Override
        public void resumeQueue() {
            paused = false;
            draining = false;
        }

        volatile boolean draining;
        volatile boolean heldBySchedule;

        @Override
        public void drainQueue() {
            paused = true;
            draining = running > 0;
        }

        @Override
        public boolean isDraining() {
            return draining;
        }

        @Override
        public boolean isHeldBySchedule() {
            return heldBySchedule;
        }

        @Override
        public java.util.Set<Long> suspendedBySchedule() {
            return java.util.Set.of();
        }
    }

    /** The schedule as set by the test, evaluated on the stand-in's fixed clock; the override is kept in memory. */
    static final class Schedule implements ScheduleControl {
        volatile dev.bulletproof.daemon.schedule.Schedule schedule =
                dev.bulletproof.daemon.schedule.Schedule.ALWAYS_OPEN;
        volatile ScheduleOverride override;
        volatile java.util.Set<Long> suspended = java.util.Set.of();

        @Override
        public dev.bulletproof.daemon.schedule.Schedule schedule() {
            return schedule;
        }

        @Override
        public java.time.ZoneId zone() {
            return ZoneOffset.UTC;
        }

        @Override
        public ScheduleState state() {
            return ScheduleEvaluator.evaluate(schedule, override, CLOCK.instant(), zone());
        }

        @Override
        public java.util.Set<Long> suspendedJobs() {
            return suspended;
        }

        @Override
        public ScheduleState override(ScheduleOverride.Mode mode, Instant until) {
            if (until == null || !until.isAfter(CLOCK.instant())) {
                throw new InvalidOverrideException("until", "must be in the future");
            }
            override = new ScheduleOverride(mode, until, CLOCK.instant());
            return state();
        }

        @Override
        public ScheduleState overrideFor(ScheduleOverride.Mode mode, java.time.Duration length) {
            return override(mode, CLOCK.instant().plus(length));
        }

        @Override
        public ScheduleState clearOverride() {
            override = null;
            return state();
        }
    }

    /** The configuration as set; an update answers what the test prepared, or throws what it prepared. */
    static final class Config implements LiveConfig {
        volatile DaemonConfig current;
        final List<ObjectNode> updates = new CopyOnWriteArrayList<>();
        volatile int resets;
        volatile RuntimeException refusal;

        Config(DaemonConfig current) {
            this.current = current;
        }

        @Override
        public DaemonConfig config() {
            return current;
        }

        @Override
        public ProfileCatalog profiles() {
            return ProfileCatalog.builtins();
        }

        /** The rules the running daemon would build from the current config. */
        @Override
        public RuleSet rules() {
            return dev.bulletproof.daemon.config.PipelineSettings.of(current, java.time.Clock.systemUTC())
                    .rules();
        }

        @Override
        public DaemonConfig update(ObjectNode changes) {
            updates.add(changes.deepCopy());
            if (refusal != null) {
                throw refusal;
            }
            return current;
        }

        @Override
        public DaemonConfig reset() {
            resets++;
            return current;
        }
    }

    static final class Stats implements History {
        final List<String> asked = new ArrayList<>();

        @Override
        public StatsModel summary() {
            return new StatsModel(7, 5, 1, 12.5, 1, 0, 0, 3);
        }

        @Override
        public List<HistoryBucket> buckets(Instant from, Instant to, String bucket) {
            asked.add("buckets " + from + " " + to + " " + bucket);
            return List.of(new HistoryBucket(from, 2, 1, 10.0, 60.0));
        }

        @Override
        public List<TimelinePoint> timeline(Instant from, Instant to, int limit) {
            asked.add("timeline " + from + " " + to + " " + limit);
            return List.of();
        }
    }
}
