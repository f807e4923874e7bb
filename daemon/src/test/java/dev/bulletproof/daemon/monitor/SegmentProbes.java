package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.testing.TestMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the segmented-encoding tests ask ffprobe and ffmpeg about an output, independently of the daemon. */
final class SegmentProbes {

    private SegmentProbes() {}

    /** Video packets of the first video stream, read from the whole file. */
    static long videoFrames(Path file) {
        return Long.parseLong(run(List.of(
                        TestMedia.tools().ffprobe().toString(),
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-count_packets",
                        "-show_entries",
                        "stream=nb_read_packets",
                        "-of",
                        "csv=p=0",
                        "file:" + file))
                .strip()
                .replace(",", ""));
    }

    /** Presentation times of the video packets, in presentation order. */
    static List<Double> videoTimes(Path file) {
        List<Double> times = new ArrayList<>();
        for (String line : run(List.of(
                        TestMedia.tools().ffprobe().toString(),
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "packet=pts_time",
                        "-of",
                        "csv=p=0",
                        "file:" + file))
                .split("\\R")) {
            String value = line.strip().replace(",", "");
            if (!value.isEmpty() && !value.equals("N/A")) {
                times.add(Double.parseDouble(value));
            }
        }
        times.sort(Double::compare);
        return times;
    }

    /** The MD5 of each decoded video frame, in order (ffmpeg's framemd5 muxer, hashes only). */
    static List<String> frameHashes(Path file) {
        List<String> hashes = new ArrayList<>();
        for (String line : run(List.of(
                        TestMedia.tools().ffmpeg().toString(),
                        "-nostdin",
                        "-v",
                        "error",
                        "-i",
                        "file:" + file,
                        "-map",
                        "0:v:0",
                        "-f",
                        "framemd5",
                        "-"))
                .split("\\R")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] fields = line.split(",");
                hashes.add(fields[fields.length - 1].strip());
            }
        }
        return hashes;
    }

    /** ffmpeg's errors while decoding the whole file; empty when it decodes cleanly. */
    static String decodeErrors(Path file) {
        return run(List.of(
                TestMedia.tools().ffmpeg().toString(),
                "-nostdin",
                "-v",
                "error",
                "-i",
                "file:" + file,
                "-f",
                "null",
                "-"));
    }

    private static String run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
