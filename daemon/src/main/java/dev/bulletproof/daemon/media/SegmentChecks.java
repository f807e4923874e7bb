package dev.bulletproof.daemon.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What a piece of a segmented encode, and the join of the pieces, must be before either counts
 * (docs/decisions/0027-segmented-encoding.md): frame counts exactly as planned, timestamps without a gap,
 * a tail that decodes, audio as long as the video. Every refusal names what differs.
 */
final class SegmentChecks {

    /** How far from its end a segment is decoded: its last GOP and then some. */
    static final double TAIL_SECONDS = 3.0;

    private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(5);

    private final MediaTools tools;
    private final MediaProber prober;

    SegmentChecks(MediaTools tools, MediaProber prober) {
        this.tools = tools;
        this.prober = prober;
    }

    /** A video segment: the profile's codec, exactly {@code frames} frames, its duration, a tail that decodes. */
    MediaInfo verifySegment(Path file, Profile profile, long frames, double frameRate) {
        MediaInfo info = probe(file, "segment");
        List<String> problems = new ArrayList<>();
        if (!info.hasVideo()) {
            problems.add("no video stream");
        } else if (!info.video().codec().equals(profile.expectedVideoCodec())) {
            problems.add("video codec is " + info.video().codec() + ", expected " + profile.expectedVideoCodec());
        }
        if (info.hasAudio()) {
            problems.add("a video segment carries audio");
        }
        long counted = videoPackets(file);
        if (counted != frames) {
            problems.add(counted + " frames, planned " + frames);
        }
        double expected = frames / frameRate;
        double actual = info.video() != null && info.video().durationSeconds() != null
                ? info.video().durationSeconds()
                : info.durationSeconds();
        if (Math.abs(actual - expected) > 1 / frameRate + 1e-3) {
            problems.add(String.format(Locale.ROOT, "duration %.3f s, planned %.3f s", actual, expected));
        }
        if (problems.isEmpty()) {
            String tail = decodeProblem(file, expected);
            if (tail != null) {
                problems.add(tail);
            }
        }
        refuseIf("segment", problems);
        return info;
    }

    /** The audio unit: every audio track of the source in the profile's codec, as long as the source. */
    MediaInfo verifyAudio(Path file, Path source, MediaInfo input, Profile profile) {
        MediaInfo info = probe(file, "audio");
        List<String> problems = new ArrayList<>();
        if (info.hasVideo()) {
            problems.add("the audio unit carries video");
        }
        if (info.audio().size() != input.audio().size()) {
            problems.add(info.audio().size() + " audio tracks, expected "
                    + input.audio().size());
        }
        for (AudioStreamInfo track : info.audio()) {
            if (!track.codec().equals(profile.expectedAudioCodec())) {
                problems.add("audio codec is " + track.codec() + ", expected " + profile.expectedAudioCodec());
                break;
            }
        }
        // The source's own audio track, not its container, which lasts as long as its longest stream.
        double sourceAudio = streamDurations(source)[1];
        double expected = Double.isNaN(sourceAudio) ? input.durationSeconds() : sourceAudio;
        double tolerance = OutputVerifier.durationTolerance(input);
        if (Math.abs(info.durationSeconds() - expected) > tolerance) {
            problems.add(String.format(
                    Locale.ROOT, "duration %.2f s, the source's audio %.2f s", info.durationSeconds(), expected));
        }
        if (problems.isEmpty()) {
            String tail = decodeProblem(file, info.durationSeconds());
            if (tail != null) {
                problems.add(tail);
            }
        }
        refuseIf("audio", problems);
        return info;
    }

    /**
     * What the join must be beyond the usual checks of any output: every frame of the source exactly once,
     * presentation times strictly increasing by one frame (no gap and no overlap at a seam), and the audio
     * as long as the video to within a frame (beyond what the source itself differs by).
     */
    void verifyJoin(Path file, Path source, long totalFrames, double frameRate, boolean audio) {
        List<String> problems = new ArrayList<>();
        List<Double> times = videoPacketTimes(file);
        if (times.size() != totalFrames) {
            problems.add(times.size() + " frames, the source has " + totalFrames);
        }
        times.sort(Double::compare);
        double frame = 1 / frameRate;
        for (int i = 1; i < times.size(); i++) {
            double step = times.get(i) - times.get(i - 1);
            if (step < frame / 2 || step > frame * 1.5) {
                problems.add(String.format(
                        Locale.ROOT,
                        "timestamps jump by %.4f s at %.3f s (a frame is %.4f s)",
                        step,
                        times.get(i - 1),
                        frame));
                break;
            }
        }
        if (audio) {
            double[] joined = streamDurations(file);
            double[] original = streamDurations(source);
            double sourceDifference =
                    Double.isNaN(original[0]) || Double.isNaN(original[1]) ? 0 : Math.abs(original[1] - original[0]);
            double difference = Math.abs(joined[1] - joined[0]);
            if (Double.isNaN(difference) || difference > sourceDifference + frame + 1e-3) {
                problems.add(String.format(Locale.ROOT, "audio lasts %.3f s, video %.3f s", joined[1], joined[0]));
            }
        }
        refuseIf("joined output", problems);
    }

