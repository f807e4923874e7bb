package dev.bulletproof.daemon.app;

import dev.bulletproof.daemon.api.ApiOptions;
import dev.bulletproof.daemon.api.ApiServer;
import dev.bulletproof.daemon.api.Engine;
import dev.bulletproof.daemon.config.ConfigStore;
import dev.bulletproof.daemon.config.DaemonConfig;
import dev.bulletproof.daemon.config.DatabaseSettings;
import dev.bulletproof.daemon.config.LiveConfigFile;
import dev.bulletproof.daemon.config.WatchFolder;
import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.db.Migrations;
import dev.bulletproof.daemon.db.PostgresDatabase;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.db.SqliteNativeLibrary;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.history.History;
import dev.bulletproof.daemon.history.jdbc.JdbcHistory;
import dev.bulletproof.daemon.jobs.CrashRecovery;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobRepository;
import dev.bulletproof.daemon.jobs.LiveJobs;
import dev.bulletproof.daemon.jobs.LiveProgressBoard;
import dev.bulletproof.daemon.jobs.PublishIntentStore;
import dev.bulletproof.daemon.jobs.PublishingJobRepository;
import dev.bulletproof.daemon.jobs.WorkerPool;
import dev.bulletproof.daemon.jobs.WorkerSettings;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import dev.bulletproof.daemon.jobs.jdbc.JdbcPublishIntentStore;
import dev.bulletproof.daemon.media.EncodeRegistry;
import dev.bulletproof.daemon.media.MediaProber;
import dev.bulletproof.daemon.media.MediaTools;
import dev.bulletproof.daemon.media.MediaToolsLocator;
import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.daemon.media.Thumbnailer;
import dev.bulletproof.daemon.media.Transcoder;
import dev.bulletproof.daemon.metrics.DaemonMetrics;
import dev.bulletproof.daemon.monitor.JobControls;
import dev.bulletproof.daemon.monitor.MediaFactsCollector;
import dev.bulletproof.daemon.monitor.PipelineReconfiguration;
import dev.bulletproof.daemon.monitor.TranscodeJobExecutor;
import dev.bulletproof.daemon.monitor.WatchFolders;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The running daemon: every part, built and started in order, and stopped in the reverse order. This class
 * only wires; what each part does lives in its package (docs/decisions/0014-composition-root.md).
 *
 * <p>Start: the data folder (locked), metrics, the config and ffmpeg, the database, crash recovery, the
 * worker pool, the folder intake (watcher, stability tracker, intake), then the API. Stop: the API, the
 * intake, the workers (running encodes go back to the queue), then the database. Safe to call more than once.
 */
