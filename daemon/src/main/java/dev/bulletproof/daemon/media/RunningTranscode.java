package dev.bulletproof.daemon.media;

/** Control of an encode in progress. All methods are safe to call from any thread, at any time. */
public interface RunningTranscode {

    /** Pauses ffmpeg (SIGSTOP / NtSuspendProcess); the stall watchdog is held while paused. */
    void suspend();

    /** Continues a paused ffmpeg; the stall timeout starts afresh. */
    void resume();

    /** Kills ffmpeg and its children and removes the temporary file; {@link #await} then gives CANCELLED. */
    void cancel();

    boolean isAlive();

    /** The ffmpeg process id, or -1 when no process was started (bad input). */
    long pid();

    TranscodeResult await() throws InterruptedException;
}
