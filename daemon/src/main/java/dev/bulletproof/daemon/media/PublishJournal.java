package dev.bulletproof.daemon.media;

import java.nio.file.Path;

/**
 * Where an encode records, durably, that its verified output is about to take its final name, so a crash
 * between the rename and the caller's own bookkeeping can be finished instead of repeated. The daemon backs
 * it with its job store; a one-shot CLI transcode has no bookkeeping to protect and uses {@link #NONE}.
 */
public interface PublishJournal {

    /**
     * Called after verification and before the rename; durable when it returns.
     *
     * @return false when the output may no longer be published (its job was cancelled a moment ago)
     */
    boolean intend(Path temp, Path target, long size, String fingerprint);

    /** False for a journal that records nothing: the fingerprint passed to {@link #intend} is then null. */
    default boolean keepsFingerprints() {
        return true;
    }

    /** The target was taken just before the rename; {@code target} is the next free name. */
    void retarget(Path target);

    /** The rename failed and nothing was published. */
    void abandon();

    PublishJournal NONE = new PublishJournal() {
        @Override
        public boolean keepsFingerprints() {
            return false;
        }

        @Override
        public boolean intend(Path temp, Path target, long size, String fingerprint) {
            return true;
        }

        @Override
        public void retarget(Path target) {}

        @Override
        public void abandon() {}
    };
}
