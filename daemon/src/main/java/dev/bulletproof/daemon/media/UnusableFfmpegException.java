package dev.bulletproof.daemon.media;

import dev.bulletproof.daemon.BulletproofException;
import java.nio.file.Path;

/**
 * The ffmpeg the user named does not work. Never replaced silently by another one: the user chose that
 * build (for its encoders, its licence, its hardware support), and output from a different ffmpeg than
 * the one configured is not what they asked for.
 */
public class UnusableFfmpegException extends BulletproofException {

    private final Path ffmpeg;

    public UnusableFfmpegException(Path ffmpeg, String problem) {
        super("the configured ffmpeg " + ffmpeg + " cannot be used: " + problem
                + ". Fix the path (ffmpeg_path in the config file, or --ffmpeg), or remove it to use the"
                + " bundled ffmpeg; Bulletproof does not fall back to another ffmpeg on its own");
        this.ffmpeg = ffmpeg;
    }

    public Path ffmpeg() {
        return ffmpeg;
    }
}
