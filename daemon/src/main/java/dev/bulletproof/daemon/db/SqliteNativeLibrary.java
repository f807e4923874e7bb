package dev.bulletproof.daemon.db;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where sqlite-jdbc extracts its native library. By default that is the system temporary folder, and a
 * copy is left there whenever the JVM dies without running its exit hooks (kill -9, power cut): one more
 * {@code sqlite-*.so} in /tmp per crash. Extracting into a folder the daemon owns instead lets the next
 * start remove what the last one left.
 */
public final class SqliteNativeLibrary {

    /** The system property sqlite-jdbc reads, once, when the driver loads. */
    public static final String FOLDER_PROPERTY = "org.sqlite.tmpdir";

    private static final System.Logger LOG = System.getLogger(SqliteNativeLibrary.class.getName());
    private static boolean chosen;

    private SqliteNativeLibrary() {}

    /**
     * Makes {@code folder} the extraction folder, after deleting every earlier copy in it. Call it before
     * the first database opens, while holding the lock that makes the folder this process's alone (the
     * data folder's), so nothing in it can be in use. Only the first call in a JVM has an effect: the
     * driver reads the property once, and a later call must not delete the library already loaded. A
     * folder set on the command line ({@code -Dorg.sqlite.tmpdir=…}) is left as it is.
     */
    public static synchronized void extractInto(Path folder) {
        if (chosen || System.getProperty(FOLDER_PROPERTY) != null) {
            chosen = true;
            return;
        }
        try {
            Files.createDirectories(folder);
            removeLeftovers(folder);
            System.setProperty(FOLDER_PROPERTY, folder.toAbsolutePath().toString());
        } catch (IOException e) {
            // Not fatal: the driver then extracts into the temporary folder, as it always did.
            LOG.log(System.Logger.Level.WARNING, "cannot use " + folder + " for the SQLite native library: " + e);
        }
        chosen = true;
    }

    /** Deletes the libraries and lock files earlier runs extracted (sqlite-VERSION-UUID-NAME and its .lck). */
    static int removeLeftovers(Path folder) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(folder, "sqlite-*")) {
            for (Path copy : copies) {
                try {
                    if (Files.deleteIfExists(copy)) {
                        removed++;
                    }
                } catch (IOException e) {
                    // Windows keeps a loaded DLL locked; whoever holds it is alive, so it is not a leftover.
                    LOG.log(System.Logger.Level.DEBUG, "cannot remove " + copy + ": " + e);
                }
            }
        }
        return removed;
    }
}