public final class Daemon implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Daemon.class.getName());
    private static final Duration RETRY_BACKOFF_BASE = Duration.ofSeconds(5);
    private static final Duration RETRY_BACKOFF_CAP = Duration.ofMinutes(5);

    /**
     * @param ffmpegOverride an ffmpeg given on the command line; wins over the config's ffmpeg_path
     * @param startPaused detect and queue files, but start no job until the queue is resumed
     * @param api where and how the HTTP API listens; null runs the engine without it (for tests)
     */
    public record Options(
            Path configFile, Path dataFolder, Path ffmpegOverride, Clock clock, boolean startPaused, ApiOptions api) {
        public Options {
            clock = clock == null ? Clock.systemUTC() : clock;
        }

        public Options(Path configFile, Path dataFolder, Path ffmpegOverride, Clock clock, boolean startPaused) {
            this(configFile, dataFolder, ffmpegOverride, clock, startPaused, null);
        }

        public Options(Path configFile, Path dataFolder, Path ffmpegOverride, Clock clock) {
            this(configFile, dataFolder, ffmpegOverride, clock, false);
        }

        public Options withApi(ApiOptions api) {
            return new Options(configFile, dataFolder, ffmpegOverride, clock, startPaused, api);
        }
    }

    private final Options options;
    private final Clock clock;
    private final EventBus bus;
    /** What closes after the workers have stopped, in the reverse of the order it opened. */
    private final List<AutoCloseable> resources = new ArrayList<>();

    private DataFolder data;
    private LiveConfigFile config;
    private MediaTools tools;
    private JobRepository jobs;
    private History history;
    private List<Job> recovered = List.of();
    private WorkerPool pool;
    private WatchFolders folders;
    private Engine engine;
    private ApiServer api;
    private boolean stopped;

    private Daemon(Options options, EventBus bus) {
        this.options = options;
        this.clock = options.clock();
        this.bus = bus;
    }

    /** Builds and starts every part; a part that fails to start stops the ones before it. */
    public static Daemon start(Options options, EventBus bus) {
        Daemon daemon = new Daemon(options, bus);
        try {
            daemon.startParts();
            return daemon;
        } catch (RuntimeException e) {
            daemon.close();
            throw e;
        }
    }

    private void startParts() {
        data = opened(DataFolder.open(options.dataFolder()));
        // Subscribed before anything happens, so crash recovery and the first jobs are counted.
        DaemonMetrics metrics = opened(new DaemonMetrics(bus, clock));

        ConfigStore store =
                new ConfigStore(options.configFile(), ProfileCatalog.builtins().names());
        DaemonConfig loaded = store.load();
        tools = MediaToolsLocator.locate(
                options.ffmpegOverride() != null ? options.ffmpegOverride() : loaded.ffmpegPath());
        config = new LiveConfigFile(store, loaded, clock, bus);
        loaded.createMissingFolders();

        SqlDatabase database = opened(openDatabase(store));
        Migrations.fromClasspath().apply(database);
        LiveProgressBoard progress = new LiveProgressBoard();
        jobs = new PublishingJobRepository(new JdbcJobRepository(database, clock), bus, progress);
        PublishIntentStore intents = new JdbcPublishIntentStore(database, clock);
        history = new JdbcHistory(database, clock);

        // Before any worker, so nothing a crash interrupted can run twice.
        EncodeRegistry encodes = new EncodeRegistry(data.encodes());
        recovered = new CrashRecovery(jobs, intents, encodes, loaded).run();

        pool = new WorkerPool(
                jobs,
                new TranscodeJobExecutor(new Transcoder(tools), config::current, data.logs(), encodes, intents, bus),
                bus,
                clock,
                new WorkerSettings(loaded.maxWorkers(), loaded.maxAttempts(), RETRY_BACKOFF_BASE, RETRY_BACKOFF_CAP),
                progress);
        // A file flows watcher -> stability tracker -> intake -> the queue the pool claims from.
        // Subscribed before the intake starts, so every queued job is probed for the clients' media panel.
        MediaFactsCollector mediaFacts =
                opened(new MediaFactsCollector(jobs, new MediaProber(tools), new Thumbnailer(tools), data.root(), bus));
        folders = new WatchFolders(jobs, config::current, bus, pool::wakeUp, clock);
        config.attach(new PipelineReconfiguration(folders, pool));

        // Downstream first, so nothing a part reports finds the next one not yet running.
        if (options.startPaused()) {
            pool.pauseQueue();
        }
        pool.start();
        mediaFacts.start();
        mediaFacts.catchUp(jobs.list(queuedJobs()));
        folders.start(loaded, jobs.list(waitingJobs()));
        metrics.describe(
                Objects.requireNonNullElse(Daemon.class.getPackage().getImplementationVersion(), "dev"),
                tools.shortVersion());
        metrics.observe(new DaemonReadings(jobs, pool, config));
        // The start-up banner names the folders and ffmpeg for a person; this is for the log file.
        for (WatchFolder folder : loaded.enabledFolders()) {
            LOG.log(System.Logger.Level.INFO, "watching " + folder.path() + " -> " + folder.outputFolder());
        }
        LOG.log(System.Logger.Level.INFO, "running " + loaded.maxWorkers() + " worker(s)");

        // Last: a request never reaches a part that is not running yet.
        engine = new Engine(
                new LiveJobs(jobs, progress),
                new JobControls(pool, jobs, config, clock),
                pool,
                config,
                () -> history,
                tools,
                metrics,
                bus,
                data.root(),
                jobId -> TranscodeJobExecutor.logFileOf(data.logs(), jobId));
        if (options.api() != null) {
            api = ApiServer.start(engine, options.api());
        }
    }

    /**
     * The shared PostgreSQL database when the config file has a {@code database:} section, else the embedded
     * SQLite file in the data folder (decision 0016).
     */
    private SqlDatabase openDatabase(ConfigStore store) {
        Optional<DatabaseSettings> shared = store.loadDatabase();
        if (shared.isPresent()) {
            DatabaseSettings settings = shared.get();
            LOG.log(System.Logger.Level.INFO, "database: PostgreSQL at {0}", settings.where());
            return PostgresDatabase.open(settings.url(), settings.user(), settings.password());
        }
        SqliteNativeLibrary.extractInto(data.nativeLibraries());
        return Database.open(data.database());
    }

    private <T extends AutoCloseable> T opened(T resource) {
        resources.add(resource);
        return resource;
    }

    private static JobFilter queuedJobs() {
        return new JobFilter(Set.of(JobStatus.QUEUED), null, null, null, Integer.MAX_VALUE, 0);
    }

    private static JobFilter waitingJobs() {
        return new JobFilter(Set.of(JobStatus.WAITING), null, null, null, Integer.MAX_VALUE, 0);
    }

    /**
     * Stops in order: no new requests, no new files, then the workers (running encodes are interrupted and
     * their jobs go back to the queue), then the database. Safe to call more than once.
     */
    public synchronized void stop(Duration grace) {
        if (stopped) {
            return;
        }
        stopped = true;
        closeQuietly(api);
        closeQuietly(folders);
        if (pool != null) {
            pool.stop(grace);
        }
        for (AutoCloseable resource : resources.reversed()) {
            closeQuietly(resource);
        }
        if (config != null) { // else it failed on its config or ffmpeg, before anything ran
            LOG.log(System.Logger.Level.INFO, "stopped");
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    // The parts, for the console banner of the daemon verb and for tests that drive the real daemon.

    public EventBus bus() {
        return bus;
    }

    public LiveConfigFile liveConfig() {
        return config;
    }

    /** The configuration the daemon runs with now. */
    public DaemonConfig config() {
        return config.config();
    }

    public MediaTools tools() {
        return tools;
    }

    public Path dataFolder() {
        return data.root();
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

    /** The watch folders' intakes. */
    public WatchFolders folders() {
        return folders;
    }

    /** The parts the API serves, for tests that start an API server of their own on the running engine. */
    public Engine engine() {
        return engine;
    }

    /** The API server; null when the daemon was started without one. */
    public ApiServer api() {
        return api;
    }

    /** Jobs the start-up found interrupted by a crash. */
    public List<Job> recoveredAtStart() {
        return recovered;
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
