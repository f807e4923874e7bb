package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.media.EncodeOptions;
import dev.bulletproof.daemon.media.SpeedPreset;
import picocli.CommandLine.Option;

/** The per-encode adjustments shared by {@code transcode} and {@code batch}. */
final class EncodeFlags {

    @Option(
            names = "--preset",
            paramLabel = "fast|normal|slow",
            description = "speed/quality trade-off (default: normal)")
    SpeedPreset preset = SpeedPreset.NORMAL;

    @Option(names = "--resolution", paramLabel = "W:H", description = "fit the picture inside W:H, keeping its aspect")
    String resolution;

    @Option(names = "--audio-sample-rate", paramLabel = "HZ", description = "audio sample rate, e.g. 48000")
    Integer audioSampleRate;

    @Option(names = "--keyframe-interval", paramLabel = "SECONDS", description = "a keyframe exactly every SECONDS")
    Double keyframeInterval;

    @Option(
            names = "--stall-timeout",
            paramLabel = "SECONDS",
            description = "stop ffmpeg when it makes no progress for this long (default: ${DEFAULT-VALUE})")
    long stallTimeoutSeconds = 120;

    EncodeOptions options() {
        return new EncodeOptions(preset, resolution, audioSampleRate, keyframeInterval);
    }
}
