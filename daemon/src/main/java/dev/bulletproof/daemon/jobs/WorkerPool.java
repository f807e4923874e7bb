package dev.bulletproof.daemon.jobs;

import dev.bulletproof.daemon.BackgroundLoop;
import dev.bulletproof.daemon.events.Alert;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.model.JobStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs queued jobs, at most {@code maxWorkers} at a time. One dispatcher thread claims jobs and starts a
 * thread per running job; when it cannot start anything it sleeps, outside the lock, on a signal (a job
 * queued, a run ended, the queue resumed) or until the earliest retry delay ends. Raising that signal
 * takes no lock, because it is raised from job-change events, which are delivered while the repository
 * holds its commit-order lock; the dispatcher holds the pool lock while it claims, so a signal that
 * needed the pool lock could deadlock the two.
 *
 * <p>Claims, control requests (pause, cancel...) and the recording of outcomes all happen under one
 * lock, so a cancel and a job finishing at the same moment resolve to exactly one of the two.
 *
 * <p>A paused run keeps its suspended encoder but no worker: only busy runs (running and not paused)
 * count against {@code maxWorkers}, so the job queued behind a paused one starts. Resuming it waits for
 * a free worker, and a waiting resume goes before any queued job.
 *
 * <p>A schedule acts through {@link #applySchedule}: outside its windows it holds new jobs back and, for a
 * {@code pause} schedule, suspends the running encodes as a pause would. The pool remembers which jobs the
 * schedule suspended, so that a window opening continues only those and never a job a person paused.
 *
 * <p>A watch folder with a schedule of its own acts through {@link #applyFolderSchedule} the same way, on
 * that folder's jobs only (decision 0032): its closed folder's queued jobs are left out of the claim, its
 * running ones are suspended or left to finish, and its window's limit caps how many of its jobs run. The
 * global schedule then no longer holds or suspends that folder's jobs.
 */
public final class WorkerPool implements QueueControl {

    private static final System.Logger LOG = System.getLogger(WorkerPool.class.getName());
    /** Safety net: look at the queue now and then even without a signal, e.g. jobs added by another process. */
    private static final Duration IDLE_RECHECK = Duration.ofSeconds(30);

    private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);
    /** How long cancel() waits for a running encoder to stop and clean up before it returns anyway. */
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(15);

    private enum State {
        NEW,
        RUNNING,
        STOPPING,
        STOPPED
    }

    private final JobRepository repository;
    private final JobExecutor executor;
    private final EventBus bus;
    private final Clock clock;
    private final OutcomeRecorder outcomes;
    private final ReentrantLock lock = new ReentrantLock();
    /** Wake-up signal for the dispatcher; permits pile up harmlessly and are drained on each wake. */
    private final Semaphore wake = new Semaphore(0);

    private final Map<Long, RunningJob> running = new ConcurrentHashMap<>();
    /** Suspended runs whose resume waits for a free worker, oldest request first. Guarded by the lock. */
    private final Set<Long> awaitingResume = new LinkedHashSet<>();

    private final LiveProgressBoard progress;

    private volatile int maxWorkers;
    private volatile boolean queuePaused;
    private volatile StartAdmission admission = StartAdmission.ALWAYS;
    /** Paused by a drain whose running jobs have not all ended yet. */
    private volatile boolean draining;
    /** The schedule keeps new jobs from starting. */
    private volatile boolean scheduleHolds;
    /** The schedule suspends running encodes (a {@code pause} schedule outside its windows). */
    private boolean scheduleSuspends;
    /** The open window's worker limit; null when the config's applies. */
    private volatile Integer scheduleLimit;
    /**
     * Runs a schedule suspended, in the order it did, each with the schedule's scope ({@link #GLOBAL_SCOPE}
     * or the folder's key); guarded by the lock.
     */
    private final Map<Long, String> suspendedBySchedule = new java.util.LinkedHashMap<>();
    /** The folders with a schedule of their own and what it says now; written under the lock. */
    private final Map<String, FolderGate> folderGates = new ConcurrentHashMap<>();

    /** The scope of the global schedule among the suspensions. */
    private static final String GLOBAL_SCOPE = "";

    /** What a folder's own schedule says: hold new jobs, suspend running ones, at most {@code limit} at once. */
    private record FolderGate(boolean holds, boolean suspends, Integer limit) {}
    /** Set while this node cannot confirm its heartbeat: it takes no new job (decision 0019). */
    private volatile boolean claimsHeld;

    private volatile State state = State.NEW;
    private BackgroundLoop dispatcher;
    /** Why the dispatcher ended without being stopped (an {@link Error}); null while it runs or after a stop. */
    private volatile String dispatcherDeath;

    private AutoCloseable queuedSubscription;

    public WorkerPool(
            JobRepository repository, JobExecutor executor, EventBus bus, Clock clock, WorkerSettings settings) {
        this(repository, executor, bus, clock, settings, new LiveProgressBoard());
    }

    /** @param progress where the live progress of running jobs is kept, for job events and queries */
    public WorkerPool(
            JobRepository repository,
            JobExecutor executor,
            EventBus bus,
            Clock clock,
            WorkerSettings settings,
            LiveProgressBoard progress) {
        this.progress = progress;
        this.repository = repository;
        this.executor = executor;
        this.bus = bus;
        this.clock = clock;
        this.outcomes = new OutcomeRecorder(repository, settings, clock);
        this.maxWorkers = settings.maxWorkers();
    }

    /** What decides whether a queued job may start now (the disk guard); set before {@link #start()}. */
    public void admitWith(StartAdmission admission) {
        this.admission = java.util.Objects.requireNonNull(admission);
    }

    /** Starts claiming jobs. Run crash recovery on the repository first. */
    public void start() {
        lock.lock();
        try {
            if (state != State.NEW) {
                throw new IllegalStateException("a worker pool starts once; it is " + state);
            }
            state = State.RUNNING;
            queuedSubscription = bus.subscribe(JobEvent.Changed.class, changed -> {
                if (changed.job().status() == JobStatus.QUEUED) {
                    wakeUp();
                }
                RunningJob run = running.get(changed.job().id());
                if (run != null && changed.job().status().isActive()) {
                    run.latest = changed.job(); // what its progress events carry
                }
            });
            dispatcherDeath = null;
            dispatcher = BackgroundLoop.start(
                    "bulletproof-dispatcher", this::dispatchRound, ERROR_PAUSE, this::dispatcherDied);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops in order: no new claims; running executions are cancelled and their jobs go back to queued,
     * so the next start runs them again. Returns when every worker has ended or {@code grace} has passed;
     * jobs whose workers are still busy then are put back to queued anyway. Calling it again does nothing.
     */
    public void stop(Duration grace) {
        List<Thread> threads = new ArrayList<>();
        lock.lock();
        try {
            if (state != State.RUNNING) {
                state = State.STOPPED;
                return;
            }
            state = State.STOPPING;
            wakeUp();
            for (RunningJob run : running.values()) {
                run.stop();
                threads.add(run.thread);
            }
        } finally {
            lock.unlock();
        }
        closeQuietly(queuedSubscription);
        dispatcher.stop(grace);
        awaitEnd(threads, grace);
        requeueLeftovers();
    }

    /** Wakes the dispatcher, e.g. after the clock moved or another process changed the queue. */
    public void wakeUp() {
        wake.release();
    }

    public void setMaxWorkers(int workers) {
        WorkerSettings.requireWorkerCount(workers);
        underLock(() -> {
            if (maxWorkers != workers) {
                int before = maxWorkers();
                maxWorkers = workers;
                if (maxWorkers() != before) {
                    publishQueueState();
                }
                wakeUp();
            }
            return null;
        });
    }

    /** The limit in force: the schedule window's when it sets one, else the config's. */
    @Override
    public int maxWorkers() {
        Integer limit = scheduleLimit;
        return limit == null ? maxWorkers : limit;
    }

    /** The config's max_workers, whatever a schedule window says. */
    public int configuredMaxWorkers() {
        return maxWorkers;
    }

    /**
     * What the schedule says now. Called when it changes (and once at start, before {@link #start}).
     * Suspending marks the running encodes as paused and frees their workers; lifting it continues the jobs
     * the schedule suspended (only those), each as a worker is free under the new limit, before any queued
     * job. A job a person resumes while the schedule suspends runs: a person's word on one job wins.
     *
     * @param holdNew no new job starts
     * @param suspendRunning running encodes are suspended (implies {@code holdNew})
     * @param limit the window's worker limit; null for the config's max_workers
     */
    public void applySchedule(boolean holdNew, boolean suspendRunning, Integer limit) {
        if (limit != null) {
            WorkerSettings.requireWorkerCount(limit);
        }
        underLock(() -> {
            boolean changed = scheduleHolds != (holdNew || suspendRunning) || !Objects.equals(limit, scheduleLimit);
            int before = maxWorkers();
            scheduleHolds = holdNew || suspendRunning;
            scheduleLimit = limit;
            if (suspendRunning && !scheduleSuspends) {
                suspendRunsForSchedule(GLOBAL_SCOPE);
            } else if (!suspendRunning && scheduleSuspends) {
                continueRunsOfSchedule(GLOBAL_SCOPE);
            }
            scheduleSuspends = suspendRunning;
            if (changed || maxWorkers() != before) {
                publishQueueState();
            }
            wakeUp();
            endDrainIfDone();
            return null;
        });
    }

    /**
     * What the own schedule of the watch folder {@code folder} (its key, as jobs record it) says now, like
     * {@link #applySchedule} for that folder's jobs only. The first call makes the folder's jobs follow its
     * own schedule instead of the global one; make it before {@link #start}.
     *
     * @param limit the folder window's limit on the folder's running jobs; null for none of its own
     */
    public void applyFolderSchedule(String folder, boolean holdNew, boolean suspendRunning, Integer limit) {
        Objects.requireNonNull(folder, "folder");
        if (limit != null) {
            WorkerSettings.requireWorkerCount(limit);
        }
        underLock(() -> {
            FolderGate before = folderGates.get(folder);
            boolean wasSuspending = before != null && before.suspends();
            folderGates.put(folder, new FolderGate(holdNew || suspendRunning, suspendRunning, limit));
            if (suspendRunning && !wasSuspending) {
                suspendRunsForSchedule(folder);
            } else if (!suspendRunning && wasSuspending) {
                continueRunsOfSchedule(folder);
            }
            wakeUp();
            endDrainIfDone();
            return null;
        });
    }

    @Override
    public boolean isHeldBySchedule() {
        return scheduleHolds;
    }

    @Override
    public Set<Long> suspendedBySchedule() {
        return underLock(() -> Set.copyOf(new LinkedHashSet<>(suspendedBySchedule.keySet())));
    }

    /** The jobs the own schedule of {@code folder} suspended. */
    public Set<Long> suspendedBySchedule(String folder) {
        return underLock(() -> suspendedBySchedule.entrySet().stream()
                .filter(entry -> entry.getValue().equals(folder))
                .map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /** The schedule that decides for a run: its folder's own, else the global one. */
    private String scopeOf(RunningJob run) {
        String folder = run.job.watchFolder();
        return folder != null && folderGates.containsKey(folder) ? folder : GLOBAL_SCOPE;
    }

    /** Called with the lock held. A run whose pause fails (it is publishing, say) runs on. */
    private void suspendRunsForSchedule(String scope) {
        for (RunningJob run : List.copyOf(running.values())) {
            if (run.suspended || !scopeOf(run).equals(scope)) {
                continue; // paused by a person (theirs to resume), or another schedule's job
            }
            try {
                repository.pause(run.id());
                run.suspend();
                suspendedBySchedule.put(run.id(), scope);
                LOG.log(
                        System.Logger.Level.INFO,
                        "job " + run.id() + " suspended by the schedule"
                                + (scope.equals(GLOBAL_SCOPE) ? "" : " of " + scope));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "job " + run.id() + " could not be suspended by the schedule", e);
            }
        }
    }

    /**
     * Called with the lock held: the jobs the schedule of {@code scope} suspended wait for workers, oldest
     * suspension first.
     */
    private void continueRunsOfSchedule(String scope) {
        for (var it = suspendedBySchedule.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, String> entry = it.next();
            if (!entry.getValue().equals(scope)) {
                continue;
            }
            RunningJob run = running.get(entry.getKey());
            if (run != null && run.suspended) {
                awaitingResume.add(entry.getKey());
            }
            it.remove();
        }
    }

    /** A folder whose own schedule lets no new job start now: closed, or at its window's limit. */
    private boolean folderFull(String folder) {
        FolderGate gate = folderGates.get(folder);
        return gate != null && (gate.holds() || folderAtLimit(folder));
    }

    /**
     * A folder whose own window's limit is used up. A resume waits for that, not for the window: a person's
     * resume runs a job whatever its schedule says.
     */
    private boolean folderAtLimit(String folder) {
        FolderGate gate = folder == null ? null : folderGates.get(folder);
        return gate != null && gate.limit() != null && runningIn(folder) >= gate.limit();
    }

    /** Busy workers on jobs of {@code folder}. */
    private int runningIn(String folder) {
        return (int) running.values().stream()
                .filter(run -> !run.suspended && folder.equals(run.job.watchFolder()))
                .count();
    }

    /**
     * Which folders this claim may take from: while the global schedule holds, only the folders whose own
     * schedule lets a job start; otherwise every job but those of folders whose own schedule does not.
     */
    private ClaimFolders claimableFolders() {
        if (folderGates.isEmpty()) {
            return scheduleHolds ? ClaimFolders.only(Set.of()) : ClaimFolders.ANY;
        }
        Set<String> full = new java.util.HashSet<>();
        Set<String> free = new java.util.HashSet<>();
        for (String folder : folderGates.keySet()) {
            (folderFull(folder) ? full : free).add(folder);
        }
        return scheduleHolds ? ClaimFolders.only(free) : ClaimFolders.except(full);
    }

    private void publishQueueState() {
        bus.publish(new QueueEvent(queuePaused, maxWorkers(), draining, scheduleHolds));
    }

    /** Stops starting new jobs; running ones continue. */
    @Override
    public void pauseQueue() {
        setQueuePaused(true);
    }

    @Override
    public void resumeQueue() {
        setQueuePaused(false);
    }

    private void setQueuePaused(boolean paused) {
        underLock(() -> {
            if (queuePaused != paused || draining) {
                queuePaused = paused;
                draining = false;
                publishQueueState();
                wakeUp();
            }
            return null;
        });
    }

    @Override
    public void drainQueue() {
        underLock(() -> {
            if (draining) {
                return null;
            }
            queuePaused = true;
            draining = true;
            LOG.log(
                    System.Logger.Level.INFO,
                    "draining: " + runningCount() + " running job(s) finish, nothing new starts");
            publishQueueState();
            endDrainIfDone();
            return null;
        });
    }

    @Override
    public boolean isDraining() {
        return draining;
    }

    /**
     * Called with the lock held whenever a worker may have become free: a drain ends when no job runs (a
     * suspended encode holds no worker, so a paused job does not keep a drain open).
     */
    private void endDrainIfDone() {
        if (draining && runningCount() == 0) {
            draining = false;
            publishQueueState();
            bus.publish(new QueueDrained(clock.instant()));
        }
    }

    @Override
    public boolean isQueuePaused() {
        return queuePaused;
    }

    /**
     * Stops taking new jobs while {@code hold} is true, without touching the running ones; the node's
     * heartbeat holds claims while it cannot write, since the rescuer may hand this node's jobs to others.
     */
    public void holdClaims(boolean hold) {
        if (claimsHeld != hold) {
            claimsHeld = hold;
            LOG.log(
                    System.Logger.Level.WARNING,
                    hold
                            ? "this node cannot confirm it is alive; it takes no new job until it can"
                            : "this node is alive again; it takes jobs again");
            wakeUp();
        }
    }

    public boolean claimsHeld() {
        return claimsHeld;
    }

    /** The leases of the runs under way, for the heartbeat to compare with the database's. */
    public List<Lease> runningLeases() {
        return underLock(() -> running.values().stream()
                .filter(run -> !run.leaseLost)
                .map(run -> run.job.leaseHeld())
                .toList());
    }

    /**
     * Runs {@code action} unless a run of this node holds {@code lease}, with the pool's lock held: no run
     * of the job can start or end meanwhile.
     */
    public <T> Optional<T> unlessRunning(Lease lease, Supplier<T> action) {
        return underLock(() ->
                running.values().stream().anyMatch(run -> run.job.leaseHeld().equals(lease))
                        ? Optional.<T>empty()
                        : Optional.ofNullable(action.get()));
    }

    /** The leases of every run under way, also those being stopped: none of them is an orphan. */
    public List<Lease> allRunLeases() {
        return underLock(
                () -> running.values().stream().map(run -> run.job.leaseHeld()).toList());
    }

    /**
     * Stops the runs holding the leases {@code lost} (every run when it is null: the node must presume it
     * lost every lease). Their encoders are stopped and nothing of them is written or published: their jobs
     * are another node's (decision 0020).
     *
     * @return how many runs were stopped
     */
    public int stopRuns(java.util.Collection<Lease> lost, String why) {
        return underLock(() -> {
            int stopped = 0;
            for (RunningJob run : running.values()) {
                if (!run.leaseLost && (lost == null || lost.contains(run.job.leaseHeld()))) {
                    LOG.log(System.Logger.Level.WARNING, "job " + run.id() + " is stopped on this node: " + why);
                    awaitingResume.remove(run.id());
                    run.loseLease();
                    stopped++;
                }
            }
            return stopped;
        });
    }

    /** Busy workers: runs that are running and not paused. A paused run holds no worker. */
    @Override
    public int runningCount() {
        return (int) running.values().stream().filter(run -> !run.suspended).count();
    }

    public Optional<LiveProgress> progress(long jobId) {
        return progress.of(jobId);
    }

    /**
     * Suspends a running job and frees its worker, or holds a queued one out of the queue. Pausing a job
     * whose resume still waits for a worker withdraws that resume; the job stays paused.
     */
    public Job pause(long jobId) {
        return underLock(() -> {
            if (awaitingResume.remove(jobId)) {
                return repository.get(jobId);
            }
            if (suspendedBySchedule.remove(jobId) != null) {
                return repository.get(jobId); // already suspended; from now on it is the person's pause
            }
            RunningJob run = running.get(jobId);
            Job paused = repository.pause(jobId);
            if (run != null) {
                run.suspend();
                wakeUp(); // its worker is free for the queue
                endDrainIfDone();
            }
            return paused;
        });
    }

    /**
     * Continues a suspended job at once when a worker is free (and no earlier resume waits for one);
     * otherwise the job stays paused until the dispatcher gives it the next free worker, before any
     * queued job. A held (queued-then-paused) job goes back in the queue.
     */
    public Job resume(long jobId) {
        return underLock(() -> {
            suspendedBySchedule.remove(jobId); // a person's resume wins over the schedule's suspension
            RunningJob run = running.get(jobId);
            if (run == null) {
                return repository.release(jobId);
            }
            if (awaitingResume.contains(jobId)) {
                return repository.get(jobId); // asked twice: it already waits for the next free worker
            }
            if (!run.suspended) {
                return repository.resumeRunning(jobId); // refuses with the usual illegal-transition error
            }
            if (awaitingResume.isEmpty() && runningCount() < maxWorkers()) {
                return continueRun(run);
            }
            awaitingResume.add(jobId);
            LOG.log(System.Logger.Level.INFO, "job " + jobId + " resumes when a worker is free");
            return repository.get(jobId);
        });
    }

    private Job continueRun(RunningJob run) {
        Job resumed = repository.resumeRunning(run.id());
        run.resume();
        return resumed;
    }

    /** Cancels a running job (stopping its execution) or a waiting, queued or paused one. */
    /**
     * Cancels a waiting, queued, paused or running job. For a running one it returns once the encoder is
     * gone and its temporary output removed (or after {@link #CANCEL_WAIT}), so that a retry right after
     * can never race the old run for the same files.
     */
    public Job cancel(long jobId) {
        RunningJob[] run = new RunningJob[1];
        Job cancelled = underLock(() -> {
            run[0] = running.get(jobId);
            Job job = repository.cancel(jobId, "cancelled by user");
            awaitingResume.remove(jobId);
            suspendedBySchedule.remove(jobId);
            if (run[0] != null) {
                run[0].cancel();
            }
            return job;
        });
        if (run[0] != null && !run[0].awaitFinished(CANCEL_WAIT)) {
            LOG.log(System.Logger.Level.WARNING, "job " + jobId + " is cancelled but its encoder is slow to stop");
        }
        return cancelled;
    }

    public Job retry(long jobId) {
        return retry(jobId, null);
    }

    /** {@link #retry(long)} with the job's profile planned again ({@link JobRepository#retry(long, String)}). */
    public Job retry(long jobId, String plannedProfile) {
        return underLock(() -> {
            RunningJob run = running.get(jobId);
            if (run != null) {
                throw new IllegalTransitionException(
                        jobId, run.job.status(), "job " + jobId + " is still stopping; retry it in a moment");
            }
            return repository.retry(jobId, plannedProfile);
        });
    }

    public void delete(long jobId) {
        repository.delete(jobId);
    }

    public Job setPriority(long jobId, int priority) {
        return repository.setPriority(jobId, priority);
    }

    /** One round of the dispatcher: start a job, or wait for a reason to look again. */
    private void dispatchRound() {
        Duration idle;
        lock.lock();
        try {
            // A stop in progress: the loop is being ended; the wait below returns at its interrupt.
            idle = state == State.RUNNING ? dispatchOnce() : IDLE_RECHECK;
        } catch (RuntimeException e) {
            // Typically the database (disk full, file locked, server restarting); keep trying instead of dying.
            LOG.log(System.Logger.Level.ERROR, "the dispatcher failed to claim a job; retrying", e);
            idle = ERROR_PAUSE;
        } finally {
            lock.unlock();
        }
        if (!idle.isZero()) {
            awaitWake(idle);
        }
    }

    /**
     * An {@link Error} ended the dispatcher: no job will start again in this process. That must not pass
     * in silence: an error alert goes out and {@link #stalledBecause()} tells the health check, whose
     * failing answer lets a service manager or a monitor restart the daemon (start-up recovery then
     * takes over every job).
     */
    private void dispatcherDied(Throwable failure) {
        dispatcherDeath = "the job dispatcher stopped after an unexpected error (" + failure
                + "); no new job starts until the daemon is restarted";
        bus.publish(Alert.error(dispatcherDeath, null));
    }

    /** Why no job can start any more in this process, if that is so; empty while the dispatcher runs. */
    public Optional<String> stalledBecause() {
        return Optional.ofNullable(dispatcherDeath);
    }

    /**
     * Starts one job and returns zero, or returns how long to wait for a reason to look again. Called
     * with the lock held.
     */
    private Duration dispatchOnce() {
        if (runningCount() >= maxWorkers()) {
            return IDLE_RECHECK;
        }
        if (resumeNextWaiting()) {
            return Duration.ZERO;
        }
        if (queuePaused || claimsHeld) {
            return IDLE_RECHECK;
        }
        ClaimFolders folders = claimableFolders();
        if (folders.excludesEverything()) {
            return IDLE_RECHECK;
        }
        Instant now = clock.instant();
        StartAdmission gate = admission;
        Map<Job, String> held = new java.util.LinkedHashMap<>();
        Optional<Job> claimed = repository.claimNext(
                now,
                job -> {
                    Optional<String> reason = gate.holdReason(job);
                    reason.ifPresent(why -> held.put(job, why));
                    return reason.isEmpty();
                },
                folders);
        gate.afterClaim();
        showHeld(held);
        if (claimed.isPresent()) {
            launch(claimed.get());
            return Duration.ZERO;
        }
        Duration idle = held.isEmpty() ? IDLE_RECHECK : gate.recheck();
        return repository
                .nextNotBefore(now)
                .map(at -> Duration.between(now, at))
                .filter(wait -> wait.compareTo(idle) < 0)
                // Zero means "started a job"; a retry already due waits a nanosecond, i.e. looks again at once.
                .map(wait -> wait.isNegative() || wait.isZero() ? Duration.ofNanos(1) : wait)
                .orElse(idle);
    }

    /** Held jobs show why they wait; only a changed reason is written. Called with the lock held. */
    private void showHeld(Map<Job, String> held) {
        held.forEach((job, reason) -> {
            if (!reason.equals(job.statusReason())) {
                try {
                    repository.noteHeld(job.id(), reason);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not show why job " + job.id() + " waits", e);
                }
            }
        });
    }

    /**
     * Gives a free worker to the oldest waiting resume. A paused queue does not hold it back: the job was
     * started before and only waits for its worker. Called with the lock held.
     */
    private boolean resumeNextWaiting() {
        var waiting = awaitingResume.iterator();
        while (waiting.hasNext()) {
            RunningJob run = running.get(waiting.next());
            if (run != null && folderAtLimit(run.job.watchFolder())) {
                continue; // its folder's window is at its limit: it waits for one of the folder's workers
            }
            waiting.remove();
            if (run == null) {
                continue; // its run ended meanwhile
            }
            try {
                continueRun(run);
                return true;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "job " + run.id() + " could not be resumed", e);
            }
        }
        return false;
    }

    /**
     * Sleeps until a wake-up or the timeout, without the lock. A signal raised while the dispatcher was
     * still busy leaves a permit, so it is never lost.
     */
    private void awaitWake(Duration timeout) {
        try {
            wake.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
            wake.drainPermits();
        } catch (InterruptedException e) {
            // A stop: the dispatcher loop ends at its condition right after.
        }
    }

    private void launch(Job job) {
        RunningJob run = new RunningJob(job, freeWorkerSlot());
        running.put(job.id(), run);
        bus.publish(new JobEvent.RunStarted(job, run.worker));
        run.thread = Thread.ofPlatform()
                .name("bulletproof-job-" + job.id())
                .daemon(true)
                .uncaughtExceptionHandler(WorkerPool::logUncaught)
                .unstarted(() -> work(run));
        run.thread.start();
    }

    /** The body of a job's thread: every path ends in {@link #finish}, whatever the executor does. */
    private void work(RunningJob run) {
        ExecutionResult result = null;
        Throwable failure = null;
        Execution execution = null;
        try {
            execution = executor.start(run.job, run.worker, this::onProgress);
            Execution started = execution;
            underLock(() -> {
                run.attach(started);
                return null;
            });
            result = execution.await();
        } catch (InterruptedException e) {
            if (execution != null) {
                execution.cancel();
            }
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "job " + run.id() + " failed inside the transcoder", e);
            failure = e;
        } finally {
            finish(run, result, failure);
        }
    }

    /** The lowest worker number not in use, so log lines name "worker 1".."worker N" the way a person counts. */
    private int freeWorkerSlot() {
        int slot = 1;
        while (true) {
            int candidate = slot;
            if (running.values().stream().noneMatch(run -> run.worker == candidate)) {
                return slot;
            }
            slot++;
        }
    }

    private void finish(RunningJob run, ExecutionResult result, Throwable failure) {
        lock.lock();
        try {
            run.markEnded();
            running.remove(run.id());
            awaitingResume.remove(run.id());
            suspendedBySchedule.remove(run.id());
            progress.clear(run.id());
            wakeUp();
            if (!run.abandoned) {
                bus.publish(new JobEvent.RunEnded(run.job, run.worker, result));
            }
            outcomes.record(run, result, failure);
        } catch (LeaseLostException e) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "could not record how job " + run.id() + " ended", e);
        } finally {
            endDrainIfDone(); // after the outcome, so "drained" follows the last job's end
            lock.unlock();
            run.markFinished();
        }
    }

    private void onProgress(LiveProgress tick) {
        RunningJob run = running.get(tick.jobId());
        if (run != null) {
            // A tick racing the end of its run is dropped: none may follow the run's final state.
            run.unlessEnded(() -> {
                progress.record(tick);
                bus.publish(new JobEvent.Progress(run.latest, tick));
            });
        }
    }

    private void awaitEnd(List<Thread> threads, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (thread == null || left <= 0) {
                continue;
            }
            try {
                thread.join(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Jobs whose workers outlived the grace period: put them back so the next start runs them. */
    private void requeueLeftovers() {
        lock.lock();
        try {
            for (RunningJob run : List.copyOf(running.values())) {
                run.markEnded();
                running.remove(run.id());
                progress.clear(run.id());
                run.abandoned = true;
                if (run.leaseLost) {
                    continue;
                }
                try {
                    repository.requeueAfterStop(run.job.leaseHeld());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "job " + run.id() + " could not be put back in the queue", e);
                }
            }
            state = State.STOPPED;
        } finally {
            lock.unlock();
        }
    }

    private <T> T underLock(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a subscription failed", e);
        }
    }

    private static void logUncaught(Thread thread, Throwable failure) {
        LOG.log(System.Logger.Level.ERROR, "thread " + thread.getName() + " ended by an unexpected error", failure);
    }
}
