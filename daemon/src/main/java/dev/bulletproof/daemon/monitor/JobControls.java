package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.config.LiveConfig;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobCommands;
import dev.bulletproof.daemon.jobs.JobRepository;
import dev.bulletproof.daemon.jobs.WorkerPool;
import dev.bulletproof.daemon.media.PlannedProfile;
import java.time.Clock;

/**
 * A person's requests on jobs: the controls go through the worker pool, which owns the running ones; an
 * ad-hoc job is registered like a file the watcher found, and the pool is woken to start it.
 */
public final class JobControls implements JobCommands {

    private final WorkerPool pool;
    private final AdHocJobs adHoc;
    private final JobRepository jobs;
    private final LiveConfig config;

    public JobControls(WorkerPool pool, JobRepository jobs, LiveConfig config, Clock clock) {
        this.pool = pool;
        this.jobs = jobs;
        this.config = config;
        this.adHoc = new AdHocJobs(jobs, config, clock);
    }

    @Override
    public Job pause(long id) {
        return pool.pause(id);
    }

    @Override
    public Job resume(long id) {
        return pool.resume(id);
    }

    @Override
    public Job cancel(long id) {
        return pool.cancel(id);
    }

    @Override
    public Job retry(long id) {
        // The profile as this daemon's config defines it now: the person may have fixed it after the failure.
        // A profile this config does not know keeps the definition the job was planned with.
        String replanned = config.profiles()
                .find(jobs.get(id).profile())
                .map(PlannedProfile::toJson)
                .orElse(null);
        return pool.retry(id, replanned);
    }

    @Override
    public void delete(long id) {
        pool.delete(id);
    }

    @Override
    public Job setPriority(long id, int priority) {
        return pool.setPriority(id, priority);
    }

    @Override
    public Job enqueue(String path, String profile, String output) {
        Job job = adHoc.enqueue(path, profile, output);
        pool.wakeUp();
        return job;
    }
}
