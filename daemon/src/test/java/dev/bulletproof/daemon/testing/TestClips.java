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
        List<String> command = new ArrayList<>(
                List.of(TestMedia.tools().ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y"));
        command.addAll(inputs);
        command.addAll(maps);
        command.addAll(List.of("-t", String.format(Locale.ROOT, "%.3f", seconds)));
        command.addAll(codecsFor(target.getFileName().toString()));
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
