package dev.bulletproof.daemon.jobs;

import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.daemon.jobs.PublishIntent.Disposal;
import dev.bulletproof.daemon.media.OutputPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Applies on_success to an input whose output has been verified and published. Callers must only get
 * here after verification: this class is the one place that deletes or moves a source. Each step can be
 * repeated after a crash without harm: a delete of a missing file is done, and a move whose source is gone
 * is done (see docs/decisions/0003-exactly-once-publish.md).
 */
public final class InputDisposal {

    private InputDisposal() {}

    /**
     * Where a move puts {@code input}: {@code processedFolder}, keeping its path relative to the monitor
     * folder, under a free name (never over an existing file). Chosen before the move and recorded, so a
     * repeated move after a crash goes to the same place.
     */
    public static Path moveTarget(Path input, Path monitorFolder, Path processedFolder) {
        Path relative = input.startsWith(monitorFolder) ? monitorFolder.relativize(input) : input.getFileName();
        Path target = processedFolder.resolve(relative).normalize();
        if (!target.startsWith(processedFolder)) {
            target = processedFolder.resolve(input.getFileName());
        }
        return OutputPaths.nextFree(target);
    }

    /**
     * True when {@code input} is still the file version the job was made for. A file replaced during the
     * encode (same name, new content) is somebody's new source, and must not be moved or deleted.
     */
    public static boolean stillTheJobsFile(Path input, Job job) {
        try {
            return Files.size(input) == job.inputSize()
                    && Files.getLastModifiedTime(input).toMillis() == job.inputMtimeMillis();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Deletes {@code input}, or moves it to {@code target}. Safe to repeat: when the input is gone the work
     * was done before a crash. Never replaces a file: if {@code target} is taken (by a stranger, or by the
     * partial copy of a cross-file-system move that a crash cut short) the input goes to the next free name.
     */
    public static void apply(Disposal action, Path input, Path target) {
        try {
            switch (action) {
                case DELETE -> Files.deleteIfExists(input);
                case MOVE -> {
                    if (Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectories(target.getParent());
                        Files.move(input, OutputPaths.nextFree(target));
                    }
                }
            }
        } catch (IOException e) {
            throw new BulletproofException(
                    "the output is published, but the input could not be "
                            + (action == Disposal.MOVE ? "moved to " + target : "deleted")
                            + ": " + e.getMessage(),
                    e);
        }
    }
}
