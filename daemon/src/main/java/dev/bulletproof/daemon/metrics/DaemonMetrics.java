package dev.bulletproof.daemon.metrics;

import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.ExecutionResult;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.model.JobStatus;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Prometheus scrapes from GET /metrics. Counters and the duration histogram follow the events the
 * engine publishes (subscribe before it starts); job counts, workers and free space are read at scrape
 * time from {@link Readings}. The registry is this daemon's own, never the library's global one, so two
 * daemons in one JVM (tests) do not mix.
 */
public final class DaemonMetrics implements AutoCloseable {

    /** The source file is at fault (not media, a still, cut short): failed at once, never retried. */
    public static final String INPUT = "input";

    /** A passing problem (killed, disk full, I/O error) that was retried until the attempts ran out. */
    public static final String FAILED_FINAL = "failed_final";

    public static final String RETRIED = "retried";
    public static final String STALLED = "stalled";

    /** Job durations from a quick proxy of a short clip to a feature film in a slow codec. */
    private static final double[] DURATION_BUCKETS = {1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200};

    /** What the gauges read when scraped. */
    public interface Readings {
        long jobsWithStatus(JobStatus status);

        int workersBusy();

        int maxWorkers();

        Path outputFolder();
    }

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    /** Jobs whose last run stalled, until the event that records the outcome of that run. */
    private final Set<Long> stalledRuns = ConcurrentHashMap.newKeySet();
    /** Jobs whose last run failed because of their source; their FAILED change is counted as {@link #INPUT}. */
    private final Set<Long> inputFaultRuns = ConcurrentHashMap.newKeySet();

    private final Counter encodeSeconds;
    private final Counter mediaSeconds;
    private final Counter completed;
    private final Counter failures;
    private final Counter stalls;
    private final Histogram duration;
    private final Info info;
    private volatile Readings readings;

    public DaemonMetrics(EventBus bus, Clock clock) {
        encodeSeconds = Counter.builder()
                .name("bulletproof_encode_seconds")
                .help("Wall time workers spent running jobs, every attempt included")
                .labelNames("profile")
                .register(registry);
        mediaSeconds = Counter.builder()
                .name("bulletproof_media_seconds")
                .help("Media duration of the inputs of completed jobs")
                .labelNames("profile")
                .register(registry);
        completed = Counter.builder()
                .name("bulletproof_jobs_completed")
                .help("Jobs completed with a verified output")
                .labelNames("profile")
                .register(registry);
        failures = Counter.builder()
                .name("bulletproof_job_failures")
                .help("Failed runs by class: input (the source is at fault; not retried), failed_final (a passing"
                        + " problem, attempts used up), retried (another attempt is scheduled), stalled (no progress;"
                        + " ffmpeg was killed)")
                .labelNames("class")
                .register(registry);
        stalls = Counter.builder()
                .name("bulletproof_stalls")
                .help("Runs killed by the stall watchdog")
                .register(registry);
        duration = Histogram.builder()
                .name("bulletproof_job_duration_seconds")
                .help("Processing wall time of completed jobs")
                .labelNames("profile")
                .classicOnly()
                .classicUpperBounds(DURATION_BUCKETS)
                .register(registry);
        info = Info.builder()
                .name("bulletproof")
                .help("Always 1; the labels name the daemon's and ffmpeg's versions")
                .labelNames("version", "ffmpeg_version")
                .register(registry);
        Gauge.builder()
                .name("bulletproof_up")
                .help("1 while the daemon runs")
                .register(registry)
                .set(1);
        Gauge.builder()
                .name("bulletproof_start_time_seconds")
                .help("When the daemon started, in seconds since the epoch")
                .register(registry)
                .set(clock.millis() / 1000.0);
        registerReadings();
        subscriptions.add(bus.subscribe(JobEvent.RunEnded.class, this::runEnded));
        subscriptions.add(bus.subscribe(JobEvent.Changed.class, this::changed));
    }

