package dev.bulletproof.daemon.media;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gives a verified temporary file its final name without ever replacing an existing file. A hard link is
 * atomic and fails if the name is taken, so it is tried first; file systems without hard links (exFAT,
 * some network shares) fall back to a move, which also refuses to replace.
 */
final class OutputPublisher {

    private OutputPublisher() {}

    /**
     * @param reserved the name this encode's temporary file was named after (tried first)
     * @return the name actually used: {@code reserved}, or the next free "-2", "-3"... variant of {@code wanted}
     */
    static Path publish(Path temp, Path reserved, Path wanted) throws IOException {
        for (int attempt = 0; attempt < 1000; attempt++) {
            Path target = attempt == 0 ? reserved : OutputPaths.nextFree(wanted);
            try {
                linkOrMove(temp, target);
                return target;
            } catch (FileAlreadyExistsException e) {
                // Someone took the name between the check and the publish: pick the next free one.
            }
        }
        throw new IOException("no free output name near " + wanted.getFileName());
    }

    private static void linkOrMove(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            // No hard links here (FAT/exFAT drives, some network shares): a move without REPLACE_EXISTING
            // still refuses to overwrite, it just cannot be atomic against a racing writer.
            Files.move(temp, target);
            return;
        }
        Files.delete(temp);
    }
}
