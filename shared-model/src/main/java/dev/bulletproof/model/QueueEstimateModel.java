package dev.bulletproof.model;

import java.time.Instant;

/**
 * When a queued job should start and finish: its media duration times the measured processing speed of
 * its profile on this daemon, after the jobs ahead of it and the remaining time of the running ones.
 *
 * @param id the job's id, as in {@link JobModel#id()}
 */
public record QueueEstimateModel(String id, Instant estimatedStart, Instant estimatedFinish) {}
