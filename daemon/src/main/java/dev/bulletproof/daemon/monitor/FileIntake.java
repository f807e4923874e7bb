package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.BackgroundLoop;
import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.daemon.config.PipelineSettings;
import dev.bulletproof.daemon.config.WatchFolder;
import dev.bulletproof.daemon.db.DatabaseException;
import dev.bulletproof.daemon.events.Alert;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.JobRepository;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.daemon.jobs.ReadyFile;
import dev.bulletproof.daemon.jobs.Registration;
import dev.bulletproof.daemon.media.PlannedProfile;
import dev.bulletproof.daemon.rules.OutputNamer;
import dev.bulletproof.daemon.rules.RuleMatch;
import dev.bulletproof.daemon.rules.UnmatchedFiles;
import dev.bulletproof.daemon.watch.StabilityListener;
import dev.bulletproof.model.JobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Turns what the stability tracker reports into jobs: a settling file becomes a visible waiting job, a
 * stable one is matched to a rule and queued, a vanished one is dropped with a reason.
 *
 * <p>Reports are queued and applied in batches by one thread, so a folder of 100,000 files costs a few
 * hundred transactions instead of 200,000, and the tracker's thread never waits on the database.
 */
public final class FileIntake implements StabilityListener, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FileIntake.class.getName());
    private static final int BATCH = 2_000;
    /**
     * A waiting job's reason text is refreshed at most this often, and only while its file still grows:
     * it is informative, not a state, and each refresh is a durable write.
     */
    private static final long REASON_REFRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(900);

    private sealed interface Report {
        Path path();
    }

    private record Settling(Path path, long size, String reason) implements Report {}

    private record Stable(Path path, long size, FileTime mtime) implements Report {}

    private record Vanished(Path path) implements Report {}

    private record WaitingJob(long id, long size, long reasonUpdatedNanos) {}

    private final JobRepository jobs;
    /** The watched folder this intake serves; null means the configuration's first folder. */
    private final Path folder;

    private final Supplier<PipelineSettings> settings;
    private final EventBus bus;
    private final Runnable onQueued;
    private final UnmatchedFiles unmatched = new UnmatchedFiles();
    private final LinkedBlockingQueue<Report> reports = new LinkedBlockingQueue<>();
    /** Only touched by the intake thread. */
    private final Map<Path, WaitingJob> waiting = new HashMap<>();

    private BackgroundLoop loop;

    public FileIntake(JobRepository jobs, Supplier<PipelineSettings> settings, EventBus bus, Runnable onQueued) {
        this(jobs, null, settings, bus, onQueued);
    }

    /** @param folder the watched folder whose files this intake is told about */
    public FileIntake(
            JobRepository jobs, Path folder, Supplier<PipelineSettings> settings, EventBus bus, Runnable onQueued) {
        this.jobs = jobs;
        this.folder = folder;
        this.settings = settings;
        this.bus = bus;
        this.onQueued = onQueued;
    }

    /** Takes over the waiting jobs a previous run left, so their files are not registered twice. */
    public void adopt(List<Job> waitingJobs) {
        for (Job job : waitingJobs) {
            waiting.put(Path.of(job.inputPath()), new WaitingJob(job.id(), job.inputSize(), 0));
        }
    }

    public synchronized void start() {
        if (loop != null) {
            return;
        }
        // No pause after a failed batch: the next one waits on the queue anyway.
        loop = BackgroundLoop.start("bulletproof-intake", this::applyNextBatch, Duration.ZERO, failure -> {});
    }

    /** The rules changed: files no rule matched deserve a fresh look and a fresh report. */
    public void rulesChanged() {
        unmatched.clear();
    }

    @Override
    public void settling(Path path, long size, Duration unchangedFor, String reason) {
        reports.add(new Settling(path, size, reason));
    }

    @Override
    public void stable(Path path, long size, FileTime mtime) {
        reports.add(new Stable(path, size, mtime));
    }

    @Override
    public void vanished(Path path) {
        reports.add(new Vanished(path));
    }

    /** Applies every report received so far; for tests and orderly shutdown. */
    public void drain() {
        List<Report> batch = new ArrayList<>();
        while (reports.drainTo(batch, BATCH) > 0) {
            apply(batch);
            batch.clear();
        }
    }

    /** One round of the intake loop; a batch that fails (a database hiccup) is logged and the next one runs. */
    private void applyNextBatch() throws InterruptedException {
        Report first = reports.poll(250, TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        List<Report> batch = new ArrayList<>();
        batch.add(first);
        reports.drainTo(batch, BATCH - 1);
        // A database that is away for a moment (a restart, a fail-over) must not lose the files of the batch:
        // the watcher reports a file once, so the same batch is tried again, later reports waiting behind it.
        // What the intake remembers of waiting jobs is put back as it was before each try, so a retry sees the
        // batch exactly as the first try did (a half-applied try must not make a settled file look new).
        Map<Path, WaitingJob> before = new HashMap<>(waiting);
        while (true) {
            try {
                apply(batch);
                return;
            } catch (DatabaseException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot register files, trying again: " + e.getMessage());
                waiting.clear();
                waiting.putAll(before);
                TimeUnit.SECONDS.sleep(1);
            }
        }
    }

    /** Later reports about a path supersede earlier ones in the same batch. */
    private void apply(List<Report> batch) {
        Map<Path, Report> latest = new LinkedHashMap<>();
        for (Report report : batch) {
            latest.remove(report.path());
            latest.put(report.path(), report);
        }
        Optional<PipelineSettings.FolderSettings> configured = folderSettings(settings.get());
        if (configured.isEmpty()) {
            return; // the folder was removed from the config while these reports were on their way
        }
        PipelineSettings.FolderSettings current = configured.get();
        List<NewFile> newFiles = new ArrayList<>();
        List<ReadyFile> readyWaiting = new ArrayList<>();
        for (Report report : latest.values()) {
            try {
                switch (report) {
                    case Settling s -> settle(s, current, newFiles);
                    case Stable s -> ready(s, current, newFiles, readyWaiting);
                    case Vanished v -> vanish(v.path());
                }
            } catch (DatabaseException e) {
                throw e; // the whole batch is tried again
            } catch (BulletproofException e) {
                LOG.log(System.Logger.Level.WARNING, report.path() + ": " + e.getMessage());
            }
        }
        boolean queuedSomething = false;
        if (!newFiles.isEmpty()) {
            List<Registration> registrations = jobs.registerFiles(newFiles);
            for (int i = 0; i < registrations.size(); i++) {
                Registration registration = registrations.get(i);
                NewFile file = newFiles.get(i);
                Job job = registration.job();
                if (job.status() == JobStatus.WAITING && file.plan() != null) {
                    // This exact file version already has a waiting job, made by another node watching the same
                    // share or by a try that did not finish: the file is complete now, so that job is ready.
                    readyWaiting.add(new ReadyFile(job.id(), file.size(), file.mtimeMillis(), file.plan()));
                } else if (job.status() == JobStatus.WAITING) {
                    waiting.put(Path.of(job.inputPath()), new WaitingJob(job.id(), job.inputSize(), System.nanoTime()));
                }
                queuedSomething |= registration.created() && job.status() == JobStatus.QUEUED;
            }
        }
        queuedSomething |= !readyWaiting.isEmpty();
        if (!readyWaiting.isEmpty()) {
            jobs.markReady(readyWaiting);
        }
        if (queuedSomething) {
            onQueued.run();
        }
    }

    private Optional<PipelineSettings.FolderSettings> folderSettings(PipelineSettings current) {
        if (folder != null) {
            return current.folder(folder);
        }
        return current.config().folders().stream().findFirst().flatMap(f -> current.folder(f.path()));
    }

    private void settle(Settling report, PipelineSettings.FolderSettings current, List<NewFile> newFiles) {
        if (matchOf(report.path(), current).isEmpty()) {
            return;
        }
        WaitingJob job = waiting.get(report.path());
        if (job == null) {
            mtimeOf(report.path())
                    .ifPresent(mtime -> newFiles.add(
                            NewFile.settling(report.path().toString(), report.size(), mtime, report.reason())
                                    .in(current.folder().key())));
        } else if (report.size() != job.size() && System.nanoTime() - job.reasonUpdatedNanos() > REASON_REFRESH_NANOS) {
            try {
                jobs.updateWaiting(job.id(), report.reason());
                waiting.put(report.path(), new WaitingJob(job.id(), report.size(), System.nanoTime()));
            } catch (DatabaseException e) {
                throw e;
            } catch (BulletproofException e) {
                waiting.remove(report.path()); // someone cancelled it meanwhile; a new version gets a new job
            }
        }
    }

    private void ready(
            Stable report,
            PipelineSettings.FolderSettings current,
            List<NewFile> newFiles,
            List<ReadyFile> readyWaiting) {
        Optional<RuleMatch> match = matchOf(report.path(), current);
        WaitingJob job = waiting.remove(report.path());
        if (match.isEmpty()) {
            if (job != null) {
                jobs.cancel(job.id(), "no rule matches this file any more");
            }
            return;
        }
        JobPlan plan = planFor(match.get(), current);
        long mtime = report.mtime().toMillis();
        if (job != null) {
            readyWaiting.add(new ReadyFile(job.id(), report.size(), mtime, plan));
        } else {
            newFiles.add(NewFile.ready(report.path().toString(), report.size(), mtime, plan)
                    .in(current.folder().key()));
        }
    }

    private void vanish(Path path) {
        unmatched.forget(path);
        WaitingJob job = waiting.remove(path);
        if (job != null) {
            jobs.markFailed(job.id(), "the file disappeared before it finished copying; nothing was processed", null);
        }
    }

    private Optional<RuleMatch> matchOf(Path path, PipelineSettings.FolderSettings current) {
        Path monitorFolder = current.folder().path();
        Path relative = path.startsWith(monitorFolder) ? monitorFolder.relativize(path) : path.getFileName();
        Optional<RuleMatch> match = current.rules().match(relative);
        if (match.isEmpty() && unmatched.firstTime(path)) {
            String message = "no rule matches " + relative + "; it is left alone";
            LOG.log(System.Logger.Level.WARNING, message);
            bus.publish(Alert.warning(message));
        }
        return match;
    }

    private JobPlan planFor(RuleMatch match, PipelineSettings.FolderSettings current) {
        WatchFolder watched = current.folder();
        Path output = OutputNamer.resolveFree(watched.outputFolder(), match.outputRelativePath());
        boolean defaultRule = match.ruleIndex() == RuleMatch.DEFAULT_RULE;
        int priority = defaultRule ? 0 : watched.rules().get(match.ruleIndex()).priority();
        String rule = defaultRule
                ? "the default rule"
                : "rule " + (match.ruleIndex() + 1) + " ("
                        + watched.rules().get(match.ruleIndex()).pattern() + ")"
                        + (watched.ownRules() ? " of " + watched.path() : "");
        String planned = settings.get()
                .profiles()
                .find(match.profile())
                .map(PlannedProfile::toJson)
                .orElse(null);
        return new JobPlan(
                match.profile(), output.toString(), match.onSuccess(), priority, null, null, null, rule, planned);
    }

    private static Optional<Long> mtimeOf(Path path) {
        try {
            return Optional.of(Files.getLastModifiedTime(path).toMillis());
        } catch (IOException e) {
            return Optional.empty(); // gone already; the tracker reports it as vanished
        }
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.stop(Duration.ofSeconds(5));
            loop = null;
        }
    }
}
