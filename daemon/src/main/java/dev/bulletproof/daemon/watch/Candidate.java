package dev.bulletproof.daemon.watch;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * A media file seen in the monitor folder at one moment: not yet known to be complete.
 *
 * @param path absolute path of the file
 */
public record Candidate(Path path, long size, FileTime mtime) {}
