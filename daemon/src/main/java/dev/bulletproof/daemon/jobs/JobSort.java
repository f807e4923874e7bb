package dev.bulletproof.daemon.jobs;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The order of a job list: one key and a direction. Ties are broken by id, newest first when the key
 * ascends, so that every job has one place in the order and paging through it with an offset never shows a
 * job twice or skips one; a descending sort is the exact reverse of the ascending one, except that jobs
 * without a value for the key (not finished yet, not probed) come last in both.
 */
public record JobSort(Key key, boolean descending) {

    /** The order the list has always had: the most recently created job first. */
    public static final JobSort NEWEST_FIRST = new JobSort(Key.CREATED, true);

    public JobSort {
        if (key == null) {
            throw new InvalidJobFilterException("a sort needs a key");
        }
    }

    /** What a list may be sorted by, with the column each key reads. */
    public enum Key {
        /** The order the jobs were created in, which is the order of their ids. */
        CREATED("created", "id", false),
        FINISHED("finished", "completed_at", true),
        FILENAME("filename", "filename", false),
        /** The length of the input video. */
        DURATION("duration", "media_duration_seconds", true),
        /** How long the transcode took. */
        PROCESSING_TIME("processing_time", "processing_seconds", true),
        /** By the stored status name, which groups the jobs of one status together. */
        STATUS("status", "status", false);

        private final String wireName;
        private final String column;
        private final boolean nullable;

        Key(String wireName, String column, boolean nullable) {
            this.wireName = wireName;
            this.column = column;
            this.nullable = nullable;
        }

        public String wireName() {
            return wireName;
        }

        public String column() {
            return column;
        }

        public boolean nullable() {
            return nullable;
        }

        public static Optional<Key> fromWireName(String name) {
            return Arrays.stream(values())
                    .filter(key -> key.wireName.equals(name.toLowerCase(Locale.ROOT)))
                    .findFirst();
        }

        public static List<String> wireNames() {
            return Arrays.stream(values()).map(Key::wireName).toList();
        }
    }

    /** {@code filename} ascending, {@code -finished} descending. */
    public String wireName() {
        return (descending ? "-" : "") + key.wireName();
    }
}
