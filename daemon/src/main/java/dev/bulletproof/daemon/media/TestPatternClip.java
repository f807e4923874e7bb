package dev.bulletproof.daemon.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A short synthetic clip (ffmpeg's test pattern and a sine tone) for exercising the engine without any
 * user media, as the start-up training run of the build does.
 */
public final class TestPatternClip {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TestPatternClip() {}

    /**
     * Writes a tiny H.264/AAC MP4 clip.
     *
     * @throws IOException when ffmpeg cannot be run or does not produce the clip
     */
    public static Path create(MediaTools tools, Path file, double seconds) throws IOException {
        ToolOutput output = ToolRunner.run(
                List.of(
                        tools.ffmpeg().toString(),
                        "-hide_banner",
                        "-nostdin",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=160x90:rate=25",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440:sample_rate=48000",
                        "-t",
                        Double.toString(seconds),
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        file.toString()),
                TIMEOUT);
        if (!output.succeeded()) {
            throw new IOException("ffmpeg could not write a test clip: " + output.lastErrorLine());
        }
        return file;
    }
}
