package dev.bulletproof.daemon.jobs;

import java.util.List;
import java.util.Optional;

/** Reading jobs as a client sees them: the stored job and, while it runs, its live progress. */
public interface JobQueries {

    List<Job> list(JobFilter filter);

    long count(JobFilter filter);

    /** @throws JobNotFoundException when there is no such job */
    Job get(long id);

    /** The latest progress of a running job; empty for any other. */
    Optional<LiveProgress> progress(long id);
}
