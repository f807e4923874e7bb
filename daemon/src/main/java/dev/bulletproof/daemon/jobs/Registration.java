package dev.bulletproof.daemon.jobs;

/**
 * The job for a registered file.
 *
 * @param created false when the same file (path, size, mtime) already had a job, which is returned instead
 */
public record Registration(Job job, boolean created) {}
