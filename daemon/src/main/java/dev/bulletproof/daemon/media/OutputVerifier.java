package dev.bulletproof.daemon.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a finished encode before it may take its final name: a truncated-but-playable file is the worst
 * kind of failure for a show, so ffmpeg's exit code alone is not trusted.
 */
final class OutputVerifier {

    static final long MIN_BYTES = 1024;

    private final MediaProber prober;

    OutputVerifier(MediaProber prober) {
        this.prober = prober;
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
        MediaInfo info;
        try {
            info = prober.probe(output);
        } catch (ProbeException e) {
            throw new VerificationException("output is not readable media: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        checkDuration(info, input, problems);
        checkVideo(info, profile, problems);
        checkAudio(info, input, profile, problems);
        if (!problems.isEmpty()) {
            throw new VerificationException("output failed verification: " + String.join("; ", problems));
        }
        return info;
    }

    /** Tolerance max(0.5 s, 2 %): containers round durations and audio priming adds a few ms. */
    static double durationTolerance(double inputSeconds) {
        return Math.max(0.5, inputSeconds * 0.02);
    }

    private static void checkDuration(MediaInfo output, MediaInfo input, List<String> problems) {
        if (input.durationSeconds() <= 0) {
            return;
        }
        double difference = Math.abs(output.durationSeconds() - input.durationSeconds());
        if (difference > durationTolerance(input.durationSeconds())) {
            problems.add(String.format(
                    java.util.Locale.ROOT,
                    "duration %.2f s differs from the input's %.2f s",
                    output.durationSeconds(),
                    input.durationSeconds()));
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
}
