package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.daemon.config.ConfigChanges;
import dev.bulletproof.daemon.config.ConfigStore;
import dev.bulletproof.daemon.config.ConfigValidationException;
import dev.bulletproof.daemon.config.ConfigValidator;
import dev.bulletproof.daemon.config.DaemonConfig;
import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.db.Migrations;
import dev.bulletproof.daemon.db.SqliteNativeLibrary;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.history.History;
import dev.bulletproof.daemon.history.jdbc.JdbcHistory;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobRepository;
import dev.bulletproof.daemon.jobs.PublishIntentStore;
import dev.bulletproof.daemon.jobs.PublishingJobRepository;
import dev.bulletproof.daemon.jobs.WorkerPool;
import dev.bulletproof.daemon.jobs.WorkerSettings;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import dev.bulletproof.daemon.jobs.jdbc.JdbcPublishIntentStore;
import dev.bulletproof.daemon.media.EncodeRegistry;
import dev.bulletproof.daemon.media.MediaTools;
import dev.bulletproof.daemon.media.MediaToolsLocator;
import dev.bulletproof.daemon.media.OutputPaths;
import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.daemon.media.Transcoder;
import dev.bulletproof.daemon.metrics.DaemonMetrics;
import dev.bulletproof.daemon.rules.OutputNamer;
import dev.bulletproof.daemon.rules.RuleSet;
import dev.bulletproof.daemon.watch.FolderWatcher;
import dev.bulletproof.daemon.watch.StabilityTracker;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.JobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The running daemon: watch folder, stability tracking, rules, the durable queue and the worker pool,
 * wired together. Start-up recovers from whatever a crash left behind before any worker starts; stop is
 * ordered (intake first, then workers, then the database) and idempotent.
 */
