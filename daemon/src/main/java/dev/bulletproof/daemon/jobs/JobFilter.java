package dev.bulletproof.daemon.jobs;

import dev.bulletproof.model.JobStatus;
import java.util.Set;

/**
 * Which jobs a list shows, and in which order.
 *
 * @param statuses empty means every status
 * @param profile null means every profile
 * @param text null or blank means no text search; otherwise a case-insensitive part of the file name
 * @param beforeId keyset paging: only jobs with a smaller id; null means from the newest
 * @param offset rows to skip (ignored by {@link JobRepository#count})
 * @param sort the order of the rows; null means {@link JobSort#NEWEST_FIRST}
 * @param watchFolder only jobs from this watched folder (its path as jobs record it); null means every job
 */
public record JobFilter(
        Set<JobStatus> statuses,
        String profile,
        String text,
        Long beforeId,
        int limit,
        int offset,
        JobSort sort,
        String watchFolder) {

    public static final int DEFAULT_LIMIT = 100;

    public JobFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        sort = sort == null ? JobSort.NEWEST_FIRST : sort;
        if (limit < 1) {
            throw new InvalidJobFilterException("limit must be at least 1, was " + limit);
        }
        if (offset < 0) {
            throw new InvalidJobFilterException("offset must not be negative, was " + offset);
        }
    }

    public JobFilter(
            Set<JobStatus> statuses, String profile, String text, Long beforeId, int limit, int offset, JobSort sort) {
        this(statuses, profile, text, beforeId, limit, offset, sort, null);
    }

    /** Newest first. */
    public JobFilter(Set<JobStatus> statuses, String profile, String text, Long beforeId, int limit, int offset) {
        this(statuses, profile, text, beforeId, limit, offset, JobSort.NEWEST_FIRST);
    }

    public static JobFilter all() {
        return new JobFilter(Set.of(), null, null, null, DEFAULT_LIMIT, 0);
    }

    public JobFilter withStatuses(Set<JobStatus> wanted) {
        return new JobFilter(wanted, profile, text, beforeId, limit, offset, sort, watchFolder);
    }

    public JobFilter withProfile(String wanted) {
        return new JobFilter(statuses, wanted, text, beforeId, limit, offset, sort, watchFolder);
    }

    public JobFilter withText(String wanted) {
        return new JobFilter(statuses, profile, wanted, beforeId, limit, offset, sort, watchFolder);
    }

    public JobFilter page(int newLimit, int newOffset) {
        return new JobFilter(statuses, profile, text, beforeId, newLimit, newOffset, sort, watchFolder);
    }

    public JobFilter before(long id) {
        return new JobFilter(statuses, profile, text, id, limit, offset, sort, watchFolder);
    }

    public JobFilter inFolder(String wanted) {
        return new JobFilter(statuses, profile, text, beforeId, limit, offset, sort, wanted);
    }

    public JobFilter sortedBy(JobSort wanted) {
        return new JobFilter(statuses, profile, text, beforeId, limit, offset, wanted, watchFolder);
    }
}
