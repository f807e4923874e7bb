package dev.bulletproof.daemon.jobs.jdbc;

import static dev.bulletproof.daemon.jobs.jdbc.JobRows.EVENT;
import static dev.bulletproof.daemon.jobs.jdbc.JobRows.JOB;
import static dev.bulletproof.daemon.jobs.jdbc.JobRows.SELECT_EVENT;
import static dev.bulletproof.daemon.jobs.jdbc.JobRows.SELECT_JOB;
import static dev.bulletproof.model.JobStatus.PAUSED;
import static dev.bulletproof.model.JobStatus.QUEUED;
import static dev.bulletproof.model.JobStatus.WAITING;

import dev.bulletproof.daemon.db.Dialect;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.db.Transaction;
import dev.bulletproof.daemon.jobs.ClaimFolders;
import dev.bulletproof.daemon.jobs.ExecutionResult;
import dev.bulletproof.daemon.jobs.IllegalTransitionException;
import dev.bulletproof.daemon.jobs.InputMedia;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobCommand;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobHistoryEntry;
import dev.bulletproof.daemon.jobs.JobNotFoundException;
import dev.bulletproof.daemon.jobs.JobPlan;
import dev.bulletproof.daemon.jobs.JobRepository;
import dev.bulletproof.daemon.jobs.Lease;
import dev.bulletproof.daemon.jobs.LeaseLostException;
import dev.bulletproof.daemon.jobs.NewFile;
import dev.bulletproof.daemon.jobs.ReadyFile;
import dev.bulletproof.daemon.jobs.Registration;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * {@link JobRepository} on a SQL database; each method is one transaction. The SQL is written once; the
 * database's {@link Dialect} spells the parts that differ between products (row limits, the claim's lock).
 */
public final class JdbcJobRepository implements JobRepository {

    /**
     * How many runnable jobs one claim looks at before it gives up; more than one so that a job {@code admit}
     * refuses (or a lost race) moves on to the next one.
     */
    private static final int CLAIM_CANDIDATES = 8;
    /** Files per statement of a batch's locks and look-ups (three parameters each, far below the limits). */
    private static final int BATCH_LOOK_UP = 500;

    private static final String COMPLETED_ASSIGNMENTS =
            ", status_reason = 'completed', error = NULL, completed_at = ?, output_path = COALESCE(?, output_path),"
                    + " verified = ?, processing_seconds = ?,"
                    + " media_duration_seconds = COALESCE(?, media_duration_seconds),"
                    + " bitrate = COALESCE(?, bitrate), resolution = COALESCE(?, resolution),"
                    + " output_size = ?";
    private static final String FAILED_ASSIGNMENTS =
            ", status_reason = ?, error = ?, completed_at = ?, processing_seconds = COALESCE(?, processing_seconds)";
    private static final String RETRY_ASSIGNMENTS =
            ", status_reason = ?, error = ?, not_before = ?, processing_seconds = COALESCE(?, processing_seconds)";
    private final SqlDatabase database;
    private final Clock clock;
    /** The node this repository claims for; null for a store used without nodes (tests, tools). */
    private final String nodeId;

    private final JobWrites writes;
    private final Dialect dialect;
    private final String selectByInput;
    private final String selectTwin;
    private final String selectLatestPauseOrigin;
    private final String requeueAfterStop;
    private final Optional<String> lockInputPath;

    public JdbcJobRepository(SqlDatabase database, Clock clock) {
        this(database, clock, null);
    }

    /** @param nodeId the node (decision 0019) whose claims and start-up recovery this repository makes */
    public JdbcJobRepository(SqlDatabase database, Clock clock, String nodeId) {
        this.database = database;
        this.clock = clock;
        this.nodeId = nodeId;
        this.writes = new JobWrites(clock, database.dialect());
        Dialect dialect = database.dialect();
        this.dialect = dialect;
        this.selectByInput = selectByInput(dialect);
        this.selectTwin = dialect.firstRows(
                "SELECT id FROM jobs WHERE input_path = ? AND input_size = ? AND input_mtime = ? AND id <> ?", 1);
        this.selectLatestPauseOrigin = dialect.firstRows(
                "SELECT from_status FROM job_events WHERE job_id = ? AND type = 'PAUSED' ORDER BY id DESC", 1);
        this.requeueAfterStop = ", status_reason = 'queued again: the daemon stopped while it ran', attempts = "
                + dialect.greatest("attempts - 1", "0") + ", not_before = NULL";
        this.lockInputPath = dialect.lockKeyForTransaction();
    }

