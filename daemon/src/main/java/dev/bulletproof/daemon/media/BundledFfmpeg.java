package dev.bulletproof.daemon.media;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The ffmpeg shipped inside the application (org.bytedeco's GPL build). javacpp extracts the executables
 * into its per-user cache on first use; ffprobe is loaded too so that it lands beside ffmpeg.
 */
final class BundledFfmpeg {

    private BundledFfmpeg() {}

    static Optional<Path> extract() {
        String ffmpeg = org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        String ffprobe = org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
        if (ffmpeg == null || ffprobe == null) {
            return Optional.empty();
        }
        Path ffmpegPath = Path.of(ffmpeg);
        Path ffprobePath = Path.of(ffprobe);
        // Both normally land in the same cache folder; the locator expects ffprobe beside ffmpeg.
        if (!ffprobePath.getParent().equals(ffmpegPath.getParent())) {
            throw new IllegalStateException("bundled ffprobe is not beside ffmpeg: " + ffprobePath);
        }
        return Optional.of(ffmpegPath);
    }
}
