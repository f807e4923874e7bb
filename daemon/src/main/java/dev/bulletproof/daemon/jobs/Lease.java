package dev.bulletproof.daemon.jobs;

/**
 * The right to write a running job's progress and outcome, given by the claim that started the run
 * (decision 0020). The database bumps a job's token with every claim and every rescue, so once another node
 * has been given the job, every write naming the old token finds no row and fails with
 * {@link LeaseLostException}.
 */
public record Lease(long jobId, long token) {}