    /** Served by the index jobs_claim_order; see the schema test. */
    static String selectClaimable(Dialect dialect) {
        return selectClaimable(dialect, 0);
    }

    /**
     * The next runnable job, one row at a time: on PostgreSQL each row the claim reads is locked until it
     * commits, and locking a batch of candidates for every claim (a row lock is a write) cut the cluster's
     * claim rate to a fifth. Jobs this claim already passed over are left out by id.
     */
    static String selectClaimable(Dialect dialect, int passedOver) {
        return selectClaimable(dialect, passedOver, ClaimFolders.ANY);
    }

    /**
     * Also leaves out, or keeps only, the jobs of some watch folders (schedules per folder, decision 0032);
     * the folders' keys follow the passed-over ids among the parameters. A job without a folder follows the
     * global schedule: a NOT IN would drop it (NULL is never "not in"), so it is let through by name.
     */
    static String selectClaimable(Dialect dialect, int passedOver, ClaimFolders folders) {
        String leaveOut = passedOver == 0 ? "" : " AND id NOT IN (" + placeholders(passedOver) + ")";
        String byFolder = "";
        if (folders.only()) {
            byFolder = " AND watch_folder IN (" + placeholders(folders.folders().size()) + ")";
        } else if (!folders.folders().isEmpty()) {
            byFolder = " AND (watch_folder IS NULL OR watch_folder NOT IN ("
                    + placeholders(folders.folders().size()) + "))";
        }
        return dialect.claimCandidates(
                SELECT_JOB + " WHERE status = 'QUEUED' AND (not_before IS NULL OR not_before <= ?)" + leaveOut
                        + byFolder + " ORDER BY priority DESC, created_at, id",
                1);
    }

    private static String placeholders(int count) {
        return "?, ".repeat(count - 1) + "?";
    }

    /** At most this many passed-over jobs are left out in SQL; the rest are passed over one by one. */
    static final int MAX_PASSED_OVER_IN_SQL = 200;

    /** Served by the index jobs_by_input; see the schema test. */
    static String selectByInput(Dialect dialect) {
        return dialect.firstRows(
                SELECT_JOB + " WHERE input_path = ? AND input_size = ? AND input_mtime = ? ORDER BY id DESC", 1);
    }

    @Override
    public Registration registerFile(NewFile file) {
        return database.inTransaction(tx -> register(tx, file));
    }

    @Override
    public List<Registration> registerFiles(List<NewFile> files) {
        // Each registration locks its path until the batch commits; taking those locks in path order means
        // two nodes that found one share's files in different orders wait for each other, never deadlock.
        List<Integer> byPath = IntStream.range(0, files.size())
                .boxed()
                .sorted(Comparator.comparing(i -> files.get(i).inputPath()))
                .toList();
        return database.inTransaction(tx -> {
            Registration[] registrations = new Registration[files.size()];
            if (lockInputPath.isEmpty()) {
                for (int i : byPath) {
                    registrations[i] = register(tx, files.get(i));
                }
                return List.of(registrations);
            }
            // Where writers run side by side (PostgreSQL), the batch's path locks and its look-ups take a few
            // statements in all rather than two per file: the intake registers files by the hundred.
            Map<FileVersion, Job> known = lockAndLookUp(tx, files);
            for (int i : byPath) {
                NewFile file = files.get(i);
                FileVersion version = FileVersion.of(file);
                Job existing = known.get(version);
                if (existing != null) {
                    registrations[i] = new Registration(existing, false);
                } else {
                    Registration created = insert(tx, file);
                    known.put(version, created.job());
                    registrations[i] = created;
                }
            }
            return List.of(registrations);
        });
    }

