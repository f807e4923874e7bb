package dev.bulletproof.daemon.disk;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** How much room a folder's volume has. A seam: tests put a volume of their own making in its place. */
@FunctionalInterface
public interface FreeSpaceProbe {

    /**
     * @param usableBytes what this process may still write there
     * @param totalBytes the volume's size
     * @param volume names the volume, so two folders on one volume count as one
     */
    record Space(long usableBytes, long totalBytes, String volume) {}

    /** The space of the volume {@code folder} is on; a folder not created yet counts as its nearest parent's. */
    Space probe(Path folder) throws IOException;

    FreeSpaceProbe SYSTEM = folder -> {
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new IOException("no part of " + folder + " exists");
        }
        FileStore store = Files.getFileStore(existing);
        return new Space(store.getUsableSpace(), store.getTotalSpace(), store.name() + " " + store);
    };
}
