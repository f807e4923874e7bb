package dev.bulletproof.daemon.app;

import dev.bulletproof.daemon.config.LiveConfig;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobRepository;
import dev.bulletproof.daemon.jobs.WorkerPool;
import dev.bulletproof.daemon.metrics.DaemonMetrics;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Path;
import java.util.Set;

/** The gauges of /metrics, read from the running parts at scrape time. */
final class DaemonReadings implements DaemonMetrics.Readings {

    private final JobRepository jobs;
    private final WorkerPool pool;
    private final LiveConfig config;

    DaemonReadings(JobRepository jobs, WorkerPool pool, LiveConfig config) {
        this.jobs = jobs;
        this.pool = pool;
        this.config = config;
    }

    @Override
    public long jobsWithStatus(JobStatus status) {
        return jobs.count(new JobFilter(Set.of(status), null, null, null, 1, 0));
    }

    @Override
    public int workersBusy() {
        return pool.runningCount();
    }

    @Override
    public int maxWorkers() {
        return pool.maxWorkers();
    }

    @Override
    public Path outputFolder() {
        return config.config().outputFolder();
    }
}
