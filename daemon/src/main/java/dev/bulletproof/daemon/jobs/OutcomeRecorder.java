package dev.bulletproof.daemon.jobs;

import dev.bulletproof.model.JobStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Writes how a run ended: completed, retried later with backoff, failed, cancelled or requeued by a stop. */
final class OutcomeRecorder {

    private final JobRepository repository;
    private final WorkerSettings settings;
    private final Clock clock;

    OutcomeRecorder(JobRepository repository, WorkerSettings settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param result null when the executor threw (then {@code failure} says what) or the wait was interrupted
     */
    void record(RunningJob run, ExecutionResult result, Throwable failure) {
        long id = run.id();
        boolean succeeded = result != null && result.outcome() == ExecutionResult.Outcome.SUCCEEDED;
        if (run.abandoned) {
            return; // stop() already put the job back in the queue; another run may own it by now
        }
        if (run.cancelRequested) {
            return; // cancel() already wrote the cancelled state when the user asked
        }
        Lease lease = run.job.leaseHeld();
        if (run.leaseLost) {
            // Stopped because its lease is gone or presumed gone (decision 0020). The fenced write decides:
            // if another node has the job it throws and nothing is written; if nobody took it (the node only
            // presumed the worst), a published output is recorded and anything else goes back to the queue.
            if (succeeded) {
                repository.markCompleted(lease, result);
            } else {
                repository.requeueAfterStop(lease);
            }
            return;
        }
        if (run.stopRequested && !succeeded) {
            repository.requeueAfterStop(lease);
            return;
        }
        if (failure != null) {
            repository.markFailed(lease, "internal error: " + describe(failure), null);
            return;
        }
        if (result == null) {
            repository.markFailed(lease, "the worker was interrupted", null);
            return;
        }
        if (run.suspended && repository.get(id).status() == JobStatus.PAUSED) {
            // It ended while paused (finished just as the pause arrived): record it as resumed first, so
            // the history stays a legal sequence.
            repository.resumeRunning(id);
        }
        switch (result.outcome()) {
            case SUCCEEDED -> repository.markCompleted(lease, result);
            case FAILED, STALLED -> recordFailure(run.job, result);
            case CANCELLED -> repository.cancel(id, "the transcoder was stopped from outside the daemon");
        }
    }

    private void recordFailure(Job job, ExecutionResult result) {
        int maxAttempts = settings.maxAttempts();
        String error = errorOf(result);
        int attempt = job.attempts();
        if (result.retryable() && attempt < maxAttempts) {
            Duration delay = settings.backoffAfter(attempt);
            Instant notBefore = clock.instant().plus(delay);
            String reason = "retrying in " + seconds(delay) + " after: " + error + " (attempt " + attempt + " of "
                    + maxAttempts + ")";
            repository.scheduleRetry(job.leaseHeld(), notBefore, reason, error, result.processingSeconds());
            return;
        }
        String finalError = result.retryable()
                ? error + " (gave up after " + attempt + " attempt" + (attempt == 1 ? "" : "s")
                        + "; a passing problem such as a full disk, an I/O error or a killed or stalled encoder:"
                        + " fix it, then retry the job)"
                : error;
        repository.markFailed(job.leaseHeld(), finalError, result.processingSeconds());
    }

    private static String errorOf(ExecutionResult result) {
        if (result.error() != null && !result.error().isBlank()) {
            return result.error();
        }
        return result.outcome() == ExecutionResult.Outcome.STALLED ? "no progress, the transcoder stalled" : "failed";
    }

    private static String seconds(Duration delay) {
        long millis = delay.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
