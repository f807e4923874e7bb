package dev.bulletproof.daemon.media;

import java.nio.file.Path;

/**
 * The ffmpeg and ffprobe executables the engine runs.
 *
 * @param source where they came from: "configured", "bundled" or "PATH"
 * @param version the first line of {@code ffmpeg -version}
 */
public record MediaTools(Path ffmpeg, Path ffprobe, String source, String version) {}
