package dev.bulletproof.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a bulk action did to one of its jobs.
 *
 * @param id the job's id, written as the job model writes it
 * @param reason why the job was left as it was; null when the action was done
 * @param job the job after the action; null when it was deleted or not found
 */
public record BulkActionOutcome(String id, Result result, String reason, JobModel job) {

    public enum Result {
        /** The action was carried out. */
        DONE,
        /** The job's state does not allow the action (it may have changed since the client looked). */
        REFUSED,
        NOT_FOUND;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Result fromWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }
}