    /** SHA-256 of the whole file, in hex: a segment is joined only if it is still the file that was verified. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The video packets of the first video stream, counted by reading the whole file (no decoding). */
    long videoPackets(Path file) {
        String out = ffprobe(
                file,
                List.of(
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-count_packets",
                        "-show_entries",
                        "stream=nb_read_packets",
                        "-of",
                        "csv=p=0"));
        try {
            return Long.parseLong(out.strip().split("\\R")[0].replace(",", "").strip());
        } catch (NumberFormatException e) {
            throw new VerificationException("cannot count the frames of " + file.getFileName() + ": " + out.strip());
        }
    }

    private List<Double> videoPacketTimes(Path file) {
        String out = ffprobe(
                file,
                List.of("-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time", "-of", "csv=p=0"));
        List<Double> times = new ArrayList<>();
        for (String line : out.split("\\R")) {
            String value = line.strip().replace(",", "");
            if (!value.isEmpty() && !value.equals("N/A")) {
                times.add(Double.parseDouble(value));
            }
        }
        return times;
    }

    /** The first video and first audio stream's durations (NaN when a stream is missing or does not say). */
    private double[] streamDurations(Path file) {
        String out =
                ffprobe(file, List.of("-v", "error", "-show_entries", "stream=codec_type,duration", "-of", "csv=p=0"));
        double[] durations = {Double.NaN, Double.NaN};
        for (String line : out.split("\\R")) {
            String[] fields = line.strip().split(",");
            if (fields.length < 2 || fields[1].equals("N/A")) {
                continue;
            }
            int slot = fields[0].equals("video") ? 0 : fields[0].equals("audio") ? 1 : -1;
            if (slot >= 0 && Double.isNaN(durations[slot])) {
                durations[slot] = Double.parseDouble(fields[1]);
            }
        }
        return durations;
    }

    private MediaInfo probe(Path file, String what) {
        try {
            return prober.probe(file);
        } catch (ProbeException e) {
            throw new VerificationException(what + " is not readable media: " + e.getMessage());
        }
    }

    private String ffprobe(Path file, List<String> options) {
        List<String> command = new ArrayList<>();
        command.add(tools.ffprobe().toString());
        command.addAll(options);
        command.add(FfmpegArguments.fileUrl(file));
        try {
            ToolOutput output = ToolRunner.run(command, PROBE_TIMEOUT);
            if (!output.succeeded()) {
                throw new VerificationException(
                        "ffprobe cannot read " + file.getFileName() + ": " + output.lastErrorLine());
            }
            return output.stdout();
        } catch (IOException e) {
            throw new VerificationException("could not run ffprobe on " + file.getFileName() + ": " + e.getMessage());
        }
    }

    /** Decodes the last seconds (all of a short file); null when they decode without an error. */
    private String decodeProblem(Path file, double seconds) {
        List<String> command = new ArrayList<>(
                List.of(tools.ffmpeg().toString(), "-nostdin", "-v", "error", "-skip_loop_filter", "all"));
        if (seconds > TAIL_SECONDS) {
            command.addAll(List.of("-sseof", "-" + TAIL_SECONDS));
        }
        command.addAll(List.of("-i", FfmpegArguments.fileUrl(file), "-map", "0", "-f", "null", "-"));
        try {
            ToolOutput decoded = ToolRunner.run(command, ToolRunner.DEFAULT_TIMEOUT);
            return decoded.succeeded() && decoded.stderr().isBlank()
                    ? null
                    : "its end does not decode: " + decoded.lastErrorLine();
        } catch (IOException e) {
            return "could not decode its end: " + e.getMessage();
        }
    }

    private static void refuseIf(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new VerificationException(what + " failed verification: " + String.join("; ", problems));
        }
    }
}
