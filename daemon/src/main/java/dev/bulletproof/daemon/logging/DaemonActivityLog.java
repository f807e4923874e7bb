package dev.bulletproof.daemon.logging;

import dev.bulletproof.daemon.config.ConfigApplied;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.ExecutionResult;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.daemon.jobs.QueueEvent;
import dev.bulletproof.model.JobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A line for everything the daemon does to a file, and for queue and config changes, written from the
 * events the engine already publishes, so the engine itself stays free of log calls that could drift from
 * what it really did. Subscribe it before the engine starts, or crash recovery goes unreported.
 */
public final class DaemonActivityLog implements AutoCloseable {

    private static final Logger JOBS = Logger.getLogger("bulletproof.jobs");
    private static final Logger QUEUE = Logger.getLogger("bulletproof.queue");
    private static final Logger CONFIG = Logger.getLogger("bulletproof.config");

    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private Boolean queuePaused;
    private Integer maxWorkers;

    private DaemonActivityLog() {}

    public static DaemonActivityLog subscribe(EventBus bus) {
        DaemonActivityLog log = new DaemonActivityLog();
        log.subscriptions.add(bus.subscribe(JobEvent.Changed.class, log::changed));
        log.subscriptions.add(bus.subscribe(JobEvent.RunStarted.class, log::runStarted));
        log.subscriptions.add(bus.subscribe(JobEvent.RunEnded.class, log::runEnded));
        log.subscriptions.add(bus.subscribe(QueueEvent.class, log::queue));
        log.subscriptions.add(bus.subscribe(ConfigApplied.class, log::config));
        return log;
    }

    private void changed(JobEvent.Changed event) {
        Job job = event.job();
        switch (event.change()) {
            case CREATED -> {
                if (job.status() == JobStatus.QUEUED) {
                    queued(job, event.rule());
                } else {
                    job(Level.FINE, job, "seen", "seen: " + job.inputPath() + ", waiting for it to finish arriving");
                }
            }
            case QUEUED -> queued(job, event.rule());
            case COMPLETED -> job(Level.INFO, job, "completed", completed(job));
            case FAILED ->
                job(Level.WARNING, job, "failed", "failed, not retried: " + job.filename() + ": " + job.error());
            case RETRY_SCHEDULED ->
                job(
                        Level.WARNING,
                        job,
                        "failed",
                        "failed, will be retried: " + job.filename() + ": " + job.statusReason());
            case RETRIED ->
                job(Level.INFO, job, "retried", "retried by request: " + job.filename() + " is queued again");
            case REQUEUED ->
                job(
                        Level.INFO,
                        job,
                        "requeued",
                        "re-queued: " + job.filename()
                                + " was running when the daemon stopped; it runs again at the next" + " start");
            case RECOVERED -> job(Level.WARNING, job, "recovered", recovered(job));
            case CANCELLED ->
                job(Level.INFO, job, "cancelled", "cancelled: " + job.filename() + " (" + job.statusReason() + ")");
            case PAUSED -> job(Level.INFO, job, "paused", "paused: " + job.filename());
            case RESUMED -> job(Level.INFO, job, "resumed", "resumed: " + job.filename());
            case PRIORITY_CHANGED ->
                job(Level.FINE, job, "priority", "priority of " + job.filename() + " is now " + job.priority());
            case STARTED, UPDATED -> {
                // STARTED is told by RunStarted, which knows the worker; settling text changes too often.
            }
        }
    }

    private void queued(Job job, String rule) {
        job(
                Level.INFO,
                job,
                "queued",
                "queued: " + job.inputPath() + " (" + (rule == null ? "added by request" : rule) + ", profile "
                        + job.profile() + ")");
    }

    private void runStarted(JobEvent.RunStarted event) {
        Job job = event.job();
        job(
                Level.INFO,
                job,
                "started",
                "started: " + job.filename() + " on worker " + event.worker() + ", attempt " + job.attempts());
    }

    private void runEnded(JobEvent.RunEnded event) {
        ExecutionResult result = event.result();
        if (result != null && result.outcome() == ExecutionResult.Outcome.STALLED) {
            Job job = event.job();
            job(
                    Level.WARNING,
                    job,
                    "stalled",
                    "stalled: " + job.filename() + ": " + result.error() + "; its ffmpeg was killed");
        }
    }

    private static String completed(Job job) {
        StringBuilder line = new StringBuilder("completed: ").append(job.filename());
        Double seconds = job.processingSeconds();
        if (seconds != null) {
            line.append(" in ").append(String.format(Locale.ROOT, "%.1f s", seconds));
        }
        sizeOf(job.outputPath()).ifPresent(bytes -> line.append(", ").append(humanBytes(bytes)));
        Double media = job.mediaDurationSeconds();
        if (seconds != null && media != null && seconds > 0) {
            line.append(", ").append(String.format(Locale.ROOT, "%.1fx realtime", media / seconds));
        }
        if (Boolean.TRUE.equals(job.verified())) {
            line.append(", verified");
        }
        return line.append(" -> ").append(job.outputPath()).toString();
    }

    private static String recovered(Job job) {
        return job.status() == JobStatus.FAILED
                ? "recovered after a crash: " + job.filename() + " failed: " + job.error()
                : "recovered after a crash: " + job.filename() + " was running (attempt " + job.attempts()
                        + "); queued again";
    }

    private void queue(QueueEvent event) {
        boolean wasPaused = queuePaused != null && queuePaused;
        if (event.paused() != wasPaused) {
            QUEUE.log(
                    Level.INFO,
                    event.paused() ? "queue paused: running jobs go on, no new job starts" : "queue resumed");
        } else if (maxWorkers == null || event.maxWorkers() != maxWorkers) {
            QUEUE.log(Level.INFO, "workers: " + event.maxWorkers());
        }
        queuePaused = event.paused();
        maxWorkers = event.maxWorkers();
    }

    private void config(ConfigApplied applied) {
        String changed = applied.changes().changedKeys().isEmpty()
                ? "nothing changed"
                : "changed " + String.join(", ", applied.changes().changedKeys());
        CONFIG.log(
                Level.INFO,
                "configuration applied: " + changed
                        + (applied.restartRequired() ? "; some changes take effect at the next start" : ""));
    }

    private static void job(Level level, Job job, String event, String text) {
        if (!JOBS.isLoggable(level)) {
            return;
        }
        LogRecord record = new LogRecord(level, "job " + job.id() + " " + text);
        record.setLoggerName(JOBS.getName());
        record.setParameters(new Object[] {
            new JobFields(job.id(), job.filename(), job.status().wireName(), event)
        });
        JOBS.log(record);
    }

    private static java.util.Optional<Long> sizeOf(String path) {
        if (path == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Files.size(Path.of(path)));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        String[] units = {"KB", "MB", "GB", "TB"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    @Override
    public void close() {
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                // Unsubscribing only removes a list entry; nothing to report.
            }
        }
    }
}
