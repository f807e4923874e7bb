package dev.bulletproof.desktop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tiny clips made at test time with the same bundled ffmpeg the daemon runs. */
public final class TestClips {

    private static volatile String ffmpeg;

    private TestClips() {}

    /** A small clip with picture and tone that transcodes in well under a second. */
    public static Path small(Path dir, String name, double seconds) {
        return make(dir.resolve(name), "320x180", seconds);
    }

    /** An HD clip whose encode takes several seconds, to catch it in the middle. */
    public static Path hd(Path dir, String name, double seconds) {
        return make(dir.resolve(name), "1280x720", seconds);
    }

    private static Path make(Path target, String size, double seconds) {
        List<String> command = new ArrayList<>(List.of(
                ffmpeg(),
                "-nostdin",
                "-hide_banner",
                "-loglevel",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=" + size + ":rate=25",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000",
                "-t",
                String.format(Locale.ROOT, "%.2f", seconds),
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                target.toString()));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new AssertionError("ffmpeg could not make " + target + ": " + output);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String ffmpeg() {
        if (ffmpeg == null) {
            try {
                ffmpeg = org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
            } catch (UnsatisfiedLinkError e) {
                throw new AssertionError("the bundled ffmpeg cannot be loaded", e);
            }
        }
        return ffmpeg;
    }
}
