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
        if (run.stopRequested && !succeeded) {
            repository.requeueAfterStop(id);
            return;
        }
        if (failure != null) {
            repository.markFailed(id, "internal error: " + describe(failure), null);
            return;
        }
        if (result == null) {
            repository.markFailed(id, "the worker was interrupted", null);
            return;
        }
        if (run.suspended && repository.get(id).status() == JobStatus.PAUSED) {
            // It ended while paused (finished just as the pause arrived): record it as resumed first, so
            // the history stays a legal sequence.
            repository.resumeRunning(id);
        }
        switch (result.outcome()) {
            case SUCCEEDED -> repository.markCompleted(id, result);
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
            repository.scheduleRetry(job.id(), notBefore, reason, error, result.processingSeconds());
            return;
        }
        String finalError = result.retryable()
                ? error + " (gave up after " + attempt + " attempt" + (attempt == 1 ? "" : "s")
                        + "; a passing problem such as a full disk, an I/O error or a killed or stalled encoder:"
                        + " fix it, then retry the job)"
                : error;
        repository.markFailed(job.id(), finalError, result.processingSeconds());
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
