package dev.bulletproof.daemon.media;

import dev.bulletproof.model.ProfileModel;

/**
 * Everything that decides how a file is encoded. Read from a config map with snake_case keys (see
 * {@link ProfileReader}); the built-ins come from {@code builtin-profiles.yaml} through the same reader.
 *
 * @param extension output container extension without the dot; it also picks the muxer
 * @param videoCodec ffmpeg encoder name ("prores_ks", "libx264", "libx265"), or null for audio-only
 *     profiles
 * @param videoProfile the encoder's {@code -profile:v} value (ProRes: 0 Proxy, 1 LT, 2 standard, 3 HQ)
 * @param encoderPreset the x264/x265 preset at the "normal" speed setting, or null
 * @param crf constant rate factor, or null for bit-rate driven profiles
 * @param videoBitrate target bit rate such as "8M", or null
 * @param maxRate rate cap for capped VBR, or null
 * @param bufSize rate-control buffer for the cap, or null
 * @param frameRate output frame rate such as "30000/1001", or null to keep the source's
 * @param resolution box "W:H" the picture is scaled to fit inside keeping its aspect, or null to keep it
 * @param keyframeIntervalSeconds the grid for {@link KeyframeMode#FIXED} and scene-cut modes
 * @param videoTag a {@code -tag:v} value such as "hvc1" (Apple players need it for HEVC in MP4)
 * @param audioCodec ffmpeg audio encoder; every audio track of the source is kept
 * @param audioBitrate such as "192k", or null
 * @param audioSampleRate in Hz, or null to keep the source's
 * @param faststart move the MP4 index to the front so playback starts before the file is read
 * @param verification how much of the output is decoded before it is published
 * @param builtin false for custom profiles from the config file
 */
public record Profile(
        String name,
        String description,
        String extension,
        String videoCodec,
        String videoProfile,
        String pixelFormat,
        String encoderPreset,
        Integer crf,
        String videoBitrate,
        String maxRate,
        String bufSize,
        String frameRate,
        String resolution,
        KeyframeMode keyframes,
        Double keyframeIntervalSeconds,
        String videoTag,
        String audioCodec,
        String audioBitrate,
        Integer audioSampleRate,
        boolean faststart,
        Verification verification,
        boolean builtin) {

    /** The API's view: name, description, extension and the encoding arguments with default options. */
    public ProfileModel toModel() {
        return new ProfileModel(
                name,
                description,
                extension,
                FfmpegArguments.encodingArgs(this, EncodeOptions.defaults(), null),
                builtin);
    }

    public boolean isAudioOnly() {
        return videoCodec == null;
    }

    /** The codec name ffprobe reports for this profile's video encoder, used to verify outputs. */
    public String expectedVideoCodec() {
        return videoCodec == null ? null : CodecNames.decoderNameOf(videoCodec);
    }

    /** The codec name ffprobe reports for this profile's audio encoder. */
    public String expectedAudioCodec() {
        return audioCodec == null ? null : CodecNames.decoderNameOf(audioCodec);
    }
}
