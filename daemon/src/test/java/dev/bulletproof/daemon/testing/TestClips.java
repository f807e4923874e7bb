package dev.bulletproof.daemon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Tiny media files made at test time with the bundled ffmpeg: 320x180, 25 fps test pattern and a sine
 * tone at 48 kHz. The container follows the file name's extension (mov, mp4, mkv, wav...).
 */
public final class TestClips {

    private static final String VIDEO = "testsrc2=size=320x180:rate=25";

    private TestClips() {}

    /** H.264 with AAC (mp4, mkv) or 16-bit PCM (mov). */
    public static Path videoWithAudio(Path dir, String name, double seconds) {
        return generate(
                dir.resolve(name),
                List.of("-f", "lavfi", "-i", VIDEO, "-f", "lavfi", "-i", sine(440)),
                List.of("-map", "0:v", "-map", "1:a"),
                seconds);
    }

    /**
     * Video with audio at {@code size} (for example "1280x720"): big enough that encoding it takes a
     * while, for tests and benchmarks that must catch an encode in the middle.
     */
    public static Path sized(Path dir, String name, double seconds, String size) {
        return generate(
                dir.resolve(name),
                List.of("-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=25", "-f", "lavfi", "-i", sine(440)),
                List.of("-map", "0:v", "-map", "1:a"),
                seconds);
    }

    /** {@link #sized} at 1280x720. */
    public static Path hd(Path dir, String name, double seconds) {
        return sized(dir, name, seconds, "1280x720");
    }

    public static Path videoOnly(Path dir, String name, double seconds) {
        return generate(dir.resolve(name), List.of("-f", "lavfi", "-i", VIDEO), List.of("-map", "0:v"), seconds);
    }

    public static Path audioOnly(Path dir, String name, double seconds) {
        return generate(dir.resolve(name), List.of("-f", "lavfi", "-i", sine(440)), List.of("-map", "0:a"), seconds);
    }

    /** Video plus two distinct audio tracks, as multitrack show audio arrives. */
    public static Path videoTwoAudioTracks(Path dir, String name, double seconds) {
        return generate(
                dir.resolve(name),
                List.of("-f", "lavfi", "-i", VIDEO, "-f", "lavfi", "-i", sine(440), "-f", "lavfi", "-i", sine(660)),
                List.of("-map", "0:v", "-map", "1:a", "-map", "2:a"),
                seconds);
    }

    /** A PNG picture under whatever name (a still renamed ".mov" is the classic mistake). */
    public static Path stillImage(Path dir, String name) {
        return run(
                dir.resolve(name),
                List.of("-f", "lavfi", "-i", VIDEO, "-frames:v", "1", "-c:v", "png", "-f", "image2"));
    }

    /** A real H.264 MP4 holding exactly one frame. */
    public static Path singleFrame(Path dir, String name) {
        return run(
                dir.resolve(name),
                List.of("-f", "lavfi", "-i", VIDEO, "-frames:v", "1", "-c:v", "libx264", "-pix_fmt", "yuv420p"));
    }

    /**
     * An MP4 with its index at the front, cut to 40 % of its bytes: it still probes with its whole duration
     * (the index says so) and plays until the data stops, as an interrupted copy of a web-ready file does.
     */
    public static Path playableButCut(Path dir, String name, double seconds) {
        Path whole = run(
                dir.resolve("whole-" + name),
                List.of(
                        "-f",
                        "lavfi",
                        "-i",
                        VIDEO,
                        "-f",
                        "lavfi",
                        "-i",
                        sine(440),
                        "-t",
                        String.format(Locale.ROOT, "%.3f", seconds),
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-movflags",
                        "+faststart"));
        Path cut = truncatedCopy(whole, dir.resolve(name), 0.4);
        try {
            Files.delete(whole);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cut;
    }

    /** The first {@code fraction} of {@code source}'s bytes, as a copy interrupted half-way leaves it. */
    public static Path truncatedCopy(Path source, Path target, double fraction) {
        try {
            byte[] bytes = Files.readAllBytes(source);
            Files.write(target, java.util.Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path randomBytes(Path dir, String name, int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path zeroBytes(Path dir, String name) {
        try {
            return Files.write(dir.resolve(name), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sine(int frequency) {
        return "sine=frequency=" + frequency + ":sample_rate=48000";
    }

    private static Path generate(Path target, List<String> inputs, List<String> maps, double seconds) {
        List<String> arguments = new ArrayList<>(inputs);
        arguments.addAll(maps);
        arguments.addAll(List.of("-t", String.format(Locale.ROOT, "%.3f", seconds)));
        arguments.addAll(codecsFor(target.getFileName().toString()));
        return run(target, arguments);
    }

    private static Path run(Path target, List<String> arguments) {
        List<String> command = new ArrayList<>(
                List.of(TestMedia.tools().ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y"));
        command.addAll(arguments);
        command.add("file:" + target.toAbsolutePath());
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("could not generate " + target + ": " + output);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> codecsFor(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".wav")) {
            return List.of("-c:a", "pcm_s16le");
        }
        if (lower.endsWith(".mov")) {
            return List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "pcm_s16le");
        }
        return List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac");
    }
}
