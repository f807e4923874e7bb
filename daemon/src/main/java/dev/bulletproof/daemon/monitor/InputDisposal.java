package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.daemon.media.OutputPaths;
import dev.bulletproof.model.OnSuccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Applies on_success to an input whose output has been verified and published. Callers must only get
 * here after verification: this class is the one place that deletes or moves a source.
 */
final class InputDisposal {

    private InputDisposal() {}

    /**
     * Keeps, moves or deletes {@code input}. A move goes to {@code processedFolder}, keeping the input's
     * path relative to the monitor folder, and never overwrites (a taken name gets a numeric suffix).
     *
     * @return where the input is now (null when deleted)
     */
    static Path apply(OnSuccess action, Path input, Path monitorFolder, Path processedFolder) {
        try {
            return switch (action) {
                case KEEP -> input;
                case DELETE -> {
                    Files.deleteIfExists(input);
                    yield null;
                }
                case MOVE -> move(input, monitorFolder, processedFolder);
            };
        } catch (IOException e) {
            throw new BulletproofException(
                    "the output is published, but the input could not be "
                            + (action == OnSuccess.MOVE ? "moved to " + processedFolder : "deleted")
                            + ": " + e.getMessage(),
                    e);
        }
    }

    private static Path move(Path input, Path monitorFolder, Path processedFolder) throws IOException {
        Path relative = input.startsWith(monitorFolder) ? monitorFolder.relativize(input) : input.getFileName();
        Path target = processedFolder.resolve(relative).normalize();
        if (!target.startsWith(processedFolder)) {
            target = processedFolder.resolve(input.getFileName());
        }
        Files.createDirectories(target.getParent());
        target = OutputPaths.nextFree(target);
        // No REPLACE_EXISTING: if someone took the name in the meantime the move fails instead of clobbering.
        return Files.move(input, target);
    }
}
