package dev.bulletproof.daemon.watch;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

/** What the {@link StabilityTracker} learns about files; called on the watcher's or tracker's thread. */
public interface StabilityListener {

    /**
     * The file is still changing, or has not been quiet for long enough yet.
     *
     * @param reason for people, e.g. "settling: 3.1 MB, unchanged for 1.2 s"
     */
    void settling(Path path, long size, Duration unchangedFor, String reason);

    /** The file has been quiet for the stable time and could be opened: it is complete. */
    void stable(Path path, long size, FileTime mtime);

    /** The file is gone (moved away or deleted) before or after becoming stable. */
    void vanished(Path path);
}
