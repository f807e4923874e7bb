package dev.bulletproof.daemon.jobs.jdbc;

import dev.bulletproof.daemon.db.Dialect;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobSort;
import dev.bulletproof.model.JobStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The WHERE clause of a job list. The text search is a substring match with LIKE, ignoring case, which no index can
 * serve; scanning the short {@code filename} column stays in the low milliseconds even for 100,000
 * jobs, and the status, profile and id conditions still narrow the scan through their indexes.
 */
record JobQuery(String sql, List<Object> params) {

    static JobQuery of(JobFilter filter, Dialect dialect) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!filter.statuses().isEmpty()) {
            List<JobStatus> statuses = sorted(filter.statuses());
            conditions.add("status IN (" + String.join(", ", Collections.nCopies(statuses.size(), "?")) + ")");
            params.addAll(statuses);
        }
        if (filter.profile() != null) {
            conditions.add("profile = ?");
            params.add(filter.profile());
        }
        if (filter.watchFolder() != null) {
            conditions.add("watch_folder = ?");
            params.add(filter.watchFolder());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            conditions.add("filename " + dialect.likeIgnoringCase() + " ? ESCAPE '\\'");
            params.add("%" + escapeLike(filter.text().strip()) + "%");
        }
        if (filter.beforeId() != null) {
            conditions.add("id < ?");
            params.add(filter.beforeId());
        }
        String sql = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new JobQuery(sql, List.copyOf(params));
    }

    /**
     * The ORDER BY of a list sorted by {@code sort}. Each key has an index on its column, then id descending
     * (V001's jobs_by_status_newest, V004), which this order reads forwards or backwards, so no sort of the
     * whole table is needed; {@code NULLS LAST} is spelled the same in SQLite and PostgreSQL.
     */
    static String orderBy(JobSort sort) {
        if (sort.key() == JobSort.Key.CREATED) {
            return sort.descending() ? " ORDER BY id DESC" : " ORDER BY id ASC";
        }
        String direction = sort.descending() ? " DESC" : " ASC";
        String tiebreak = sort.descending() ? " ASC" : " DESC";
        String nulls = sort.key().nullable() ? " NULLS LAST" : "";
        return " ORDER BY " + sort.key().column() + direction + nulls + ", id" + tiebreak;
    }

    Object[] paramsAnd(Object... more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(List.of(more));
        return all.toArray();
    }

    /** "queued, processing or paused", in life-cycle order. */
    static String describe(Collection<JobStatus> states) {
        List<String> names = sorted(states).stream().map(JobStatus::wireName).toList();
        if (names.size() == 1) {
            return names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    private static List<JobStatus> sorted(Collection<JobStatus> states) {
        return states.stream().sorted().toList();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
