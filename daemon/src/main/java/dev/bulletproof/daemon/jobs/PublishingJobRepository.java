package dev.bulletproof.daemon.jobs;

import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.model.JobStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Publishes {@link JobEvent.Changed} after every committed write, whoever makes it (watcher, API, worker
 * pool), so no change can reach the database without reaching the clients. Events follow the commit,
 * never precede it: a rolled-back write publishes nothing.
 *
 * <p>Events are delivered in commit order. Each write and the delivery of its events happen under one
 * lock; without it, the watcher could commit "queued", the dispatcher claim the job and publish
 * "processing", and only then the watcher publish its "queued", so a dashboard would show a running job
 * as waiting in the queue. Subscribers run under that lock: they must be quick and must never wait for
 * another thread that writes jobs (the worker pool's wake-up signal is lock-free for this reason).
 */
public final class PublishingJobRepository implements JobRepository {

    private final JobRepository store;
    private final EventBus bus;
    private final LiveProgressBoard progress;
    private final ReentrantLock commitOrder = new ReentrantLock();

    public PublishingJobRepository(JobRepository store, EventBus bus) {
        this(store, bus, new LiveProgressBoard());
    }

    /** @param progress where the worker pool keeps live progress, attached to the events of running jobs */
    public PublishingJobRepository(JobRepository store, EventBus bus, LiveProgressBoard progress) {
        this.store = store;
        this.bus = bus;
        this.progress = progress;
    }

    @Override
    public Registration registerFile(NewFile file) {
        return inCommitOrder(() -> announce(store.registerFile(file), file));
    }

    @Override
    public List<Registration> registerFiles(List<NewFile> files) {
        return inCommitOrder(() -> {
            List<Registration> registrations = store.registerFiles(files);
            // One registration per file, in the same order.
            for (int i = 0; i < registrations.size(); i++) {
                announce(registrations.get(i), files.get(i));
            }
            return registrations;
        });
    }

    @Override
    public Job updateWaiting(long id, String reason) {
        return published(JobEvent.Change.UPDATED, () -> store.updateWaiting(id, reason));
    }

    @Override
    public Job noteHeld(long id, String reason) {
        return inCommitOrder(() -> {
            Job before = store.get(id);
            Job after = store.noteHeld(id, reason);
            if (after.version() != before.version()) {
                changed(after, JobEvent.Change.UPDATED);
            }
            return after;
        });
    }

    @Override
    public Job markQueued(long id, JobPlan plan) {
        return inCommitOrder(() -> {
            Job job = store.markQueued(id, plan);
            publish(new JobEvent.Changed(job, JobEvent.Change.QUEUED, plan.rule()));
            return job;
        });
    }

    @Override
    public List<Job> markReady(List<ReadyFile> files) {
        return inCommitOrder(() -> {
            List<Job> changed = store.markReady(files);
            Map<Long, String> rules = new HashMap<>();
            files.forEach(file -> rules.put(file.jobId(), file.plan().rule()));
            for (Job job : changed) {
                // A file whose final version already had a job is cancelled as a duplicate instead.
                boolean queued = job.status() == JobStatus.QUEUED;
                publish(new JobEvent.Changed(
                        job,
                        queued ? JobEvent.Change.QUEUED : JobEvent.Change.CANCELLED,
                        queued ? rules.get(job.id()) : null));
            }
            return changed;
        });
    }

    @Override
    public Optional<Job> claimNext(Instant now, java.util.function.Predicate<Job> admit, ClaimFolders folders) {
        return inCommitOrder(() -> {
            Optional<Job> claimed = store.claimNext(now, admit, folders);
            claimed.ifPresent(job -> changed(job, JobEvent.Change.STARTED));
            return claimed;
        });
    }

    @Override
    public Optional<Instant> nextNotBefore(Instant now) {
        return store.nextNotBefore(now);
    }

    @Override
    public Job markCompleted(long id, ExecutionResult result) {
        return published(JobEvent.Change.COMPLETED, () -> store.markCompleted(id, result));
    }

    @Override
    public Job markFailed(long id, String error, Double processingSeconds) {
        return published(JobEvent.Change.FAILED, () -> store.markFailed(id, error, processingSeconds));
    }

    @Override
    public Job scheduleRetry(long id, Instant notBefore, String reason, String error, Double processingSeconds) {
        return published(
                JobEvent.Change.RETRY_SCHEDULED,
                () -> store.scheduleRetry(id, notBefore, reason, error, processingSeconds));
    }

    @Override
    public Job requeueAfterStop(long id) {
        return published(JobEvent.Change.REQUEUED, () -> store.requeueAfterStop(id));
    }

    @Override
    public Job markCompleted(Lease lease, ExecutionResult result) {
        return published(JobEvent.Change.COMPLETED, () -> store.markCompleted(lease, result));
    }

    @Override
    public Job markFailed(Lease lease, String error, Double processingSeconds) {
        return published(JobEvent.Change.FAILED, () -> store.markFailed(lease, error, processingSeconds));
    }

    @Override
    public Job scheduleRetry(Lease lease, Instant notBefore, String reason, String error, Double processingSeconds) {
        return published(
                JobEvent.Change.RETRY_SCHEDULED,
                () -> store.scheduleRetry(lease, notBefore, reason, error, processingSeconds));
    }

    @Override
    public Job requeueAfterStop(Lease lease) {
        return published(JobEvent.Change.REQUEUED, () -> store.requeueAfterStop(lease));
    }

    @Override
    public List<Lease> leasesHeld() {
        return store.leasesHeld();
    }

    @Override
    public List<Job> rescueJobsOfDeadNodes(java.time.Duration nodeTimeout, int maxAttempts) {
        return inCommitOrder(() -> {
            List<Job> rescued = store.rescueJobsOfDeadNodes(nodeTimeout, maxAttempts);
            rescued.forEach(job -> changed(job, JobEvent.Change.RECOVERED));
            return rescued;
        });
    }

    @Override
    public List<Job> recoverOrphans(List<Lease> orphans, int maxAttempts) {
        return inCommitOrder(() -> {
            List<Job> recovered = store.recoverOrphans(orphans, maxAttempts);
            recovered.forEach(job -> changed(job, JobEvent.Change.RECOVERED));
            return recovered;
        });
    }

    @Override
    public Job pause(long id) {
        return published(JobEvent.Change.PAUSED, () -> store.pause(id));
    }

    @Override
    public Job resumeRunning(long id) {
        return published(JobEvent.Change.RESUMED, () -> store.resumeRunning(id));
    }

    @Override
    public Job release(long id) {
        return published(JobEvent.Change.RESUMED, () -> store.release(id));
    }

    @Override
    public Job cancel(long id, String reason) {
        return published(JobEvent.Change.CANCELLED, () -> store.cancel(id, reason));
    }

    @Override
    public Job retry(long id, String plannedProfile) {
        return published(JobEvent.Change.RETRIED, () -> store.retry(id, plannedProfile));
    }

    @Override
    public Job recordInputMedia(long id, InputMedia media) {
        return published(JobEvent.Change.UPDATED, () -> store.recordInputMedia(id, media));
    }

    @Override
    public Job recordThumbnail(long id) {
        return published(JobEvent.Change.UPDATED, () -> store.recordThumbnail(id));
    }

    @Override
    public void delete(long id) {
        inCommitOrder(() -> {
            store.delete(id);
            bus.publish(new JobEvent.Deleted(id));
            return null;
        });
    }

    @Override
    public Job setPriority(long id, int priority) {
        return published(JobEvent.Change.PRIORITY_CHANGED, () -> store.setPriority(id, priority));
    }

    @Override
    public Optional<String> plannedProfile(long id) {
        return store.plannedProfile(id);
    }

    @Override
    public Optional<Job> find(long id) {
        return store.find(id);
    }

    @Override
    public Job get(long id) {
        return store.get(id);
    }

    @Override
    public List<Job> list(JobFilter filter) {
        return store.list(filter);
    }

    @Override
    public long count(JobFilter filter) {
        return store.count(filter);
    }

    @Override
    public List<JobHistoryEntry> events(long jobId) {
        return store.events(jobId);
    }

    @Override
    public List<Job> recoverAfterCrash(int maxAttempts) {
        return inCommitOrder(() -> {
            List<Job> recovered = store.recoverAfterCrash(maxAttempts);
            recovered.forEach(job -> changed(job, JobEvent.Change.RECOVERED));
            return recovered;
        });
    }

    private Registration announce(Registration registration, NewFile file) {
        if (registration.created()) {
            String rule = file.plan() == null ? null : file.plan().rule();
            publish(new JobEvent.Changed(registration.job(), JobEvent.Change.CREATED, rule));
        }
        return registration;
    }

    private Job published(JobEvent.Change change, Supplier<Job> write) {
        return inCommitOrder(() -> {
            Job job = write.get();
            changed(job, change);
            return job;
        });
    }

    private <T> T inCommitOrder(Supplier<T> writeAndPublish) {
        commitOrder.lock();
        try {
            return writeAndPublish.get();
        } finally {
            commitOrder.unlock();
        }
    }

    private void changed(Job job, JobEvent.Change change) {
        publish(new JobEvent.Changed(job, change));
    }

    private void publish(JobEvent.Changed changed) {
        Job job = changed.job();
        bus.publish(job.status().isActive() ? changed.withProgress(progress.of(job.id())) : changed);
    }
}
