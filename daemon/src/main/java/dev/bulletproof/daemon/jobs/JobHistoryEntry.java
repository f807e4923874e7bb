package dev.bulletproof.daemon.jobs;

import dev.bulletproof.model.JobStatus;
import java.time.Instant;

/**
 * One row of a job's durable history.
 *
 * @param from null for the creation entry
 * @param detail the reason or error text at that moment
 */
public record JobHistoryEntry(
        long id, long jobId, JobEventType type, JobStatus from, JobStatus to, Instant at, String detail) {}
