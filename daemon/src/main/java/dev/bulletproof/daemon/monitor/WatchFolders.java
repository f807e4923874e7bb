package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.daemon.config.DaemonConfig;
import dev.bulletproof.daemon.config.PipelineSettings;
import dev.bulletproof.daemon.config.WatchFolder;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobRepository;
import dev.bulletproof.daemon.watch.FolderWatcher;
import dev.bulletproof.daemon.watch.StabilityTracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The intake of every enabled watch folder: per folder a watcher, a stability tracker and an intake, so each
 * folder has its own recursion, stable time, rules and output, and a folder that goes missing (an unmounted
 * share) leaves the others running. A live config change starts the folders that were added or enabled,
 * stops the ones removed or disabled, and hands the rest what changed for them; nothing needs a restart.
 */
public final class WatchFolders implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WatchFolders.class.getName());

    /** One watched folder and whether its path is a folder the daemon can read now. */
    public record FolderStatus(Path path, boolean enabled, boolean available) {}

    private record Running(WatchFolder folder, FolderWatcher watcher, StabilityTracker stability, FileIntake intake) {}

    private final JobRepository jobs;
    private final Supplier<PipelineSettings> settings;
    private final EventBus bus;
    private final Runnable onQueued;
    private final Clock clock;
    private final Map<Path, Running> running = new LinkedHashMap<>();
    private boolean closed;

    public WatchFolders(
            JobRepository jobs, Supplier<PipelineSettings> settings, EventBus bus, Runnable onQueued, Clock clock) {
        this.jobs = jobs;
        this.settings = settings;
        this.bus = bus;
        this.onQueued = onQueued;
        this.clock = clock;
    }

    /**
     * Starts every enabled folder of {@code config}. Waiting jobs a previous run left are handed to the
     * folder they belong to; those of a folder no longer watched are cancelled, since nothing would ever
     * report their file stable (a change that removed the folder was saved just before a crash, say).
     */
    public synchronized void start(DaemonConfig config, List<Job> waitingJobs) {
        for (WatchFolder folder : config.enabledFolders()) {
            startFolder(folder, config, waitingJobs);
        }
        Set<Long> adopted = new HashSet<>();
        running.values()
                .forEach(r -> waitingJobs.stream()
                        .filter(job -> belongsTo(job, r.folder()))
                        .forEach(job -> adopted.add(job.id())));
        waitingJobs.stream().filter(job -> !adopted.contains(job.id())).forEach(this::cancelOrphan);
    }

    /** Applies a configuration saved live: folders added, removed, disabled or changed. */
    public synchronized void reconfigure(DaemonConfig applied, boolean rulesChanged) {
        if (closed) {
            return;
        }
        Map<Path, WatchFolder> wanted = new LinkedHashMap<>();
        applied.enabledFolders().forEach(f -> wanted.put(f.path(), f));
        for (Path path : List.copyOf(running.keySet())) {
            if (!wanted.containsKey(path)) {
                Running gone = running.remove(path);
                stopFolder(gone);
                cancelWaitingOf(gone.folder());
                LOG.log(System.Logger.Level.INFO, "stopped watching " + path);
            }
        }
        Set<Path> excluded = excludedFolders(applied);
        for (WatchFolder folder : wanted.values()) {
            Running current = running.get(folder.path());
            if (current == null) {
                startFolder(folder, applied, List.of());
                LOG.log(System.Logger.Level.INFO, "watching " + folder.path() + " -> " + folder.outputFolder());
                continue;
            }
            if (current.folder().recursive() != folder.recursive()
                    || !applied.scanInterval().equals(current.watcher().scanInterval())
                    || !excluded.equals(current.watcher().excludedFolders())) {
                current.watcher().rewatch(folder.path(), folder.recursive(), applied.scanInterval(), excluded);
            }
            if (!current.folder().stableTime().equals(folder.stableTime())) {
                current.stability().setStableTime(folder.stableTime());
            }
            if (rulesChanged || !current.folder().equals(folder)) {
                current.intake().rulesChanged();
            }
            running.put(folder.path(), new Running(folder, current.watcher(), current.stability(), current.intake()));
        }
    }

    /** Every configured folder, in the config's order, and whether it is there to be read. */
    public List<FolderStatus> status() {
        return settings.get().config().folders().stream()
                .map(f -> new FolderStatus(f.path(), f.enabled(), f.enabled() && Files.isDirectory(f.path())))
                .toList();
    }

    /** The paths watched now. */
    public synchronized List<Path> watched() {
        return List.copyOf(running.keySet());
    }

    /** Applies every report the folders' intakes received so far (for tests and an orderly stop). */
    public synchronized void drain() {
        running.values().forEach(r -> r.intake().drain());
    }

    /** How many full scans every watched folder has finished, at the least; lets tests wait for a first scan. */
    public synchronized long scansCompleted() {
        return running.values().stream()
                .mapToLong(r -> r.watcher().scansCompleted())
                .min()
                .orElse(0);
    }

    private void startFolder(WatchFolder folder, DaemonConfig config, List<Job> waitingJobs) {
        FileIntake intake = new FileIntake(jobs, folder.path(), settings, bus, onQueued);
        intake.adopt(waitingJobs.stream().filter(job -> belongsTo(job, folder)).toList());
        StabilityTracker stability = new StabilityTracker(clock, folder.stableTime(), intake);
        FolderWatcher watcher = new FolderWatcher(
                folder.path(), folder.recursive(), config.scanInterval(), excludedFolders(config), stability::observe);
        intake.start();
        // Settling files are re-checked often (detection latency); stable ones only as often as the folder is
        // rescanned, since each sweep stats every tracked file.
        stability.start(settlingRecheck(folder.stableTime()), config.scanInterval());
        watcher.start();
        running.put(folder.path(), new Running(folder, watcher, stability, intake));
    }

    /** Every folder's outputs are skipped by every watcher: validation forbids the layout, this is a second line. */
    private static Set<Path> excludedFolders(DaemonConfig config) {
        Set<Path> excluded = new HashSet<>(Set.of(config.outputFolder(), config.processedFolder()));
        for (WatchFolder folder : config.folders()) {
            excluded.add(folder.outputFolder());
            excluded.add(folder.processedFolder());
        }
        return Set.copyOf(
                excluded.stream().map(p -> p.toAbsolutePath().normalize()).toList());
    }

    private static boolean belongsTo(Job job, WatchFolder folder) {
        return job.watchFolder() != null
                ? job.watchFolder().equals(folder.key())
                : Path.of(job.inputPath()).startsWith(folder.path());
    }

    private void cancelWaitingOf(WatchFolder folder) {
        List<Job> waiting = jobs.list(new dev.bulletproof.daemon.jobs.JobFilter(
                Set.of(dev.bulletproof.model.JobStatus.WAITING), null, null, null, Integer.MAX_VALUE, 0));
        waiting.stream().filter(job -> belongsTo(job, folder)).forEach(this::cancelOrphan);
    }

    private void cancelOrphan(Job job) {
        try {
            jobs.cancel(job.id(), "its watch folder is no longer watched; nothing was processed");
        } catch (BulletproofException e) {
            LOG.log(System.Logger.Level.DEBUG, "job " + job.id() + " changed meanwhile: " + e.getMessage());
        }
    }

    private static Duration settlingRecheck(Duration stableTime) {
        Duration quarter = stableTime.dividedBy(4);
        return quarter.compareTo(Duration.ofMillis(250)) > 0 ? Duration.ofMillis(250) : quarter;
    }

    private static void stopFolder(Running folder) {
        closeQuietly(folder.watcher());
        closeQuietly(folder.stability());
        closeQuietly(folder.intake());
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "while stopping " + part.getClass().getSimpleName() + ": " + e);
        }
    }

    /** Stops every folder: watchers first, so no sighting reaches a stopped intake. */
    @Override
    public synchronized void close() {
        closed = true;
        List<Running> all = new ArrayList<>(running.values());
        running.clear();
        all.forEach(WatchFolders::stopFolder);
    }
}
