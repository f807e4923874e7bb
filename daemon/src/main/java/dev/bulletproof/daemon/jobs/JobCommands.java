package dev.bulletproof.daemon.jobs;

/** What a person may do to jobs; each returns the job as it is after the change. */
public interface JobCommands {

    /** Suspends a running job, or holds a queued one out of the queue. */
    Job pause(long id);

    /** Continues a suspended job, or puts a held one back in the queue. */
    Job resume(long id);

    Job cancel(long id);

    Job retry(long id);

    void delete(long id);

    Job setPriority(long id, int priority);

    /**
     * Queues a job at once for a file already on the daemon's disk, with the profile the caller chose.
     *
     * @param output where to write, relative to the output folder; null means the default output name
     * @throws InvalidJobRequestException when the path, profile or output cannot be used
     * @throws DuplicateJobException when this exact file already has a job
     */
    Job enqueue(String path, String profile, String output);
}
