package dev.bulletproof.daemon.jobs;

/**
 * A waiting job whose file has settled: its final size and modification time (which identify the file
 * version from now on) and what the rules decided for it.
 */
public record ReadyFile(long jobId, long size, long mtimeMillis, JobPlan plan) {}
