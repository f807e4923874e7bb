package dev.bulletproof.daemon.media;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A profile written back as the YAML a user pastes under {@code profiles:} in the config file, with the
 * same snake_case fields {@link ProfileReader} reads, so a built-in can be copied, renamed and edited.
 * Only the fields that are set are written (what is left out keeps its default), in the reader's order.
 */
public final class ProfileYaml {

    /** Plain YAML scalars that read back as the same string (no quotes needed). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_./-]*|\\d+/\\d+|\\d+(\\.\\d+)?[kKmM]");

    private ProfileYaml() {}

    /**
     * {@code profile} as one item of the {@code profiles:} list, indented for pasting under that key.
     *
     * @param newName the name the copy gets: a built-in's own name cannot be redefined
     */
    public static String asCustom(Profile profile, String newName) {
        List<String> lines = new ArrayList<>();
        lines.add("- name: " + scalar(newName));
        lines.add("  description: " + quoted("Copy of " + profile.name() + ": " + profile.description()));
        lines.add("  extension: " + scalar(profile.extension()));
        add(lines, "video_codec", profile.videoCodec());
        add(lines, "video_profile", profile.videoProfile());
        add(lines, "pixel_format", profile.pixelFormat());
        add(lines, "encoder_preset", profile.encoderPreset());
        add(lines, "crf", profile.crf());
        add(lines, "video_bitrate", profile.videoBitrate());
        add(lines, "max_rate", profile.maxRate());
        add(lines, "buf_size", profile.bufSize());
        add(lines, "frame_rate", profile.frameRate());
        add(lines, "resolution", profile.resolution());
        if (profile.videoCodec() != null) {
            add(lines, "keyframes", profile.keyframes().configName());
        }
        add(lines, "keyframe_interval_seconds", profile.keyframeIntervalSeconds());
        add(lines, "video_tag", profile.videoTag());
        add(lines, "audio_codec", profile.audioCodec());
        add(lines, "audio_bitrate", profile.audioBitrate());
        add(lines, "audio_sample_rate", profile.audioSampleRate());
        if (profile.faststart()) {
            lines.add("  faststart: true");
        }
        if (profile.verification() != Verification.STANDARD) {
            lines.add("  verify: " + profile.verification().configName());
        }
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append("  ").append(line).append('\n'));
        return text.toString();
    }

    private static void add(List<String> lines, String key, Object value) {
        if (value == null) {
            return;
        }
        String text;
        if (value instanceof Double number) {
            text = BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        } else if (value instanceof Integer number) {
            text = number.toString();
        } else {
            text = scalar(value.toString());
        }
        lines.add("  " + key + ": " + text);
    }

    /** Strings that YAML would read as a number, a boolean or null ("0", "yes", "1:1") get quotes. */
    private static String scalar(String value) {
        boolean plain = PLAIN.matcher(value).matches()
                && !value.matches("(?i)true|false|yes|no|on|off|null|y|n|~")
                && !value.matches("\\d+");
        return plain ? value : quoted(value);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
