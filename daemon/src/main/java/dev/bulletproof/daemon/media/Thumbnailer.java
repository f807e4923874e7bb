package dev.bulletproof.daemon.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Makes a job's poster frame: one JPEG frame from a tenth into the video, at most {@value #MAX_WIDTH} px
 * wide. It is written under a temporary name and renamed, so a reader never sees half a file. Nobody waits
 * for it, so its ffmpeg runs at the lowest CPU priority and takes only what the encodes leave idle.
 */
public final class Thumbnailer {

    public static final int MAX_WIDTH = 320;
    /** A poster frame is a nicety: a file that takes longer than this to seek in gets none. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MediaTools tools;

    public Thumbnailer(MediaTools tools) {
        this.tools = tools;
    }

    private static final String PARTIAL_SUFFIX = ".part";

    /** Where the poster frame of job {@code jobId} lives in the data folder {@code dataFolder}. */
    public static Path fileOf(Path dataFolder, long jobId) {
        return folderOf(dataFolder).resolve(jobId + ".jpg");
    }

    private static Path folderOf(Path dataFolder) {
        return dataFolder.resolve("thumbnails");
    }

    /**
     * Removes the temporary files of poster frames that a crash (or a kill) left half made. Call it at start,
     * before any frame is made: the data folder belongs to one daemon, so every such file is a leftover.
     * Whole poster frames are never touched.
     *
     * @return how many were removed
     */
    public static int removeLeftovers(Path dataFolder) throws IOException {
        Path folder = folderOf(dataFolder);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        try (var files = Files.newDirectoryStream(folder, "*" + PARTIAL_SUFFIX)) {
            for (Path file : files) {
                if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * Writes the poster frame of {@code input} to {@code target}.
     *
     * @return false when the file has no video or ffmpeg could not make a frame
     */
    public boolean make(Path input, MediaInfo info, Path target) throws IOException {
        if (!info.hasVideo()) {
            return false;
        }
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL_SUFFIX);
        double at = Math.max(0, info.durationSeconds() * 0.1);
        ToolOutput output = ToolRunner.run(
                List.of(
                        tools.ffmpeg().toString(),
                        "-nostdin",
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-y",
                        "-ss",
                        String.format(Locale.ROOT, "%.3f", at),
                        "-i",
                        FfmpegArguments.fileUrl(input),
                        "-map",
                        "0:v:0",
                        "-frames:v",
                        "1",
                        // Never upscale; -2 keeps the height even, which the JPEG encoder's chroma needs.
                        "-vf",
                        "scale='min(" + MAX_WIDTH + ",iw)':-2",
                        "-q:v",
                        "4",
                        "-f",
                        "image2",
                        "-c:v",
                        "mjpeg",
                        FfmpegArguments.fileUrl(partial)),
                TIMEOUT,
                true);
        if (!output.succeeded() || !Files.isRegularFile(partial) || Files.size(partial) == 0) {
            Files.deleteIfExists(partial);
            return false;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
