package dev.bulletproof.daemon.media;

/** Receives progress reports on the runner's reader thread; keep it quick and never throw. */
@FunctionalInterface
public interface ProgressListener {

    void onProgress(TranscodeProgress progress);

    ProgressListener NONE = progress -> {};
}
