package dev.bulletproof.daemon.media;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ffmpeg and ffprobe executables the engine runs.
 *
 * @param source where they came from: "configured", "bundled" or "PATH"
 * @param version the first line of {@code ffmpeg -version}
 */
public record MediaTools(Path ffmpeg, Path ffprobe, String source, String version) {

    private static final Pattern VERSION = Pattern.compile("^\\S+\\s+version\\s+(\\S+)");

    /**
     * "ffmpeg version 7.1.1 Copyright (c) 2000-2025 the FFmpeg developers" → "7.1.1": the part a person
     * compares, without the copyright line; the whole line when it has another shape.
     */
    public String shortVersion() {
        if (version == null) {
            return null;
        }
        Matcher matcher = VERSION.matcher(version.strip());
        return matcher.find() ? matcher.group(1) : version.strip();
    }
}
