package dev.bulletproof.daemon.events;

/**
 * Something an operator should see now: a job that failed for good, a file no rule matches, a watch
 * folder that disappeared.
 *
 * @param level "error", "warning" or "info"
 * @param jobId the job concerned, or null
 */
public record Alert(String level, String message, Long jobId) {

    public static Alert error(String message, Long jobId) {
        return new Alert("error", message, jobId);
    }

    public static Alert warning(String message) {
        return new Alert("warning", message, null);
    }
}
