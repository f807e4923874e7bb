package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.history.History;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobRepository;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.StatsModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Statistics computed by reading jobs through the repository. Correct but it reads every finished job
 * (up to {@link #SCAN_LIMIT}), so it suits small histories; the SQL-backed history package replaces it
 * wherever it is available.
 */
public final class RepositoryHistory implements History {

    static final int SCAN_LIMIT = 50_000;

    private final JobRepository jobs;
    private final Clock clock;

    public RepositoryHistory(JobRepository jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public StatsModel summary() {
        List<Job> finished = finishedJobs();
        Instant dayAgo = clock.instant().minus(Duration.ofHours(24));
        double avg = finished.stream()
                .filter(j -> j.status() == JobStatus.COMPLETED && j.processingSeconds() != null)
                .mapToDouble(Job::processingSeconds)
                .average()
                .orElse(0);
        return new StatsModel(
                jobs.count(JobFilter.all()),
                count(JobStatus.COMPLETED),
                count(JobStatus.FAILED),
                avg,
                count(JobStatus.PROCESSING) + count(JobStatus.PAUSED),
                count(JobStatus.QUEUED),
                count(JobStatus.CANCELLED),
                finished.stream()
                        .filter(j -> j.status() != JobStatus.CANCELLED)
                        .filter(j -> j.completedAt() != null && !j.completedAt().isBefore(dayAgo))
                        .count());
    }

    @Override
    public List<HistoryBucket> buckets(Instant from, Instant to, String bucket) {
        ChronoUnit unit = bucket.equals("day") ? ChronoUnit.DAYS : ChronoUnit.HOURS;
        List<Job> inRange = finishedBetween(from, to);
        List<HistoryBucket> buckets = new ArrayList<>();
        for (Instant start = from.truncatedTo(unit); start.isBefore(to); start = start.plus(1, unit)) {
            Instant s = start;
            Instant e = start.plus(1, unit);
            List<Job> in = inRange.stream()
                    .filter(j -> !j.completedAt().isBefore(s) && j.completedAt().isBefore(e))
                    .toList();
            buckets.add(new HistoryBucket(
                    s,
                    in.stream().filter(j -> j.status() == JobStatus.COMPLETED).count(),
                    in.stream().filter(j -> j.status() == JobStatus.FAILED).count(),
                    in.stream()
                            .filter(j -> j.status() == JobStatus.COMPLETED && j.processingSeconds() != null)
                            .mapToDouble(Job::processingSeconds)
                            .average()
                            .orElse(0),
                    in.stream()
                            .filter(j -> j.status() == JobStatus.COMPLETED && j.mediaDurationSeconds() != null)
                            .mapToDouble(Job::mediaDurationSeconds)
                            .sum()));
        }
        return buckets;
    }

    @Override
    public List<TimelinePoint> timeline(Instant from, Instant to, int limit) {
        return finishedBetween(from, to).stream()
                .limit(limit)
                .map(j -> new TimelinePoint(
                        j.id(),
                        j.filename(),
                        j.profile(),
                        j.status().wireName(),
                        j.completedAt(),
                        j.processingSeconds(),
                        j.mediaDurationSeconds()))
                .toList();
    }

    private long count(JobStatus status) {
        return jobs.count(JobFilter.all().withStatuses(Set.of(status)));
    }

    private List<Job> finishedJobs() {
        return jobs.list(new JobFilter(
                Set.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED), null, null, null, SCAN_LIMIT, 0));
    }

    private List<Job> finishedBetween(Instant from, Instant to) {
        return finishedJobs().stream()
                .filter(j -> j.completedAt() != null
                        && !j.completedAt().isBefore(from)
                        && j.completedAt().isBefore(to))
                .sorted(Comparator.comparing(Job::completedAt))
                .toList();
    }
}