    /** A file version, the de-duplication key of a registration: path, size and modification time. */
    private record FileVersion(String path, long size, long mtimeMillis) {
        static FileVersion of(NewFile file) {
            return new FileVersion(file.inputPath(), file.size(), file.mtimeMillis());
        }

        static FileVersion of(Job job) {
            return new FileVersion(job.inputPath(), job.inputSize(), job.inputMtimeMillis());
        }
    }

    /** Locks every path of the batch (in one order on every node), then finds the jobs of its file versions. */
    private Map<FileVersion, Job> lockAndLookUp(Transaction tx, List<NewFile> files) {
        List<String> paths =
                files.stream().map(NewFile::inputPath).distinct().sorted().toList();
        for (int from = 0; from < paths.size(); from += BATCH_LOOK_UP) {
            List<String> chunk = paths.subList(from, Math.min(paths.size(), from + BATCH_LOOK_UP));
            tx.queryOne(dialect.lockKeysForTransaction(chunk.size()).orElseThrow(), row -> true, chunk.toArray());
        }
        Map<FileVersion, Job> known = new java.util.HashMap<>();
        for (int from = 0; from < files.size(); from += BATCH_LOOK_UP) {
            List<NewFile> chunk = files.subList(from, Math.min(files.size(), from + BATCH_LOOK_UP));
            Object[] params = chunk.stream()
                    .flatMap(file -> java.util.stream.Stream.of(file.inputPath(), file.size(), file.mtimeMillis()))
                    .toArray();
            // Oldest first, so the newest job of a version wins, as the single look-up's ORDER BY id DESC.
            for (Job job : tx.query(
                    SELECT_JOB + " WHERE (input_path, input_size, input_mtime) IN ("
                            + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?)"))
                            + ") ORDER BY id",
                    JOB,
                    params)) {
                known.put(FileVersion.of(job), job);
            }
        }
        return known;
    }

    private Registration register(Transaction tx, NewFile file) {
        lockInputPath(tx, file.inputPath());
        Optional<Job> existing = tx.queryOne(selectByInput, JOB, file.inputPath(), file.size(), file.mtimeMillis());
        if (existing.isPresent()) {
            return new Registration(existing.get(), false);
        }
        return insert(tx, file);
    }

    private Registration insert(Transaction tx, NewFile file) {
        JobPlan plan = file.plan();
        JobStatus status = plan == null ? WAITING : QUEUED;
        String reason = plan == null ? file.waitingReason() : "queued";
        Instant now = clock.instant();
        Job created = writes.insertWithEvent(
                tx,
                "INSERT INTO jobs (input_path, input_size, input_mtime, filename, status, status_reason,"
                        + " profile, output_path, on_success, priority, created_at, media_duration_seconds,"
                        + " bitrate, resolution, watch_folder, planned_profile)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new Object[] {
                    file.inputPath(),
                    file.size(),
                    file.mtimeMillis(),
                    fileNameOf(file.inputPath()),
                    status,
                    reason,
                    plan == null ? null : plan.profile(),
                    plan == null ? null : plan.outputPath(),
                    plan == null ? null : plan.onSuccess(),
                    plan == null ? 0 : plan.priority(),
                    now,
                    plan == null ? null : plan.mediaDurationSeconds(),
                    plan == null ? null : plan.bitrate(),
                    plan == null ? null : plan.resolution(),
                    file.watchFolder(),
                    plan == null ? null : plan.plannedProfile()
                },
                now,
                status,
                reason);
        return new Registration(created, true);
    }

    /**
     * Where writers do not exclude each other (PostgreSQL), makes a second transaction about the same file
     * wait until this one ends, so that its look-up then sees the job this one made: two daemons that find
     * the same file at once register it once.
     */
    private void lockInputPath(Transaction tx, String inputPath) {
        lockInputPath.ifPresent(lock -> tx.queryOne(lock, row -> true, inputPath));
    }

    @Override
    public Job updateWaiting(long id, String reason) {
        return database.inTransaction(tx -> {
            Job current = writes.load(tx, id);
            JobCommand.UPDATE_SETTLING.require(id, current.status());
            JobWrites.checkedUpdate(tx, current, "UPDATE jobs SET status_reason = ?, version = version + 1", reason);
            return writes.load(tx, id);
        });
    }

    @Override
    public Job noteHeld(long id, String reason) {
        return database.inTransaction(tx -> {
            Job current = writes.load(tx, id);
            if (current.status() != JobStatus.QUEUED || java.util.Objects.equals(current.statusReason(), reason)) {
                return current;
            }
            JobWrites.checkedUpdate(tx, current, "UPDATE jobs SET status_reason = ?, version = version + 1", reason);
            return writes.load(tx, id);
        });
    }

    @Override
    public Job markQueued(long id, JobPlan plan) {
        return change(
                id,
                JobCommand.QUEUE,
                "ready",
                ", status_reason = 'queued', profile = ?, output_path = ?, on_success = ?, priority = ?,"
                        + " media_duration_seconds = ?, bitrate = ?, resolution = ?, planned_profile = ?",
                plan.profile(),
                plan.outputPath(),
                plan.onSuccess(),
                plan.priority(),
                plan.mediaDurationSeconds(),
                plan.bitrate(),
                plan.resolution(),
                plan.plannedProfile());
    }

    @Override
    public List<Job> markReady(List<ReadyFile> files) {
        // In job order, so that the path locks of two nodes marking the same jobs are taken in one order.
        List<ReadyFile> byJob = files.stream()
                .sorted(Comparator.comparingLong(ReadyFile::jobId))
                .toList();
        return database.inTransaction(tx -> byJob.stream()
                .map(file -> markReady(tx, file))
                .flatMap(Optional::stream)
                .toList());
    }

    private Optional<Job> markReady(Transaction tx, ReadyFile file) {
        Optional<Job> found = writes.find(tx, file.jobId());
        if (found.isEmpty() || found.get().status() != WAITING) {
            return Optional.empty(); // cancelled or deleted while the file settled
        }
        lockInputPath(tx, found.get().inputPath());
        if (lockInputPath.isPresent()) {
            // Read again under the lock: another node watching the same folder may have marked it ready while
            // this transaction waited for the lock.
            found = writes.find(tx, file.jobId());
            if (found.isEmpty() || found.get().status() != WAITING) {
                return Optional.empty();
            }
        }
        Job current = found.get();
        Optional<Long> twin = tx.queryOne(
                selectTwin, row -> row.getLong(1), current.inputPath(), file.size(), file.mtimeMillis(), current.id());
        if (twin.isPresent()) {
            String reason = "this exact file was already handled as job " + twin.get();
            return Optional.of(writes.write(
                    tx,
                    current,
                    JobCommand.DROP_DUPLICATE,
                    reason,
                    ", status_reason = ?, completed_at = ?",
                    reason,
                    clock.instant()));
        }
        JobPlan plan = file.plan();
        return Optional.of(writes.write(
                tx,
                current,
                JobCommand.QUEUE,
                "ready",
                ", status_reason = 'queued', input_size = ?, input_mtime = ?, profile = ?, output_path = ?,"
                        + " on_success = ?, priority = ?, media_duration_seconds = ?, bitrate = ?, resolution = ?,"
                        + " planned_profile = ?",
                file.size(),
                file.mtimeMillis(),
                plan.profile(),
                plan.outputPath(),
                plan.onSuccess(),
                plan.priority(),
                plan.mediaDurationSeconds(),
                plan.bitrate(),
                plan.resolution(),
                plan.plannedProfile()));
    }

    @Override
    public Optional<Job> claimNext(Instant now, java.util.function.Predicate<Job> admit, ClaimFolders folders) {
        return claimNext(now, admit, java.util.Set.of(), folders);
    }

    @Override
    public Optional<Job> claimNext(
            Instant now, java.util.function.Predicate<Job> admit, java.util.Set<Long> passOver, ClaimFolders folders) {
        if (folders.excludesEverything()) {
            return Optional.empty();
        }
        List<String> folderKeys = List.copyOf(folders.folders());
        return database.inTransaction(tx -> {
            // Left out in SQL: the jobs the caller passes over (up to a bound) and those this claim looked at.
            List<Object> leftOut = new ArrayList<>(
                    passOver.stream().limit(MAX_PASSED_OVER_IN_SQL).toList());
            for (int look = 0; look < CLAIM_CANDIDATES; look++) {
                List<Object> parameters = new ArrayList<>(leftOut.size() + folderKeys.size() + 1);
                parameters.add(now);
                parameters.addAll(leftOut);
                parameters.addAll(folderKeys);
                Optional<Job> next =
                        tx.queryOne(selectClaimable(dialect, leftOut.size(), folders), JOB, parameters.toArray());
                if (next.isEmpty()) {
                    break;
                }
                Job candidate = next.get();
                leftOut.add(candidate.id());
                JobCommand.CLAIM.require(candidate.id(), candidate.status());
                if (passOver.contains(candidate.id()) || !admit.test(candidate)) {
                    continue;
                }
                int attempt = candidate.attempts() + 1;
                // Not a checked write: losing the race for one candidate moves on to the next one.
                Optional<Job> won = writes.updateWithEvent(
                        tx,
                        "UPDATE jobs SET status = ?, version = version + 1, attempts = attempts + 1,"
                                + " started_at = ?, completed_at = NULL, not_before = NULL, error = NULL,"
                                + " status_reason = ?, node_id = ?, lease = lease + 1"
                                + " WHERE id = ? AND version = ? AND status = ?",
                        new Object[] {
                            JobCommand.CLAIM.target(),
                            now,
                            "processing, attempt " + attempt,
                            nodeId,
                            candidate.id(),
                            candidate.version(),
                            candidate.status()
                        },
                        candidate,
                        JobCommand.CLAIM.event(),
                        JobCommand.CLAIM.target(),
                        "attempt " + attempt);
                if (won.isPresent()) {
                    return won;
                }
            }
            return Optional.<Job>empty();
        });
    }

    @Override
    public Optional<Instant> nextNotBefore(Instant now) {
        return database.queryOne(
                "SELECT MIN(not_before) FROM jobs WHERE status = 'QUEUED' AND not_before > ?",
                row -> {
                    long millis = row.getLong(1);
                    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
                },
                now);
    }

    @Override
    public Job markCompleted(long id, ExecutionResult result) {
        return database.inTransaction(tx -> {
            // The publish journal's row goes in the same transaction: completed and "still publishing" can
            // never both be true, and neither can be lost.
            JdbcPublishIntentStore.removeOnCompletion(tx, id);
            return writes.change(
                    tx, id, JobCommand.COMPLETE, result.outputPath(), COMPLETED_ASSIGNMENTS, completedValues(result));
        });
    }

    private Object[] completedValues(ExecutionResult result) {
        return new Object[] {
            clock.instant(),
            result.outputPath(),
            result.verified(),
            result.processingSeconds(),
            result.mediaDurationSeconds(),
            result.bitrate(),
            result.resolution(),
            result.outputSize()
        };
    }

    @Override
    public Job markCompleted(Lease lease, ExecutionResult result) {
        return database.inTransaction(tx -> {
            Job current = holding(tx, lease);
            JdbcPublishIntentStore.removeOnCompletion(tx, lease.jobId());
            return writes.writeLeased(
                    tx,
                    current,
                    lease,
                    JobCommand.COMPLETE,
                    result.outputPath(),
                    COMPLETED_ASSIGNMENTS,
                    completedValues(result));
        });
    }

    @Override
    public Job markFailed(Lease lease, String error, Double processingSeconds) {
        return database.inTransaction(tx -> writes.writeLeased(
                tx,
                holding(tx, lease),
                lease,
                JobCommand.FAIL,
                error,
                FAILED_ASSIGNMENTS,
                "failed: " + error,
                error,
                clock.instant(),
                processingSeconds));
    }

    @Override
    public Job scheduleRetry(Lease lease, Instant notBefore, String reason, String error, Double processingSeconds) {
        return database.inTransaction(tx -> writes.writeLeased(
                tx,
                holding(tx, lease),
                lease,
                JobCommand.SCHEDULE_RETRY,
                reason,
                RETRY_ASSIGNMENTS,
                reason,
                error,
                notBefore,
                processingSeconds));
    }

    @Override
    public Job requeueAfterStop(Lease lease) {
        return database.inTransaction(tx -> {
            Job current = holding(tx, lease);
            if (JdbcPublishIntentStore.isPublishing(tx, lease.jobId())) {
                return current;
            }
            return writes.writeLeased(
                    tx, current, lease, JobCommand.REQUEUE_AFTER_STOP, "the daemon stopped", requeueAfterStop);
        });
    }

    @Override
    public List<Lease> leasesHeld() {
        if (nodeId == null) {
            return List.of();
        }
        return database.query(
                "SELECT id, lease FROM jobs WHERE node_id = ? AND status IN ('PROCESSING', 'PAUSED')",
                row -> new Lease(row.getLong(1), row.getLong(2)),
                nodeId);
    }

    @Override
    public List<Job> rescueJobsOfDeadNodes(Duration nodeTimeout, int maxAttempts) {
        List<Job> stranded = database.query(
                SELECT_JOB + " WHERE status IN ('PROCESSING', 'PAUSED') AND (node_id IS NULL OR node_id NOT IN"
                        + " (SELECT id FROM nodes WHERE last_heartbeat >= "
                        + database.dialect().nowMillis()
                        + " - ?)) ORDER BY id",
                JOB,
                nodeTimeout.toMillis());
        List<Job> rescued = new java.util.ArrayList<>();
        for (Job job : stranded) {
            try {
                database.inTransaction(tx -> rescue(tx, job, maxAttempts)).ifPresent(rescued::add);
            } catch (IllegalTransitionException e) {
                // It changed meanwhile (its node came back and finished it, or a user acted): not stranded.
            }
        }
        return rescued;
    }

    @Override
    public List<Job> recoverOrphans(List<Lease> orphans, int maxAttempts) {
        List<Job> recovered = new java.util.ArrayList<>();
        for (Lease lease : orphans) {
            try {
                database.inTransaction(tx -> {
                            Job job = holding(tx, lease);
                            return java.util.Objects.equals(job.nodeId(), nodeId)
                                    ? rescue(tx, job, maxAttempts)
                                    : Optional.<Job>empty();
                        })
                        .ifPresent(recovered::add);
            } catch (LeaseLostException | IllegalTransitionException e) {
                // Its run ended meanwhile, or it was taken over: not an orphan.
            }
        }
        return recovered;
    }

    private Optional<Job> rescue(Transaction tx, Job job, int maxAttempts) {
        if (isHeld(tx, job)) {
            return Optional.empty();
        }
        if (JdbcPublishIntentStore.isPublishing(tx, job.id())) {
            // Its verified output may already carry the final name; running it again could publish twice.
            // The node finishes that publish itself when it starts again (its start-up recovery).
            return Optional.empty();
        }
        String node = job.nodeId() == null ? "a node from before nodes were recorded" : "node " + job.nodeId();
        if (job.attempts() >= maxAttempts) {
            String error = node + " stopped answering during attempt " + job.attempts() + " of " + maxAttempts
                    + "; no attempts left";
            return Optional.of(writes.write(
                    tx,
                    job,
                    JobCommand.RECOVER_EXHAUSTED,
                    error,
                    ", status_reason = ?, error = ?, completed_at = ?, lease = lease + 1",
                    "failed: " + error,
                    error,
                    clock.instant()));
        }
        String reason = "taken over: " + node + " stopped answering";
        return Optional.of(writes.write(
                tx,
                job,
                JobCommand.RECOVER,
                reason,
                ", status_reason = ?, not_before = NULL, node_id = NULL, lease = lease + 1",
                reason));
    }

    /**
     * The job as it is now, if {@code lease} is still its lease. The write that follows checks the lease in
     * its WHERE as well (with the version it loaded here), so no other writer can come between the two.
     */
    private Job holding(Transaction tx, Lease lease) {
        Job current = writes.load(tx, lease.jobId());
        if (current.lease() != lease.token() || !current.status().isActive()) {
            throw new LeaseLostException(lease);
        }
        return current;
    }

    @Override
    public Job recordInputMedia(long id, InputMedia media) {
        return database.inTransaction(tx -> {
            Job current = writes.load(tx, id);
            JobWrites.checkedUpdate(
                    tx,
                    current,
                    "UPDATE jobs SET media_facts = ?, media_duration_seconds = COALESCE(media_duration_seconds, ?),"
                            + " bitrate = COALESCE(bitrate, ?), resolution = COALESCE(resolution, ?),"
                            + " version = version + 1",
                    MediaFactsJson.write(media.facts()),
                    media.durationSeconds(),
                    media.bitrate(),
                    media.resolution());
            return writes.load(tx, id);
        });
    }

    @Override
    public Job recordThumbnail(long id) {
        return database.inTransaction(tx -> {
            Job current = writes.load(tx, id);
            JobWrites.checkedUpdate(tx, current, "UPDATE jobs SET thumbnail = ?, version = version + 1", true);
            return writes.load(tx, id);
        });
    }

    @Override
    public Job markFailed(long id, String error, Double processingSeconds) {
        return change(
                id,
                JobCommand.FAIL,
                error,
                FAILED_ASSIGNMENTS,
                "failed: " + error,
                error,
                clock.instant(),
                processingSeconds);
    }

    @Override
    public Job scheduleRetry(long id, Instant notBefore, String reason, String error, Double processingSeconds) {
        return change(
                id, JobCommand.SCHEDULE_RETRY, reason, RETRY_ASSIGNMENTS, reason, error, notBefore, processingSeconds);
    }

    @Override
    public Job requeueAfterStop(long id) {
        return database.inTransaction(tx -> {
            if (JdbcPublishIntentStore.isPublishing(tx, id)) {
                // Its output may already carry the final name; start-up recovery finishes the job instead.
                return writes.load(tx, id);
            }
            return writes.change(tx, id, JobCommand.REQUEUE_AFTER_STOP, "the daemon stopped", requeueAfterStop);
        });
    }

    @Override
    public Job pause(long id) {
        return change(id, JobCommand.PAUSE, null, ", status_reason = 'paused'");
    }

    @Override
    public Job resumeRunning(long id) {
        return change(id, JobCommand.RESUME_RUNNING, null, ", status_reason = 'processing, resumed'");
    }

    @Override
    public Job release(long id) {
        return change(id, JobCommand.RELEASE, null, ", status_reason = 'queued'");
    }

    @Override
    public Job cancel(long id, String reason) {
        return database.inTransaction(tx -> {
            if (JdbcPublishIntentStore.isPublishing(tx, id)) {
                Job current = writes.load(tx, id);
                throw new IllegalTransitionException(
                        id,
                        current.status(),
                        "job " + id + " is publishing its verified output; it can no longer be cancelled");
            }
            return writes.change(
                    tx,
                    id,
                    JobCommand.CANCEL,
                    reason,
                    ", status_reason = ?, completed_at = ?",
                    reason,
                    clock.instant());
        });
    }

    @Override
    public Job retry(long id, String plannedProfile) {
        return change(
                id,
                JobCommand.RETRY,
                "retry requested",
                ", status_reason = 'queued again on request', attempts = 0, error = NULL, completed_at = NULL,"
                        + " not_before = NULL, verified = NULL, planned_profile = COALESCE(?, planned_profile)",
                plannedProfile);
    }

    @Override
    public void delete(long id) {
        database.inTransaction(tx -> {
            Job current = writes.load(tx, id);
            JobCommand.DELETE.require(id, current.status());
            // The history rows go with it through ON DELETE CASCADE.
            return JobWrites.checkedUpdate(tx, current, "DELETE FROM jobs");
        });
    }

    @Override
    public Job setPriority(long id, int priority) {
        return database.inTransaction(tx -> {
            Job current = writes.load(tx, id);
            JobCommand.SET_PRIORITY.require(id, current.status());
            JobWrites.checkedUpdate(tx, current, "UPDATE jobs SET priority = ?, version = version + 1", priority);
            writes.recordEvent(
                    tx,
                    current,
                    JobCommand.SET_PRIORITY.event(),
                    current.status(),
                    "priority " + current.priority() + " -> " + priority);
            return writes.load(tx, id);
        });
    }

    @Override
    public Optional<String> plannedProfile(long id) {
        return database.queryOne("SELECT planned_profile FROM jobs WHERE id = ?", row -> row.getString(1), id)
                .filter(java.util.Objects::nonNull);
    }

    @Override
    public Optional<Job> find(long id) {
        return database.queryOne(SELECT_JOB + " WHERE id = ?", JOB, id);
    }

    @Override
    public Job get(long id) {
        return find(id).orElseThrow(() -> new JobNotFoundException(id));
    }

    @Override
    public List<Job> list(JobFilter filter) {
        JobQuery where = JobQuery.of(filter, database.dialect());
        return database.query(
                database.dialect().page(SELECT_JOB + where.sql() + JobQuery.orderBy(filter.sort())),
                JOB,
                where.paramsAnd(filter.limit(), filter.offset()));
    }

    @Override
    public long count(JobFilter filter) {
        JobQuery where = JobQuery.of(filter, database.dialect());
        return database.queryOne("SELECT COUNT(*) FROM jobs" + where.sql(), row -> row.getLong(1), where.paramsAnd())
                .orElse(0L);
    }

    @Override
    public List<JobHistoryEntry> events(long jobId) {
        get(jobId);
        return database.query(SELECT_EVENT + " WHERE job_id = ? ORDER BY id", EVENT, jobId);
    }

    @Override
    public List<Job> recoverAfterCrash(int maxAttempts) {
        // On a database other nodes share, a running job of another node is theirs, running now: only this
        // node's own are interrupted. A dead node's jobs are the rescuer's (decision 0019).
        boolean ownOnly = database.sharedByNodes() && nodeId != null;
        String select = SELECT_JOB + " WHERE status IN ('PROCESSING', 'PAUSED')" + (ownOnly ? " AND node_id = ?" : "")
                + " ORDER BY id";
        Object[] params = ownOnly ? new Object[] {nodeId} : new Object[0];
        return database.inTransaction(tx -> tx.query(select, JOB, params).stream()
                .filter(job -> !isHeld(tx, job))
                .map(job -> recover(tx, job, maxAttempts))
                .toList());
    }

    /**
     * A job paused while it was still queued was never running: the hold is the user's wish and
     * survives a restart. Only its latest pause tells the two kinds of paused job apart.
     */
    private boolean isHeld(Transaction tx, Job job) {
        return job.status() == PAUSED
                && tx.queryOne(selectLatestPauseOrigin, row -> row.getString(1), job.id())
                        .map(QUEUED.name()::equals)
                        .orElse(false);
    }

    private Job recover(Transaction tx, Job job, int maxAttempts) {
        if (job.attempts() >= maxAttempts) {
            String error = "the daemon stopped unexpectedly during attempt " + job.attempts() + " of " + maxAttempts
                    + "; no attempts left";
            return writes.write(
                    tx,
                    job,
                    JobCommand.RECOVER_EXHAUSTED,
                    error,
                    ", status_reason = ?, error = ?, completed_at = ?, lease = lease + 1",
                    "failed: " + error,
                    error,
                    clock.instant());
        }
        return writes.write(
                tx,
                job,
                JobCommand.RECOVER,
                "recovered after an unexpected stop",
                ", status_reason = 'recovered after an unexpected stop', not_before = NULL, lease = lease + 1");
    }

    /** One transaction of {@link JobWrites#change}. */
    private Job change(long id, JobCommand command, String detail, String assignments, Object... values) {
        return database.inTransaction(tx -> writes.change(tx, id, command, detail, assignments, values));
    }

    private static String fileNameOf(String inputPath) {
        Path name = Path.of(inputPath).getFileName();
        return name == null ? inputPath : name.toString();
    }
}
