package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.config.LiveConfig;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobCommands;
import dev.bulletproof.daemon.jobs.JobRepository;
import dev.bulletproof.daemon.jobs.WorkerPool;
import java.time.Clock;

/**
 * A person's requests on jobs: the controls go through the worker pool, which owns the running ones; an
 * ad-hoc job is registered like a file the watcher found, and the pool is woken to start it.
 */
public final class JobControls implements JobCommands {

    private final WorkerPool pool;
    private final AdHocJobs adHoc;

    public JobControls(WorkerPool pool, JobRepository jobs, LiveConfig config, Clock clock) {
        this.pool = pool;
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
        return pool.retry(id);
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
