package dev.bulletproof.daemon.app;

import dev.bulletproof.daemon.api.ApiOptions;
import dev.bulletproof.daemon.api.ApiServer;
import dev.bulletproof.daemon.api.ClusterNodes;
import dev.bulletproof.daemon.api.Engine;
import dev.bulletproof.daemon.api.JobViews;
import dev.bulletproof.daemon.cluster.Heartbeat;
import dev.bulletproof.daemon.cluster.Node;
import dev.bulletproof.daemon.cluster.NodeIdentity;
import dev.bulletproof.daemon.cluster.jdbc.NodeRegistry;
import dev.bulletproof.daemon.cluster.jdbc.ProgressRelay;
import dev.bulletproof.daemon.cluster.jdbc.QueueWaker;
import dev.bulletproof.daemon.cluster.jdbc.Rescuer;
import dev.bulletproof.daemon.config.AutomationSettings;
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
import dev.bulletproof.daemon.disk.DiskGuard;
import dev.bulletproof.daemon.disk.FreeSpaceProbe;
import dev.bulletproof.daemon.disk.OutputSizeEstimate;
import dev.bulletproof.daemon.disk.jdbc.JdbcOutputRates;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.history.History;
import dev.bulletproof.daemon.history.jdbc.JdbcHistory;
import dev.bulletproof.daemon.hooks.JobHooks;
import dev.bulletproof.daemon.jobs.CrashRecovery;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobRepository;
import dev.bulletproof.daemon.jobs.LiveJobs;
import dev.bulletproof.daemon.jobs.LiveProgressBoard;
import dev.bulletproof.daemon.jobs.PathMap;
import dev.bulletproof.daemon.jobs.PathMappingJobRepository;
import dev.bulletproof.daemon.jobs.PublishIntentStore;
import dev.bulletproof.daemon.jobs.PublishingJobRepository;
import dev.bulletproof.daemon.jobs.SegmentStore;
import dev.bulletproof.daemon.jobs.WorkerPool;
import dev.bulletproof.daemon.jobs.WorkerSettings;
import dev.bulletproof.daemon.jobs.jdbc.JdbcJobRepository;
import dev.bulletproof.daemon.jobs.jdbc.JdbcPublishIntentStore;
import dev.bulletproof.daemon.jobs.jdbc.JdbcSegmentStore;
import dev.bulletproof.daemon.media.EncodeRegistry;
import dev.bulletproof.daemon.media.EncoderCheck;
import dev.bulletproof.daemon.media.MediaProber;
import dev.bulletproof.daemon.media.MediaTools;
import dev.bulletproof.daemon.media.MediaToolsLocator;
import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.daemon.media.SegmentedTranscoder;
import dev.bulletproof.daemon.media.Thumbnailer;
import dev.bulletproof.daemon.media.Transcoder;
import dev.bulletproof.daemon.metrics.DaemonMetrics;
import dev.bulletproof.daemon.monitor.JobControls;
import dev.bulletproof.daemon.monitor.MediaFactsCollector;
import dev.bulletproof.daemon.monitor.PipelineReconfiguration;
import dev.bulletproof.daemon.monitor.ScheduleKeeper;
import dev.bulletproof.daemon.monitor.TranscodeJobExecutor;
import dev.bulletproof.daemon.monitor.WatchFolders;
import dev.bulletproof.daemon.schedule.jdbc.JdbcScheduleOverrideStore;
import dev.bulletproof.daemon.webhooks.WebhookDispatcher;
import dev.bulletproof.daemon.webhooks.WebhookSender;
import dev.bulletproof.daemon.webhooks.jdbc.JdbcDeliveryStore;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
    /** Often enough that the totals stay a few rows to read; each fold is one short transaction. */
    private static final Duration TOTALS_FOLD_INTERVAL = Duration.ofSeconds(2);

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
    /**
     * @param freeSpace how the disk guard reads a volume's free space; null reads the real one (tests inject a
     *     volume of their own)
     */
    public record Options(
            Path configFile,
            Path dataFolder,
            Path ffmpegOverride,
            Clock clock,
            boolean startPaused,
            ApiOptions api,
            FreeSpaceProbe freeSpace) {
        public Options {
            clock = clock == null ? Clock.systemUTC() : clock;
            freeSpace = freeSpace == null ? FreeSpaceProbe.SYSTEM : freeSpace;
        }

        public Options(
                Path configFile,
                Path dataFolder,
                Path ffmpegOverride,
                Clock clock,
                boolean startPaused,
                ApiOptions api) {
            this(configFile, dataFolder, ffmpegOverride, clock, startPaused, api, null);
        }

        public Options(Path configFile, Path dataFolder, Path ffmpegOverride, Clock clock, boolean startPaused) {
            this(configFile, dataFolder, ffmpegOverride, clock, startPaused, null);
        }

        public Options(Path configFile, Path dataFolder, Path ffmpegOverride, Clock clock) {
            this(configFile, dataFolder, ffmpegOverride, clock, false);
        }

        public Options withApi(ApiOptions api) {
            return new Options(configFile, dataFolder, ffmpegOverride, clock, startPaused, api, freeSpace);
        }

        public Options withFreeSpace(FreeSpaceProbe probe) {
            return new Options(configFile, dataFolder, ffmpegOverride, clock, startPaused, api, probe);
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
    private SegmentStore segments;
    private History history;
    private List<Job> recovered = List.of();
    private CrashRecovery crashRecovery;
    private WorkerPool pool;
    private ScheduleKeeper schedule;
    private WatchFolders folders;
    /** The nodes as the API shows them; set once the engine is built (webhook payloads read it). */
    private volatile ClusterNodes clusterNodes;

    private Engine engine;
    private NodeIdentity node;
    private NodeRegistry nodes;
    private Heartbeat heartbeat;
    private Rescuer rescuer;
    private QueueWaker waker;
    private ProgressRelay relay;
    private ApiServer api;
    private WebhookDispatcher webhooks;
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
        Instant startedAt = clock.instant();
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
        String version = version();
        node = new NodeIdentity(
                NodeIdentity.idKeptIn(data.root()),
                shared.map(DatabaseSettings::nodeName).orElseGet(NodeIdentity::hostName),
                version,
                loaded.maxWorkers(),
                encodersOf(tools));
        LiveProgressBoard progress = new LiveProgressBoard();
        // Paths go into the shared store under their cluster-wide names (decision 0030).
        PathMap pathMap = shared.map(settings -> PathMap.of(settings.pathMap())).orElse(PathMap.none());
        jobs = new PublishingJobRepository(
                new PathMappingJobRepository(
                        new JdbcJobRepository(database, clock, node.id()), pathMap, shared.isPresent()),
                bus,
                progress);
        PublishIntentStore intents = new JdbcPublishIntentStore(database, clock);
        JdbcHistory jdbcHistory = new JdbcHistory(database, clock);
        opened(jdbcHistory.foldTotalsEvery(TOTALS_FOLD_INTERVAL));
        history = jdbcHistory;

        // Subscribed before any job runs, so no event a webhook wants is missed; deliveries left pending by the
        // previous run are sent once the sender starts (decision 0023).
        AutomationSettings automation = store.loadAutomation();
        JdbcDeliveryStore deliveries = new JdbcDeliveryStore(database);
        WebhookSender webhookSender =
                opened(new WebhookSender(automation.webhooks(), deliveries, bus, clock, version()));
        webhooks = opened(new WebhookDispatcher(
                automation.webhooks(),
                deliveries,
                bus,
                clock,
                // The node is known once the engine is built; an event before that carries none.
                job -> JobViews.of(job, Optional.empty(), clusterNodes),
                () -> jobs.count(unfinishedJobs()) == 0,
                webhookSender));

        opened(new JobHooks(automation.hooks(), bus, jobId -> TranscodeJobExecutor.logFileOf(data.logs(), jobId)));

        // Before any worker, so nothing a crash interrupted can run twice.
        EncodeRegistry encodes = new EncodeRegistry(data.encodes());
        segments = new JdbcSegmentStore(database, clock);
        crashRecovery = new CrashRecovery(
                jobs, intents, encodes, loaded, database.sharedByNodes() ? node.id() : null, segments);
        recovered = crashRecovery.run();
        JobRepository jobStore = jobs;
        TranscodeJobExecutor.Segmenting segmenting = new TranscodeJobExecutor.Segmenting(
                store.loadSegments(),
                new SegmentedTranscoder(tools),
                segments,
                jobId -> jobStore.find(jobId)
                        .map(job -> job.status() == JobStatus.CANCELLED)
                        .orElse(true));

        pool = new WorkerPool(
                jobs,
                new TranscodeJobExecutor(
                        new Transcoder(tools),
                        config::current,
                        data.logs(),
                        encodes,
                        intents,
                        bus,
                        jobs::plannedProfile,
                        segmenting),
                bus,
                clock,
                new WorkerSettings(loaded.maxWorkers(), loaded.maxAttempts(), RETRY_BACKOFF_BASE, RETRY_BACKOFF_CAP),
                progress);
        // A job whose output would not leave min_free_space on its volume waits instead of filling it (0024).
        pool.admitWith(new DiskGuard(
                options.freeSpace(),
                new OutputSizeEstimate(new JdbcOutputRates(database), clock),
                automation.minFreeSpace(),
                bus,
                clock));
        // The machine's time zone: a schedule's windows are the wall-clock hours of the place it runs in.
        schedule = new ScheduleKeeper(
                store.loadSchedule(),
                store.loadFolderSchedules(),
                ZoneId.systemDefault(),
                clock,
                new JdbcScheduleOverrideStore(database),
                pool,
                bus);
        // A file flows watcher -> stability tracker -> intake -> the queue the pool claims from.
        // Subscribed before the intake starts, so every queued job is probed for the clients' media panel.
        MediaFactsCollector mediaFacts = opened(new MediaFactsCollector(
                jobs, MediaProber.inBackground(tools), new Thumbnailer(tools), data.root(), bus));
        folders = new WatchFolders(jobs, config::current, bus, pool::wakeUp, clock);
        config.attach(new PipelineReconfiguration(folders, pool));

        // Downstream first, so nothing a part reports finds the next one not yet running.
        if (options.startPaused()) {
            pool.pauseQueue();
        }
        // Before the pool starts: a daemon started outside its windows must not start a job first.
        schedule.applyAtStart();
        startCluster(database, shared, loaded, progress);
        pool.start();
        schedule.start();
        mediaFacts.start();
        webhookSender.start();
        mediaFacts.catchUp(jobs.list(queuedJobs()));
        folders.start(loaded, jobs.list(waitingJobs()));
        metrics.describe(version, tools.shortVersion());
        metrics.observe(new DaemonReadings(jobs, pool, config));
        // The start-up banner names the folders and ffmpeg for a person; this is for the log file.
        for (WatchFolder folder : loaded.enabledFolders()) {
            LOG.log(System.Logger.Level.INFO, "watching " + folder.path() + " -> " + folder.outputFolder());
        }
        LOG.log(System.Logger.Level.INFO, "running " + loaded.maxWorkers() + " worker(s)");

        // Last: a request never reaches a part that is not running yet.
        LiveJobs liveJobs = new LiveJobs(jobs, progress);
        MediaTools foundTools = tools;
        ThisMachineOnly thisMachine = new ThisMachineOnly(
                new ThisMachineOnly.Identity(node.id(), node.name(), node.version(), startedAt),
                pool,
                liveJobs,
                config,
                () -> EncoderCheck.availableEncoders(foundTools),
                clock);
        clusterNodes = new NodesTable(thisMachine, node.id(), nodes, liveJobs, database.sharedByNodes());
        engine = new Engine(
                liveJobs,
                new JobControls(pool, jobs, config, clock),
                pool,
                config,
                () -> history,
                tools,
                metrics,
                bus,
                data.root(),
                jobId -> TranscodeJobExecutor.logFileOf(data.logs(), jobId),
                webhooks,
                schedule,
                clusterNodes,
                segments::of);
        if (options.api() != null) {
            api = ApiServer.start(engine, options.api());
        }
    }

    /**
     * The node's heartbeat, and on a database shared by nodes the rescue of dead nodes' jobs and the queue's
     * wake-ups (decision 0019) and the live progress of other nodes' runs. Before the pool starts: the node is registered, so alive, before its first
     * claim. Stopped after the pool (the heartbeat must outlive the runs it guards).
     */
    private void startCluster(
            SqlDatabase database, Optional<DatabaseSettings> shared, DaemonConfig loaded, LiveProgressBoard progress) {
        Duration interval = shared.map(DatabaseSettings::heartbeat).orElse(DatabaseSettings.DEFAULT_HEARTBEAT);
        Duration timeout = shared.map(DatabaseSettings::nodeTimeout).orElse(DatabaseSettings.DEFAULT_NODE_TIMEOUT);
        nodes = new NodeRegistry(database, timeout);
        heartbeat = new Heartbeat(
                nodes,
                node,
                pool,
                jobs,
                interval,
                database.sharedByNodes(),
                loaded.maxAttempts(),
                crashRecovery::finishPublishOf);
        heartbeat.start();
        if (database instanceof PostgresDatabase postgres) {
            rescuer = new Rescuer(
                    postgres::dedicatedConnection,
                    jobs,
                    heartbeat,
                    timeout,
                    interval,
                    loaded.maxAttempts(),
                    nodes,
                    // The node.down webhook; the dispatcher records each death once cluster-wide.
                    down -> webhooks.nodeDown(down.nodeId(), down.name(), down.lastHeartbeat(), down.requeuedJobIds()));
            rescuer.start();
            waker = new QueueWaker(postgres::dedicatedConnection, database, bus, pool::wakeUp);
            waker.start();
            relay = new ProgressRelay(
                    postgres::dedicatedConnection, database, node.id(), new LiveJobs(jobs, progress), progress, bus);
            relay.start();
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

    private static String version() {
        return Objects.requireNonNullElse(Daemon.class.getPackage().getImplementationVersion(), "dev");
    }

    /** Work still to do or under way; settling files are not counted (one may never settle). */
    private static JobFilter unfinishedJobs() {
        return new JobFilter(Set.of(JobStatus.QUEUED, JobStatus.PROCESSING, JobStatus.PAUSED), null, null, null, 1, 0);
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
        closeQuietly(schedule);
        closeQuietly(rescuer);
        closeQuietly(waker);
        closeQuietly(relay);
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

    public ScheduleKeeper schedule() {
        return schedule;
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
