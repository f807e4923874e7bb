package dev.bulletproof.desktop.jobs;

import java.util.Locale;

/**
 * The order the daemon sorts the whole job list in ({@code GET /api/jobs?sort=}), so that every page comes
 * in that order, not just the rows already loaded. The table never sorts rows itself.
 */
public record JobsSort(Key key, boolean descending) {

    /** The daemon's default order: the most recently created job first. */
    public static final JobsSort NEWEST_FIRST = new JobsSort(Key.CREATED, true);

    /** The keys the daemon sorts by. */
    public enum Key {
        CREATED,
        FINISHED,
        FILENAME,
        /** The input's media duration. */
        DURATION,
        PROCESSING_TIME,
        STATUS;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public JobsSort {
        key = key == null ? Key.CREATED : key;
    }

    public boolean newestFirst() {
        return equals(NEWEST_FIRST);
    }

    /** The {@code sort} parameter: {@code filename}, {@code -finished}; null for the default order. */
    public String parameter() {
        return newestFirst() ? null : (descending ? "-" : "") + key.wireName();
    }
}
