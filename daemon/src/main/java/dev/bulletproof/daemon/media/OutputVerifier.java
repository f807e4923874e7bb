package dev.bulletproof.daemon.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Checks a finished encode before it may take its final name: a truncated-but-playable file is the worst
 * kind of failure for a show, so ffmpeg's exit code alone is not trusted. Every refusal names what differs.
 *
 * <p>The duration must match the input's to within two frames at the output frame rate plus the audio
 * encoder's priming: no percentage, so a two-hour show that lost two minutes can never pass. Where both
 * containers declare frame counts they must agree. The last seconds of the output are decoded (the whole
 * output with {@link Verification#THOROUGH}).
 */
final class OutputVerifier {

    static final long MIN_BYTES = 1024;

    /** AAC and Opus encoders prepend up to ~2,112 samples (44 ms at 48 kHz); containers round to the ms. */
    static final double AUDIO_PRIMING_SECONDS = 0.05;

    /** How far from the end the standard check starts decoding. */
    static final double TAIL_SECONDS = 3.0;

    private final MediaProber prober;
    private final MediaTools tools;

    OutputVerifier(MediaProber prober, MediaTools tools) {
        this.prober = prober;
        this.tools = tools;
    }

    /** The probed output, or a {@link VerificationException} naming everything that is wrong with it. */
    MediaInfo verify(Path output, MediaInfo input, Profile profile) {
        long size;
        try {
            size = Files.size(output);
        } catch (IOException e) {
            throw new VerificationException("output was not written: " + output.getFileName());
        }
        if (size < MIN_BYTES) {
            throw new VerificationException("output is only " + size + " bytes");
        }
        // The decode needs nothing from the probe, so both run at once: on a short clip the decode is most
        // of the verification's time. A probe or a check that already refuses the output stops it.
        FutureTask<String> decoding = new FutureTask<>(() -> decodeProblem(output, input, profile.verification()));
        Thread.ofVirtual().name("verify-decode").start(decoding);
        try {
            MediaInfo info;
            try {
                info = prober.probe(output);
            } catch (ProbeException e) {
                throw new VerificationException("output is not readable media: " + e.getMessage());
            }
            List<String> problems = new ArrayList<>();
            checkDuration(info, input, profile, problems);
            checkFrameCount(info, input, profile, problems);
            checkVideo(info, profile, problems);
            checkAudio(info, input, profile, problems);
            if (problems.isEmpty()) {
                String decodeProblem = awaitDecode(decoding);
                if (decodeProblem != null) {
                    problems.add(decodeProblem);
                }
            }
            if (!problems.isEmpty()) {
                throw new VerificationException("output failed verification: " + String.join("; ", problems));
            }
            return info;
        } finally {
            decoding.cancel(true);
        }
    }

    /** Two frames at the output's frame rate, plus the audio priming when there is audio. */
    static double durationTolerance(MediaInfo output) {
        double frames = output.hasVideo() && output.video().frameRateValue() > 0
                ? 2 / output.video().frameRateValue()
                : 0;
        double priming = output.hasAudio() ? AUDIO_PRIMING_SECONDS : 0.001;
        return frames + priming;
    }

    private static void checkDuration(MediaInfo output, MediaInfo input, Profile profile, List<String> problems) {
        // Compare like with like: a video stream with a video stream where both declare one (a source whose
        // audio runs on past the picture must not fail its video output), else the containers.
        double expected = input.durationSeconds();
        double actual = output.durationSeconds();
        if (!profile.isAudioOnly()
                && input.hasVideo()
                && output.hasVideo()
                && input.video().durationSeconds() != null
                && output.video().durationSeconds() != null) {
            expected = input.video().durationSeconds();
            actual = output.video().durationSeconds();
        }
        double tolerance = durationTolerance(output);
        if (Math.abs(actual - expected) > tolerance) {
            problems.add(String.format(
                    Locale.ROOT,
                    "duration %.2f s, input %.2f s (allowed difference %.2f s)",
                    actual,
                    expected,
                    tolerance));
        }
    }

    /**
     * Containers that count frames (MP4, MOV) must agree with the input's count, scaled when the profile
     * changes the frame rate: a dropped or duplicated frame is a visible glitch in a cue.
     */
    private static void checkFrameCount(MediaInfo output, MediaInfo input, Profile profile, List<String> problems) {
        if (profile.isAudioOnly()
                || !input.hasVideo()
                || !output.hasVideo()
                || input.video().frameCount() == null
                || output.video().frameCount() == null) {
            return;
        }
        long inputFrames = input.video().frameCount();
        long outputFrames = output.video().frameCount();
        double inputRate = input.video().frameRateValue();
        double outputRate = output.video().frameRateValue();
        boolean sameRate = inputRate <= 0 || outputRate <= 0 || Math.abs(inputRate - outputRate) < 1e-3;
        long expected = sameRate ? inputFrames : Math.round(inputFrames * outputRate / inputRate);
        long allowed = sameRate ? 0 : 2;
        if (Math.abs(outputFrames - expected) > allowed) {
            problems.add(
                    sameRate
                            ? outputFrames + " frames, input " + inputFrames
                            : outputFrames + " frames, expected " + expected + " from the input's " + inputFrames
                                    + " at " + String.format(Locale.ROOT, "%.3f", inputRate) + " fps");
        }
    }

    private static void checkVideo(MediaInfo output, Profile profile, List<String> problems) {
        if (profile.isAudioOnly()) {
            if (output.hasVideo()) {
                problems.add("an audio-only profile produced a video stream");
            }
            return;
        }
        if (!output.hasVideo()) {
            problems.add("no video stream");
        } else if (!profile.expectedVideoCodec().equals(output.video().codec())) {
            problems.add("video codec is " + output.video().codec() + ", expected " + profile.expectedVideoCodec());
        }
    }

    private static void checkAudio(MediaInfo output, MediaInfo input, Profile profile, List<String> problems) {
        if (profile.audioCodec() == null) {
            return;
        }
        int expectedTracks = profile.isAudioOnly()
                ? Math.min(1, input.audio().size())
                : input.audio().size();
        if (output.audio().size() != expectedTracks) {
            problems.add(output.audio().size() + " audio tracks, expected " + expectedTracks);
        }
        for (AudioStreamInfo track : output.audio()) {
            if (!profile.expectedAudioCodec().equals(track.codec())) {
                problems.add("audio codec is " + track.codec() + ", expected " + profile.expectedAudioCodec());
                break;
            }
        }
    }

    /**
     * Decodes the output's tail (or all of it): a file whose end does not decode is cut or corrupt. Sized by
     * the input's duration, which the output's must match anyway; null when it decodes.
     */
    private String decodeProblem(Path output, MediaInfo input, Verification level) {
        // The deblocking filter only smooths pictures that decoded; skipping it finds the same errors in
        // about a fifth less time.
        List<String> command = new ArrayList<>(
                List.of(tools.ffmpeg().toString(), "-nostdin", "-v", "error", "-skip_loop_filter", "all"));
        boolean whole = level == Verification.THOROUGH || input.durationSeconds() <= TAIL_SECONDS;
        if (!whole) {
            command.addAll(List.of("-sseof", "-" + TAIL_SECONDS));
        }
        command.addAll(
                List.of("-i", FfmpegArguments.fileUrl(output), "-map", "0:v?", "-map", "0:a?", "-f", "null", "-"));
        String part = whole ? "the output" : String.format(Locale.ROOT, "the last %.0f s of the output", TAIL_SECONDS);
        try {
            ToolOutput decoded = ToolRunner.run(command, decodeTimeout(input, whole));
            if (!decoded.succeeded() || !decoded.stderr().isBlank()) {
                return part + " does not decode: " + decoded.lastErrorLine();
            }
            return null;
        } catch (IOException e) {
            return "could not decode " + part + ": " + e.getMessage();
        }
    }

    private static String awaitDecode(FutureTask<String> decoding) {
        try {
            return decoding.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerificationException("interrupted while decoding the output");
        } catch (ExecutionException e) {
            return "could not decode the output: " + e.getCause();
        }
    }

    /** Decoding runs many times faster than real time; the bound only catches a decoder that hangs. */
    private static Duration decodeTimeout(MediaInfo info, boolean whole) {
        long seconds = whole ? 60 + (long) Math.ceil(info.durationSeconds()) : 60;
        return Duration.ofSeconds(seconds);
    }
}
