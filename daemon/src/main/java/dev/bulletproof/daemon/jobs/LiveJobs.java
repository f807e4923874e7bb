package dev.bulletproof.daemon.jobs;

import java.util.List;
import java.util.Optional;

/** The stored jobs, each read with the live progress the worker pool has for it. */
public final class LiveJobs implements JobQueries {

    private final JobRepository jobs;
    private final LiveProgressBoard progress;

    public LiveJobs(JobRepository jobs, LiveProgressBoard progress) {
        this.jobs = jobs;
        this.progress = progress;
    }

    @Override
    public List<Job> list(JobFilter filter) {
        return jobs.list(filter);
    }

    @Override
    public long count(JobFilter filter) {
        return jobs.count(filter);
    }

    @Override
    public Job get(long id) {
        return jobs.get(id);
    }

    @Override
    public Optional<LiveProgress> progress(long id) {
        return progress.of(id);
    }
}