public final class Monitor implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Monitor.class.getName());
    private static final Duration RETRY_BACKOFF_BASE = Duration.ofSeconds(5);
    private static final Duration RETRY_BACKOFF_CAP = Duration.ofMinutes(5);

    /**
     * @param ffmpegOverride an ffmpeg given on the command line; wins over the config's ffmpeg_path
     * @param startPaused detect and queue files, but start no job until the queue is resumed
     */
    public record Options(Path configFile, Path dataFolder, Path ffmpegOverride, Clock clock, boolean startPaused) {
        public Options {
            clock = clock == null ? Clock.systemUTC() : clock;
        }

        public Options(Path configFile, Path dataFolder, Path ffmpegOverride, Clock clock) {
            this(configFile, dataFolder, ffmpegOverride, clock, false);
        }
    }

    private final Options options;
    private final EventBus bus;
    private final DataFolder data;
    private final ConfigStore configStore;
    private final MediaTools tools;
    private final AtomicReference<PipelineSettings> settings = new AtomicReference<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final DaemonMetrics metrics;
    private Database database;
    private JobRepository jobs;
    private History history;
    private WorkerPool pool;
    private FileIntake intake;
    private StabilityTracker stability;
    private FolderWatcher watcher;
    private List<Job> recovered = List.of();
    private boolean stopped;

    private Monitor(Options options, EventBus bus) {
        this.options = options;
        this.bus = bus;
        this.data = DataFolder.open(options.dataFolder());
        toClose.add(data);
        // Subscribed before anything starts, so crash recovery and the first jobs are counted.
        this.metrics = new DaemonMetrics(bus, options.clock());
        toClose.add(metrics);
        try {
            this.configStore = new ConfigStore(
                    options.configFile(), ProfileCatalog.builtins().names());
            DaemonConfig config = configStore.load();
            this.tools = MediaToolsLocator.locate(
                    options.ffmpegOverride() != null ? options.ffmpegOverride() : config.ffmpegPath());
            settings.set(settingsFor(config));
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
    }

    /** Loads and validates the config, locates ffmpeg, recovers from a crash and starts every part. */
    public static Monitor start(Options options, EventBus bus) {
        Monitor monitor = new Monitor(options, bus);
        try {
            monitor.startParts();
            return monitor;
        } catch (RuntimeException e) {
            monitor.close();
            throw e;
        }
    }

    private PipelineSettings settingsFor(DaemonConfig config) {
        ProfileCatalog profiles = ProfileCatalog.builtins().withCustom(config.profiles());
        RuleSet rules = new RuleSet(
                config.rules(),
                config.onSuccess(),
                name -> profiles.require(name).extension(),
                new OutputNamer(options.clock()));
        return new PipelineSettings(config, profiles, rules);
    }

    private void startParts() {
        DaemonConfig config = settings.get().config();
        config.createMissingFolders();

        SqliteNativeLibrary.extractInto(data.nativeLibraries());
        database = Database.open(data.database());
        toClose.add(database);
        Migrations.fromClasspath().apply(database);
        jobs = new PublishingJobRepository(new JdbcJobRepository(database, options.clock()), bus);
        PublishIntentStore intents = new JdbcPublishIntentStore(database, options.clock());
        history = new JdbcHistory(database, options.clock());

        recoverFromCrash(config, intents);

        EncodeRegistry encodes = new EncodeRegistry(data.encodes());
        pool = new WorkerPool(
                jobs,
                new TranscodeJobExecutor(new Transcoder(tools), settings::get, data.logs(), encodes, intents, bus),
                bus,
                options.clock(),
                new WorkerSettings(config.maxWorkers(), config.maxAttempts(), RETRY_BACKOFF_BASE, RETRY_BACKOFF_CAP));

        intake = new FileIntake(jobs, settings::get, bus, pool::wakeUp);
        intake.adopt(jobs.list(waitingJobs()));
        stability = new StabilityTracker(options.clock(), config.stableTime(), intake);
        watcher = new FolderWatcher(
                config.monitorFolder(),
                config.recursive(),
                config.scanInterval(),
                Set.of(config.outputFolder(), config.processedFolder()),
                stability::observe);

        if (options.startPaused()) {
            pool.pauseQueue();
        }
        pool.start();
        intake.start();
        // Settling files are re-checked often (detection latency); stable ones only as often as the folder is
        // rescanned, since each sweep stats every tracked file.
        stability.start(settlingRecheck(config), config.scanInterval());
        watcher.start();
        metrics.describe(
                Objects.requireNonNullElse(Monitor.class.getPackage().getImplementationVersion(), "dev"),
                tools.shortVersion());
        metrics.observe(new MonitorReadings());
        // The start-up banner names the folders and ffmpeg for a person; this is for the log file.
        LOG.log(
                System.Logger.Level.INFO,
                "watching " + config.monitorFolder() + " -> " + config.outputFolder() + " with " + config.maxWorkers()
                        + " worker(s)");
    }

    /** The gauges of /metrics, read at scrape time. */
    private final class MonitorReadings implements DaemonMetrics.Readings {
        @Override
        public long jobsWithStatus(JobStatus status) {
            return jobs.count(new JobFilter(Set.of(status), null, null, null, 1, 0));
        }

        @Override
        public int workersBusy() {
            return pool.runningCount();
        }

        @Override
        public int maxWorkers() {
            return pool.maxWorkers();
        }

        @Override
        public Path outputFolder() {
            return config().outputFolder();
        }
    }

    /**
     * A job left processing or paused means the previous daemon died mid-encode: kill any ffmpeg it left
     * running, put the job back in the queue (or fail it when its attempts are used up) and delete its
     * half-written temporary file. Runs before any worker, so nothing can run twice.
     */
    private void recoverFromCrash(DaemonConfig config, PublishIntentStore intents) {
        List<Long> orphans = new EncodeRegistry(data.encodes()).killLeftovers();
        if (!orphans.isEmpty()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "stopped ffmpeg left running by a previous daemon for jobs " + orphans);
        }
        // Publish sequences first: a job whose verified output already carries its final name is completed,
        // not queued again.
        new PublishRecovery(jobs, intents, config).run();
        recovered = jobs.recoverAfterCrash(config.maxAttempts());
        for (Job job : recovered) {
            if (job.outputPath() == null) {
                continue;
            }
            // Its temporary file may be named after the planned output or after a "-2"... variant of it.
            for (Path temp : OutputPaths.temporariesOf(Path.of(job.outputPath()))) {
                try {
                    if (Files.deleteIfExists(temp)) {
                        LOG.log(
                                System.Logger.Level.INFO,
                                "removed the partial output of job " + job.id() + ": " + temp);
                    }
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot remove the partial output " + temp + ": " + e);
                }
            }
        }
        if (!recovered.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, recovered.size() + " job(s) interrupted by a crash were recovered");
        }
    }

    private static JobFilter waitingJobs() {
        return new JobFilter(Set.of(JobStatus.WAITING), null, null, null, Integer.MAX_VALUE, 0);
    }

    /** How often settling files are looked at again: often enough that detection stays close to stable_seconds. */
    private static Duration settlingRecheck(DaemonConfig config) {
        Duration quarter = config.stableTime().dividedBy(4);
        return quarter.compareTo(Duration.ofMillis(250)) > 0 ? Duration.ofMillis(250) : quarter;
    }

    public DaemonConfig config() {
        return settings.get().config();
    }

    public ProfileCatalog profiles() {
        return settings.get().profiles();
    }

    public RuleSet rules() {
        return settings.get().rules();
    }

    public MediaTools tools() {
        return tools;
    }

    public JobRepository jobs() {
        return jobs;
    }

    public History history() {
        return history;
    }

    public WorkerPool pool() {
        return pool;
    }

    public EventBus bus() {
        return bus;
    }

    public DaemonMetrics metrics() {
        return metrics;
    }

    public ConfigStore configStore() {
        return configStore;
    }

    public Path dataFolder() {
        return data.root();
    }

    /** The per-job ffmpeg log file (it may not exist yet). */
    public Path logFileOf(long jobId) {
        return TranscodeJobExecutor.logFileOf(data.logs(), jobId);
    }

    /** Jobs the last start-up found interrupted by a crash. */
    public List<Job> recoveredAtStart() {
        return recovered;
    }

    /**
     * Validates {@code model} completely, saves it atomically and applies it to the running daemon: folders
     * re-watched, stability time, worker count and rules swapped, with no restart. When anything is wrong
     * nothing changes, neither the file nor the running state.
     *
     * @throws ConfigValidationException with a message per field
     */
    public synchronized DaemonConfig applyConfig(ConfigModel model) {
        DaemonConfig before = settings.get().config();
        DaemonConfig candidate = ConfigValidator.validated(
                model, configStore.baseDir(), ProfileCatalog.builtins().names());
        requireExistingFolders(before, candidate);
        PipelineSettings next;
        try {
            next = settingsFor(candidate);
        } catch (BulletproofException e) {
            throw new ConfigValidationException(Map.of("profiles", e.getMessage()));
        }
        DaemonConfig saved = configStore.save(model);
        next = new PipelineSettings(saved, next.profiles(), next.rules());
        saved.createMissingFolders();
        ConfigChanges changes = ConfigChanges.between(before, saved);
        settings.set(next);
        if (changes.watchChanged()) {
            watcher.rewatch(
                    saved.monitorFolder(),
                    saved.recursive(),
                    saved.scanInterval(),
                    Set.of(saved.outputFolder(), saved.processedFolder()));
        }
        if (changes.stabilityChanged()) {
            stability.setStableTime(saved.stableTime());
        }
        if (saved.maxWorkers() != pool.maxWorkers()) {
            pool.setMaxWorkers(saved.maxWorkers());
        }
        if (changes.rulesChanged()) {
            intake.rulesChanged();
        }
        boolean restartRequired = changes.restartRequired() || !Objects.equals(before.ffmpegPath(), saved.ffmpegPath());
        LOG.log(System.Logger.Level.INFO, "configuration applied; changed: " + changes.changedKeys());
        bus.publish(new ConfigApplied(saved, changes, restartRequired));
        return saved;
    }

    /**
     * Restores the built-in defaults (saved to the config file) and applies them live; where the daemon
     * listens and which ffmpeg it runs stay as the file says (only the file may change them).
     */
    public DaemonConfig resetConfig() {
        return applyConfig(configStore.resetModel());
    }

    /**
     * A watch or output folder typed into a form must exist: creating a folder somewhere unexpected because
     * of a typo is worse than saying so. (At start-up the defaults are created, see createMissingFolders.)
     */
    private static void requireExistingFolders(DaemonConfig before, DaemonConfig candidate) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!candidate.monitorFolder().equals(before.monitorFolder())
                && !Files.isDirectory(candidate.monitorFolder())) {
            problems.put("monitor_folder", "folder does not exist: " + candidate.monitorFolder());
        }
        if (!candidate.outputFolder().equals(before.outputFolder()) && !Files.isDirectory(candidate.outputFolder())) {
            problems.put("output_folder", "folder does not exist: " + candidate.outputFolder());
        }
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems);
        }
    }

    /** Applies every report the watcher and the stability tracker have made so far (for tests). */
    void drainIntake() {
        intake.drain();
    }

    /**
     * Stops in order: no new files, then the workers (running encodes are interrupted and their jobs go
     * back to the queue), then the database. Safe to call more than once.
     */
    public synchronized void stop(Duration grace) {
        if (stopped) {
            return;
        }
        stopped = true;
        closeQuietly(watcher);
        closeQuietly(stability);
        closeQuietly(intake);
        if (pool != null) {
            pool.stop(grace);
        }
        for (AutoCloseable closeable : toClose.reversed()) {
            closeQuietly(closeable);
        }
        LOG.log(System.Logger.Level.INFO, "stopped");
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "while stopping " + closeable.getClass().getSimpleName() + ": " + e);
        }
    }
}