    private void registerReadings() {
        GaugeWithCallback.builder()
                .name("bulletproof_jobs")
                .help("Jobs in the database by status")
                .labelNames("status")
                .callback(callback -> {
                    Readings current = readings;
                    if (current != null) {
                        for (JobStatus status : JobStatus.values()) {
                            callback.call(current.jobsWithStatus(status), status.wireName());
                        }
                    }
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("bulletproof_queue_depth")
                .help("Jobs queued and waiting for a worker")
                .callback(callback -> ifReadings(r -> callback.call(r.jobsWithStatus(JobStatus.QUEUED))))
                .register(registry);
        GaugeWithCallback.builder()
                .name("bulletproof_workers_busy")
                .help("Workers running a job now; a paused job holds none")
                .callback(callback -> ifReadings(r -> callback.call(r.workersBusy())))
                .register(registry);
        GaugeWithCallback.builder()
                .name("bulletproof_workers_max")
                .help("Configured worker count (max_workers)")
                .callback(callback -> ifReadings(r -> callback.call(r.maxWorkers())))
                .register(registry);
        GaugeWithCallback.builder()
                .name("bulletproof_output_free_bytes")
                .help("Usable space on the volume of the output folder")
                .callback(
                        callback -> ifReadings(r -> freeBytes(r.outputFolder()).ifPresent(callback::call)))
                .register(registry);
    }

    private void ifReadings(java.util.function.Consumer<Readings> read) {
        Readings current = readings;
        if (current != null) {
            read.accept(current);
        }
    }

    private static java.util.OptionalDouble freeBytes(Path folder) {
        try {
            return java.util.OptionalDouble.of(Files.getFileStore(folder).getUsableSpace());
        } catch (IOException | RuntimeException e) {
            return java.util.OptionalDouble.empty(); // folder gone (unplugged share): no sample rather than a lie
        }
    }

    /** Starts answering the gauges; before this they have no samples. */
    public void observe(Readings readings) {
        this.readings = readings;
    }

    /** Names the versions in {@code bulletproof_info}. */
    public void describe(String version, String ffmpegVersion) {
        info.setLabelValues(version, ffmpegVersion == null ? "unknown" : ffmpegVersion);
    }

    public MetricSnapshots scrape() {
        return registry.scrape();
    }

    private void runEnded(JobEvent.RunEnded event) {
        ExecutionResult result = event.result();
        if (result == null) {
            return;
        }
        encodeSeconds.labelValues(profileOf(event.job())).inc(Math.max(0, result.processingSeconds()));
        if (result.outcome() == ExecutionResult.Outcome.STALLED) {
            stalls.inc();
            stalledRuns.add(event.job().id());
        }
        if (result.outcome() == ExecutionResult.Outcome.FAILED && !result.retryable()) {
            inputFaultRuns.add(event.job().id());
        }
    }

    private void changed(JobEvent.Changed event) {
        Job job = event.job();
        switch (event.change()) {
            case COMPLETED -> {
                String profile = profileOf(job);
                completed.labelValues(profile).inc();
                if (job.mediaDurationSeconds() != null) {
                    mediaSeconds.labelValues(profile).inc(job.mediaDurationSeconds());
                }
                if (job.processingSeconds() != null) {
                    duration.labelValues(profile).observe(job.processingSeconds());
                }
                stalledRuns.remove(job.id());
            }
            case FAILED -> {
                boolean stalled = stalledRuns.remove(job.id());
                boolean inputFault = inputFaultRuns.remove(job.id());
                failures.labelValues(stalled ? STALLED : inputFault ? INPUT : FAILED_FINAL)
                        .inc();
            }
            case RETRY_SCHEDULED ->
                failures.labelValues(stalledRuns.remove(job.id()) ? STALLED : RETRIED)
                        .inc();
            default -> {}
        }
    }

    private static String profileOf(Job job) {
        return job.profile() == null ? "none" : job.profile();
    }

    @Override
    public void close() {
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                // Unsubscribing only removes a list entry.
            }
        }
    }
}
