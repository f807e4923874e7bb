package dev.bulletproof.daemon.media;

import dev.bulletproof.daemon.CrashPoint;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Gives a verified temporary file its final name without ever replacing an existing file, exactly once
 * even when the process dies at any instant (docs/decisions/0003-exactly-once-publish.md):
 *
 * <ol>
 *   <li>the temporary file's bytes are forced to disk and fingerprinted;
 *   <li>the {@link PublishJournal} records the intent (temp, final name, size, fingerprint) durably;
 *   <li>a hard link gives the bytes their final name (atomic, and it fails if the name is taken); file
 *       systems without hard links (exFAT, some shares) fall back to a move that also refuses to replace;
 *   <li>the temporary name is removed and the folder forced to disk.
 * </ol>
 *
 * {@link #recover} finishes or rolls back a sequence that a crash interrupted.
 */
public final class OutputPublisher {

    private static final System.Logger LOG = System.getLogger(OutputPublisher.class.getName());

    /** Thrown when the journal refuses the publish: the job was cancelled just before. */
    static final class PublishRefusedException extends Exception {
        PublishRefusedException() {
            super("the job may no longer publish", null, false, false);
        }
    }

    private OutputPublisher() {}

    /**
     * @param reserved the name this encode's temporary file was named after (tried first)
     * @return the name actually used: {@code reserved}, or the next free "-2", "-3"... variant of {@code wanted}
     */
    static Path publish(Path temp, Path reserved, Path wanted, PublishJournal journal)
            throws IOException, PublishRefusedException {
        force(temp);
        long size = Files.size(temp);
        // Reading three MiB to hash them is the slowest step here; a caller that keeps no journal skips it.
        String fingerprint = journal.keepsFingerprints() ? OutputFingerprint.of(temp) : null;
        Path target = Files.exists(reserved) ? OutputPaths.nextFree(wanted) : reserved;
        CrashPoint.reached("publish.before-intent");
        if (!journal.intend(temp, target, size, fingerprint)) {
            throw new PublishRefusedException();
        }
        CrashPoint.reached("publish.after-intent");
        try {
            target = linkToFreeName(temp, target, wanted, journal);
        } catch (IOException e) {
            journal.abandon();
            throw e;
        }
        CrashPoint.reached("publish.after-link");
        removeTemporaryName(temp, target);
        CrashPoint.reached("publish.after-temp-removed");
        return target;
    }

    /**
     * Finishes a publish sequence a crash interrupted, from what is on disk.
     *
     * @return the published file, or null when nothing verified is left (the temporary file was removed
     *     and the job must run again)
     */
    public static Path recover(Path temp, Path target, long size, String fingerprint, PublishJournal journal)
            throws IOException {
        if (OutputFingerprint.matches(target, size, fingerprint)) {
            removeTemporaryName(temp, target);
            return target;
        }
        if (!OutputFingerprint.matches(temp, size, fingerprint)) {
            Files.deleteIfExists(temp);
            return null;
        }
        Path first = target;
        if (Files.exists(target)) {
            // Another file took our name while we were down; ours gets the next free one, as it would have.
            first = OutputPaths.nextFree(target);
            journal.retarget(first);
        }
        Path published = linkToFreeName(temp, first, target, journal);
        removeTemporaryName(temp, published);
        return published;
    }

    private static Path linkToFreeName(Path temp, Path first, Path wanted, PublishJournal journal) throws IOException {
        Path target = first;
        for (int attempt = 0; attempt < 1000; attempt++) {
            if (attempt > 0) {
                // Someone took the name between the check and the link: record the next free one first, so
                // recovery always looks for the output under the name it really gets.
                target = OutputPaths.nextFree(wanted);
                journal.retarget(target);
            }
            try {
                linkOrMove(temp, target);
                forceFolder(target);
                return target;
            } catch (FileAlreadyExistsException e) {
                // Taken; loop to the next free name.
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
        }
    }

    /** After the link the temporary name is only a second name for the published bytes. */
    private static void removeTemporaryName(Path temp, Path published) {
        try {
            if (Files.deleteIfExists(temp)) {
                forceFolder(published);
            }
        } catch (IOException e) {
            // Harmless for the output; the next start's sweep of leftover temporary files removes it.
            LOG.log(System.Logger.Level.WARNING, "cannot remove the temporary name " + temp + ": " + e.getMessage());
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Makes a new or removed name in the folder durable (a no-op where folders cannot be opened, e.g. Windows). */
    private static void forceFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot force folder " + folder + " to disk: " + e);
        }
    }
}
