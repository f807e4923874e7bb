package dev.bulletproof.daemon.app;

import dev.bulletproof.daemon.api.ApiOptions;
import dev.bulletproof.daemon.api.ApiServer;
import dev.bulletproof.daemon.api.Engine;
import dev.bulletproof.daemon.cluster.Heartbeat;
import dev.bulletproof.daemon.cluster.Node;
import dev.bulletproof.daemon.cluster.NodeIdentity;
import dev.bulletproof.daemon.cluster.NodeRegistry;
import dev.bulletproof.daemon.cluster.QueueWaker;
import dev.bulletproof.daemon.cluster.Rescuer;
import dev.bulletproof.daemon.config.ConfigStore;
import dev.bulletproof.daemon.config.DaemonConfig;
import dev.bulletproof.daemon.config.DatabaseSettings;
import dev.bulletproof.daemon.config.LiveConfigFile;
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
import dev.bulletproof.daemon.media.EncoderCheck;
import dev.bulletproof.daemon.media.MediaProber;
import dev.bulletproof.daemon.media.MediaTools;
import dev.bulletproof.daemon.media.MediaToolsLocator;
import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.daemon.media.Thumbnailer;
import dev.bulletproof.daemon.media.Transcoder;
import dev.bulletproof.daemon.metrics.DaemonMetrics;
import dev.bulletproof.daemon.monitor.FileIntake;
import dev.bulletproof.daemon.monitor.JobControls;
import dev.bulletproof.daemon.monitor.MediaFactsCollector;
import dev.bulletproof.daemon.monitor.PipelineReconfiguration;
import dev.bulletproof.daemon.monitor.TranscodeJobExecutor;
import dev.bulletproof.daemon.watch.FolderWatcher;
import dev.bulletproof.daemon.watch.StabilityTracker;
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
    /** The encoders a node reports to the cluster, where its ffmpeg has them: those the profiles can use. */
    private static final List<String> NODE_ENCODERS = List.of(
            "libx264",
            "libx265",
            "libsvtav1",
            "libaom-av1",
            "libvpx-vp9",
            "prores_ks",
            "dnxhd",
            "h264_nvenc",
            "hevc_nvenc",
            "h264_qsv",
            "hevc_qsv",
            "h264_vaapi",
            "hevc_vaapi",
            "h264_videotoolbox",
            "hevc_videotoolbox",
            "aac",
            "libopus",
            "libmp3lame",
            "flac",
            "pcm_s16le",
            "pcm_s24le");

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
    private FileIntake intake;
    private StabilityTracker stability;
    private FolderWatcher watcher;
    private Engine engine;
    private NodeIdentity node;
    private NodeRegistry nodes;
    private Heartbeat heartbeat;
    private Rescuer rescuer;
    private QueueWaker waker;
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

        Optional<DatabaseSettings> shared = store.loadDatabase();
        SqlDatabase database = opened(openDatabase(shared));
        Migrations.fromClasspath().apply(database);
        String version = Objects.requireNonNullElse(Daemon.class.getPackage().getImplementationVersion(), "dev");
        node = new NodeIdentity(
                NodeIdentity.idKeptIn(data.root()),
                shared.map(DatabaseSettings::nodeName).orElseGet(NodeIdentity::hostName),
                version,
                loaded.maxWorkers(),
                encodersOf(tools));
        LiveProgressBoard progress = new LiveProgressBoard();
        jobs = new PublishingJobRepository(new JdbcJobRepository(database, clock, node.id()), bus, progress);
        PublishIntentStore intents = new JdbcPublishIntentStore(database, clock);
        history = new JdbcHistory(database, clock);

        // Before any worker, so nothing a crash interrupted can run twice.
        EncodeRegistry encodes = new EncodeRegistry(data.encodes());
        recovered =
                new CrashRecovery(jobs, intents, encodes, loaded, database.sharedByNodes() ? node.id() : null).run();

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
        intake = new FileIntake(jobs, config::current, bus, pool::wakeUp);
        intake.adopt(jobs.list(waitingJobs()));
        stability = new StabilityTracker(clock, loaded.stableTime(), intake);
        watcher = new FolderWatcher(
                loaded.monitorFolder(),
                loaded.recursive(),
                loaded.scanInterval(),
                Set.of(loaded.outputFolder(), loaded.processedFolder()),
                stability::observe);
        config.attach(new PipelineReconfiguration(watcher, stability, pool, intake));

        // Downstream first, so nothing a part reports finds the next one not yet running.
        if (options.startPaused()) {
            pool.pauseQueue();
        }
        startCluster(database, shared, loaded);
        pool.start();
        mediaFacts.start();
        mediaFacts.catchUp(jobs.list(queuedJobs()));
        intake.start();
        // Settling files are re-checked often (detection latency); stable ones only as often as the folder is
        // rescanned, since each sweep stats every tracked file.
        stability.start(settlingRecheck(loaded), loaded.scanInterval());
        watcher.start();
        metrics.describe(version, tools.shortVersion());
        metrics.observe(new DaemonReadings(jobs, pool, config));
        // The start-up banner names the folders and ffmpeg for a person; this is for the log file.
        LOG.log(
                System.Logger.Level.INFO,
                "watching " + loaded.monitorFolder() + " -> " + loaded.outputFolder() + " with " + loaded.maxWorkers()
                        + " worker(s)");

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
     * The node's heartbeat, and on a database shared by nodes the rescue of dead nodes' jobs and the queue's
     * wake-ups (decision 0019). Before the pool starts: the node is registered, so alive, before its first
     * claim. Stopped after the pool (the heartbeat must outlive the runs it guards).
     */
    private void startCluster(SqlDatabase database, Optional<DatabaseSettings> shared, DaemonConfig loaded) {
        Duration interval = shared.map(DatabaseSettings::heartbeat).orElse(DatabaseSettings.DEFAULT_HEARTBEAT);
        Duration timeout = shared.map(DatabaseSettings::nodeTimeout).orElse(DatabaseSettings.DEFAULT_NODE_TIMEOUT);
        nodes = new NodeRegistry(database, timeout);
        heartbeat = new Heartbeat(nodes, node, pool, jobs, interval, database.sharedByNodes(), loaded.maxAttempts());
        heartbeat.start();
        if (database instanceof PostgresDatabase postgres) {
            rescuer = new Rescuer(
                    postgres::dedicatedConnection, jobs, heartbeat, timeout, interval, loaded.maxAttempts());
            rescuer.start();
            waker = new QueueWaker(postgres::dedicatedConnection, database, bus, pool::wakeUp);
            waker.start();
        }
    }

    private static List<String> encodersOf(MediaTools tools) {
        try {
            Set<String> available = EncoderCheck.availableEncoders(tools);
            return NODE_ENCODERS.stream().filter(available::contains).toList();
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "cannot list the encoders of " + tools.ffmpeg() + ": " + e.getMessage());
            return List.of();
        }
    }

    /**
     * The shared PostgreSQL database when the config file has a {@code database:} section, else the embedded
     * SQLite file in the data folder (decision 0016).
     */
    private SqlDatabase openDatabase(Optional<DatabaseSettings> shared) {
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

    /** How often settling files are looked at again: often enough that detection stays close to stable_seconds. */
    private static Duration settlingRecheck(DaemonConfig config) {
        Duration quarter = config.stableTime().dividedBy(4);
        return quarter.compareTo(Duration.ofMillis(250)) > 0 ? Duration.ofMillis(250) : quarter;
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
        closeQuietly(watcher);
        closeQuietly(stability);
        closeQuietly(intake);
        closeQuietly(rescuer);
        closeQuietly(waker);
        if (pool != null) {
            pool.stop(grace);
        }
        closeQuietly(heartbeat);
        if (nodes != null && node != null) {
            try {
                nodes.leave(node.id()); // its jobs are back in the queue: nothing for the rescuer to do
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not remove this node from the node list: " + e);
            }
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

    public FileIntake intake() {
        return intake;
    }

    /** The parts the API serves, for tests that start an API server of their own on the running engine. */
    public Engine engine() {
        return engine;
    }

    /** The API server; null when the daemon was started without one. */
    public ApiServer api() {
        return api;
    }

    /** This daemon as a node of its database (decision 0019). */
    public NodeIdentity node() {
        return node;
    }

    /**
     * Every node of the database, alive or dead, for the node list of the API and dashboards; on a single
     * machine's SQLite file, this one.
     */
    public List<Node> nodes() {
        return nodes.nodes();
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
