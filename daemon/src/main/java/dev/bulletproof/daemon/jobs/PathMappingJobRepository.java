package dev.bulletproof.daemon.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The store as this node sees it (decision 0030): every path written goes in under its cluster-wide name
 * ({@link PathMap#canonical}), every job read comes out with this node's paths ({@link PathMap#local}). The
 * look-up that makes a file one job (input path, size and modification time) therefore runs on the canonical
 * name, so two nodes that mount one share at different places register each file version once.
 *
 * <p>On a cluster a node claims only jobs whose input it can read: one whose file it cannot see (a share it
 * does not mount, a map that points at a missing mount) stays queued for the other nodes, untouched, and this
 * node does not look at it again for {@link #UNSEEN_FOR}, so a queue of files it cannot see costs one file
 * check per job per that while, not one per wake-up. In that while the claim leaves such jobs out in its
 * SQL, so they neither use up its candidates nor are locked by it.
 */
public final class PathMappingJobRepository implements JobRepository {

    /** How long a node leaves a job whose input it could not read before it checks again. */
    public static final Duration UNSEEN_FOR = Duration.ofSeconds(30);

    private final JobRepository store;
    private final PathMap paths;
    private final boolean claimOnlyVisible;
    private final LongSupplier nanoTime;
    private final Duration unseenFor;
    /** Jobs whose input this node could not read, and the {@link System#nanoTime} until which it skips them. */
    private final Map<Long, Long> unseen = new ConcurrentHashMap<>();

    /**
     * @param claimOnlyVisible true on a cluster (a shared database): skip jobs whose input this node cannot
     *     read. False on one machine, where such a job is claimed and fails with its reason, as before.
     */
    public PathMappingJobRepository(JobRepository store, PathMap paths, boolean claimOnlyVisible) {
        this(store, paths, claimOnlyVisible, System::nanoTime, UNSEEN_FOR);
    }

    PathMappingJobRepository(
            JobRepository store, PathMap paths, boolean claimOnlyVisible, LongSupplier nanoTime, Duration unseenFor) {
        this.store = store;
        this.paths = paths;
        this.claimOnlyVisible = claimOnlyVisible;
        this.nanoTime = nanoTime;
        this.unseenFor = unseenFor;
    }

    // ---- the way in: this node's paths become canonical

    private String canonical(String local) {
        return local == null || paths.isEmpty() ? local : paths.canonical(Path.of(local));
    }

    private NewFile canonical(NewFile file) {
        return new NewFile(
                canonical(file.inputPath()),
                file.size(),
                file.mtimeMillis(),
                file.waitingReason(),
                canonical(file.plan()),
                canonical(file.watchFolder()));
    }

    private JobPlan canonical(JobPlan plan) {
        return plan == null ? null : plan.withOutputPath(canonical(plan.outputPath()));
    }

    private ExecutionResult canonical(ExecutionResult result) {
        return new ExecutionResult(
                result.outcome(),
                canonical(result.outputPath()),
                result.error(),
                result.verified(),
                result.mediaDurationSeconds(),
                result.bitrate(),
                result.resolution(),
                result.processingSeconds(),
                result.retryable(),
                result.outputSize());
    }

    private JobFilter canonical(JobFilter filter) {
        return filter.watchFolder() == null ? filter : filter.inFolder(canonical(filter.watchFolder()));
    }

    // ---- the way out: canonical paths become this node's

    private String local(String canonical) {
        return canonical == null || paths.isEmpty()
                ? canonical
                : paths.local(canonical).toString();
    }

    private Job local(Job job) {
        if (paths.isEmpty()) {
            return job;
        }
        return new Job(
                job.id(),
                local(job.inputPath()),
                job.inputSize(),
                job.inputMtimeMillis(),
                job.filename(),
                job.status(),
                job.statusReason(),
                job.profile(),
                local(job.outputPath()),
                job.onSuccess(),
                job.priority(),
                job.attempts(),
                job.error(),
                job.createdAt(),
                job.startedAt(),
                job.completedAt(),
                job.notBefore(),
                job.mediaDurationSeconds(),
                job.bitrate(),
                job.resolution(),
                job.verified(),
                job.processingSeconds(),
                job.version(),
                job.mediaFacts(),
                job.outputSize(),
                job.thumbnail(),
                local(job.watchFolder()),
                job.nodeId(),
                job.lease());
    }

    private List<Job> local(List<Job> jobs) {
        return paths.isEmpty() ? jobs : jobs.stream().map(this::local).toList();
    }

    private Registration local(Registration registration) {
        return new Registration(local(registration.job()), registration.created());
    }

    // ---- claiming only what this node can see

    private boolean visible(Job local) {
        if (!claimOnlyVisible) {
            return true;
        }
        long now = nanoTime.getAsLong();
        Long until = unseen.get(local.id());
        if (until != null && now - until < 0) {
            return false;
        }
        if (Files.isReadable(Path.of(local.inputPath()))) {
            unseen.remove(local.id());
            return true;
        }
        unseen.put(local.id(), now + unseenFor.toNanos());
        return false;
    }

    @Override
    public Optional<Job> claimNext(Instant now, Predicate<Job> admit, ClaimFolders folders) {
        return store.claimNext(
                        now,
                        candidate -> {
                            Job local = local(candidate);
                            return visible(local) && admit.test(local);
                        },
                        passOver(),
                        folders.map(this::canonical))
                .map(this::local);
    }

    /** The jobs this node could not read a while ago and leaves out of its claims until then. */
    private java.util.Set<Long> passOver() {
        if (unseen.isEmpty()) {
            return java.util.Set.of();
        }
        long now = nanoTime.getAsLong();
        unseen.values().removeIf(until -> now - until >= 0);
        return java.util.Set.copyOf(unseen.keySet());
    }

    // ---- the rest translates and delegates

    @Override
    public Registration registerFile(NewFile file) {
        return local(store.registerFile(canonical(file)));
    }

    @Override
    public List<Registration> registerFiles(List<NewFile> files) {
        return store.registerFiles(files.stream().map(this::canonical).toList()).stream()
                .map(this::local)
                .toList();
    }

    @Override
    public Job updateWaiting(long id, String reason) {
        return local(store.updateWaiting(id, reason));
    }

    @Override
    public Job markQueued(long id, JobPlan plan) {
        return local(store.markQueued(id, canonical(plan)));
    }

    @Override
    public List<Job> markReady(List<ReadyFile> files) {
        return local(store.markReady(files.stream()
                .map(file -> new ReadyFile(file.jobId(), file.size(), file.mtimeMillis(), canonical(file.plan())))
                .toList()));
    }

    @Override
    public Job noteHeld(long id, String reason) {
        return local(store.noteHeld(id, reason));
    }

    @Override
    public Optional<Instant> nextNotBefore(Instant now) {
        return store.nextNotBefore(now);
    }

    @Override
    public Job markCompleted(long id, ExecutionResult result) {
        return local(store.markCompleted(id, canonical(result)));
    }

    @Override
    public Job recordInputMedia(long id, InputMedia media) {
        return local(store.recordInputMedia(id, media));
    }

    @Override
    public Job recordThumbnail(long id) {
        return local(store.recordThumbnail(id));
    }

    @Override
    public Job markFailed(long id, String error, Double processingSeconds) {
        return local(store.markFailed(id, error, processingSeconds));
    }

    @Override
    public Job scheduleRetry(long id, Instant notBefore, String reason, String error, Double processingSeconds) {
        return local(store.scheduleRetry(id, notBefore, reason, error, processingSeconds));
    }

    @Override
    public Job requeueAfterStop(long id) {
        return local(store.requeueAfterStop(id));
    }

    @Override
    public Job markCompleted(Lease lease, ExecutionResult result) {
        return local(store.markCompleted(lease, canonical(result)));
    }

    @Override
    public Job markFailed(Lease lease, String error, Double processingSeconds) {
        return local(store.markFailed(lease, error, processingSeconds));
    }

    @Override
    public Job scheduleRetry(Lease lease, Instant notBefore, String reason, String error, Double processingSeconds) {
        return local(store.scheduleRetry(lease, notBefore, reason, error, processingSeconds));
    }

    @Override
    public Job requeueAfterStop(Lease lease) {
        return local(store.requeueAfterStop(lease));
    }

    @Override
    public List<Lease> leasesHeld() {
        return store.leasesHeld();
    }

    @Override
    public List<Job> rescueJobsOfDeadNodes(Duration nodeTimeout, int maxAttempts) {
        return local(store.rescueJobsOfDeadNodes(nodeTimeout, maxAttempts));
    }

    @Override
    public List<Job> recoverOrphans(List<Lease> orphans, int maxAttempts) {
        return local(store.recoverOrphans(orphans, maxAttempts));
    }

    @Override
    public Job pause(long id) {
        return local(store.pause(id));
    }

    @Override
    public Job resumeRunning(long id) {
        return local(store.resumeRunning(id));
    }

    @Override
    public Job release(long id) {
        return local(store.release(id));
    }

    @Override
    public Job cancel(long id, String reason) {
        return local(store.cancel(id, reason));
    }

    @Override
    public Job retry(long id, String plannedProfile) {
        return local(store.retry(id, plannedProfile));
    }

    @Override
    public void delete(long id) {
        store.delete(id);
    }

    @Override
    public Job setPriority(long id, int priority) {
        return local(store.setPriority(id, priority));
    }

    @Override
    public Optional<String> plannedProfile(long id) {
        return store.plannedProfile(id);
    }

    @Override
    public Optional<Job> find(long id) {
        return store.find(id).map(this::local);
    }

    @Override
    public Job get(long id) {
        return local(store.get(id));
    }

    @Override
    public List<Job> list(JobFilter filter) {
        return local(store.list(canonical(filter)));
    }

    @Override
    public long count(JobFilter filter) {
        return store.count(canonical(filter));
    }

    @Override
    public List<JobHistoryEntry> events(long jobId) {
        return store.events(jobId);
    }

    @Override
    public List<Job> recoverAfterCrash(int maxAttempts) {
        return local(store.recoverAfterCrash(maxAttempts));
    }
}
