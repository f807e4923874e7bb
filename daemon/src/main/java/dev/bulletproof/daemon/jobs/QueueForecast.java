package dev.bulletproof.daemon.jobs;

import dev.bulletproof.model.JobStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/**
 * When each queued job should start and finish, and when the whole queue should be done. The queued jobs
 * are laid out, in the order the dispatcher claims them, on {@code max_workers} workers that are free now
 * or when a running job's remaining time is up. A job takes its media duration times the measured
 * seconds per media second of its profile on this daemon (the latest completed jobs of that profile),
 * or {@link #DEFAULT_SECONDS_PER_MEDIA_SECOND} until the profile has a history.
 *
 * <p>While the queue is paused the estimates assume it resumes now. Paused jobs are left out: they hold
 * no worker until someone resumes them. A queued job whose media duration is not known yet gets no
 * estimate and adds nothing to the jobs after it; the daemon stores a duration once a job runs, so the
 * caller may supply one for jobs that have not run yet.
 */
public final class QueueForecast {

    /** Real time: until a profile has finished once, assume it encodes as fast as the media plays. */
    public static final double DEFAULT_SECONDS_PER_MEDIA_SECOND = 1.0;
    /** How many of a profile's latest completed jobs its speed is measured over. */
    static final int HISTORY_JOBS = 10;

    private static final int MAX_JOBS = 1000;

    /** The estimate for one queued job. */
    public record Estimate(long jobId, Instant start, Instant finish) {}

    /** @param queueFinish when the last queued job should finish; empty when nothing is queued */
    public record Forecast(List<Estimate> jobs, Optional<Instant> queueFinish) {}

    private final JobQueries jobs;
    private final QueueControl queue;
    private final Clock clock;
    private final Function<Job, Optional<Double>> unstoredDuration;
    private final Map<String, Double> rates = new HashMap<>();

    public QueueForecast(JobQueries jobs, QueueControl queue, Clock clock) {
        this(jobs, queue, clock, job -> Optional.empty());
    }

    /**
     * @param unstoredDuration the media duration of a job that has not run yet (the daemon stores it when
     *     a job runs), for example probed from its input; empty when it cannot tell
     */
    public QueueForecast(
            JobQueries jobs, QueueControl queue, Clock clock, Function<Job, Optional<Double>> unstoredDuration) {
        this.jobs = jobs;
        this.queue = queue;
        this.clock = clock;
        this.unstoredDuration = unstoredDuration;
    }

    public Forecast forecast() {
        Instant now = clock.instant();
        PriorityQueue<Instant> freeWorkers = freeWorkers(now);
        List<Estimate> estimates = new ArrayList<>();
        Instant queueFinish = null;
        for (Job job : queuedInClaimOrder()) {
            Optional<Duration> takes = duration(job, 0.0);
            if (takes.isEmpty()) {
                continue;
            }
            Instant start = latest(freeWorkers.poll(), job.notBefore());
            Instant finish = start.plus(takes.get());
            freeWorkers.add(finish);
            estimates.add(new Estimate(job.id(), start, finish));
            queueFinish = queueFinish == null || finish.isAfter(queueFinish) ? finish : queueFinish;
        }
        return new Forecast(List.copyOf(estimates), Optional.ofNullable(queueFinish));
    }

    /**
     * Seconds of processing per second of media for {@code profile}, from its latest completed jobs, or
     * {@link #DEFAULT_SECONDS_PER_MEDIA_SECOND} when none of them has both figures.
     */
    public double secondsPerMediaSecond(String profile) {
        return rates.computeIfAbsent(profile, this::measuredRate);
    }

    private double measuredRate(String profile) {
        double processing = 0;
        double media = 0;
        for (Job done : jobs.list(JobFilter.all()
                .withStatuses(Set.of(JobStatus.COMPLETED))
                .withProfile(profile)
                .page(HISTORY_JOBS, 0))) {
            if (done.processingSeconds() != null
                    && done.mediaDurationSeconds() != null
                    && done.mediaDurationSeconds() > 0) {
                processing += done.processingSeconds();
                media += done.mediaDurationSeconds();
            }
        }
        return media > 0 ? processing / media : DEFAULT_SECONDS_PER_MEDIA_SECOND;
    }

    /**
     * One entry per worker: now for an idle one, the end of its run for a busy one. When more run than
     * {@code max_workers} allows (it was lowered), the first runs to end only bring the count down.
     */
    private PriorityQueue<Instant> freeWorkers(Instant now) {
        List<Instant> runsEnd = new ArrayList<>();
        for (Job running : jobs.list(
                JobFilter.all().withStatuses(Set.of(JobStatus.PROCESSING)).page(MAX_JOBS, 0))) {
            runsEnd.add(now.plus(remaining(running)));
        }
        runsEnd.sort(Comparator.naturalOrder());
        int workers = queue.maxWorkers();
        List<Instant> free = new ArrayList<>(runsEnd.subList(Math.max(0, runsEnd.size() - workers), runsEnd.size()));
        while (free.size() < workers) {
            free.add(now);
        }
        return new PriorityQueue<>(free);
    }

    /** The encoder's own ETA while it reports one, else the profile's measured speed for what is left. */
    private Duration remaining(Job running) {
        Optional<LiveProgress> live = jobs.progress(running.id());
        Double eta = live.map(LiveProgress::etaSeconds).orElse(null);
        if (eta != null && eta >= 0) {
            return seconds(eta);
        }
        double done = live.map(LiveProgress::fraction).orElse(0.0);
        return duration(running, Math.clamp(done, 0.0, 1.0)).orElse(Duration.ZERO);
    }

    private Optional<Duration> duration(Job job, double fractionDone) {
        Double stored = job.mediaDurationSeconds();
        Optional<Double> media = stored != null && stored > 0 ? Optional.of(stored) : unstoredDuration.apply(job);
        return media.map(seconds -> seconds(seconds * (1 - fractionDone) * secondsPerMediaSecond(job.profile())));
    }

    /** The dispatcher's order: highest priority first, then oldest. */
    private List<Job> queuedInClaimOrder() {
        List<Job> queued = new ArrayList<>(
                jobs.list(JobFilter.all().withStatuses(Set.of(JobStatus.QUEUED)).page(MAX_JOBS, 0)));
        queued.sort(Comparator.comparingInt(Job::priority)
                .reversed()
                .thenComparing(Job::createdAt)
                .thenComparingLong(Job::id));
        return queued;
    }

    private static Instant latest(Instant free, Instant notBefore) {
        return notBefore != null && notBefore.isAfter(free) ? notBefore : free;
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
