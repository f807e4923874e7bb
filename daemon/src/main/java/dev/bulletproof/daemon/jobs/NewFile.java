package dev.bulletproof.daemon.jobs;

import java.util.Objects;

/**
 * A file the watcher found, identified by path, size and modification time.
 *
 * @param waitingReason shown while the job settles; used when {@code plan} is null
 * @param plan how to process it when it is ready now; null creates the job as waiting (still settling)
 * @param watchFolder the watched folder it was found in (its path); null for a file added by hand
 */
public record NewFile(
        String inputPath, long size, long mtimeMillis, String waitingReason, JobPlan plan, String watchFolder) {

    public NewFile {
        Objects.requireNonNull(inputPath, "inputPath");
    }

    public NewFile(String inputPath, long size, long mtimeMillis, String waitingReason, JobPlan plan) {
        this(inputPath, size, mtimeMillis, waitingReason, plan, null);
    }

    /** The same file, found in {@code folder}. */
    public NewFile in(String folder) {
        return new NewFile(inputPath, size, mtimeMillis, waitingReason, plan, folder);
    }

    /** A file that is still being copied: the job starts in waiting. */
    public static NewFile settling(String inputPath, long size, long mtimeMillis, String reason) {
        return new NewFile(inputPath, size, mtimeMillis, reason, null);
    }

    /** A file that is complete and matched a rule: the job starts queued. */
    public static NewFile ready(String inputPath, long size, long mtimeMillis, JobPlan plan) {
        return new NewFile(inputPath, size, mtimeMillis, null, Objects.requireNonNull(plan, "plan"));
    }
}
