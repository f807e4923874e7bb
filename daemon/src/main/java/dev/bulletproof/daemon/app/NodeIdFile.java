package dev.bulletproof.daemon.app;

import dev.bulletproof.daemon.BulletproofException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * This daemon's stable node id: a UUID on one line in the file {@code node-id} of its data folder, made on
 * the first start and kept ever after, so the node is the same node across restarts and upgrades.
 *
 * <p>Written to a temporary file and moved into place, so a crash while it is written leaves either no
 * file (a new id is made at the next start) or the whole id, never half of one.
 */
public final class NodeIdFile {

    public static final String FILE_NAME = "node-id";

    private NodeIdFile() {}

    /** Reads the id, or makes and keeps a new one when the file is missing or blank. */
    public static UUID loadOrCreate(Path dataFolder) {
        Path file = dataFolder.resolve(FILE_NAME);
        try {
            if (Files.isRegularFile(file)) {
                String stored =
                        Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (!stored.isEmpty()) {
                    return parse(file, stored);
                }
            }
            UUID id = UUID.randomUUID();
            Path temporary = Files.createTempFile(dataFolder, FILE_NAME, ".tmp");
            Files.writeString(temporary, id + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return id;
        } catch (IOException e) {
            throw new BulletproofException("cannot read or create the node id " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A file that holds something else is refused rather than replaced: quietly taking a new id would make
     * this machine a second node, and its old id a dead one holding its jobs.
     */
    private static UUID parse(Path file, String stored) {
        try {
            return UUID.fromString(stored);
        } catch (IllegalArgumentException e) {
            throw new BulletproofException("the node id file " + file + " does not hold a node id (a UUID) but '"
                    + (stored.length() > 40 ? stored.substring(0, 40) + "..." : stored)
                    + "'; restore it, or remove it to make this machine a new node");
        }
    }
}
