package dev.bulletproof.daemon.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one profile map (snake_case keys, as in the YAML config) into a {@link Profile}, collecting one
 * message per bad field instead of stopping at the first, so a user fixes a config in one go.
 */
final class ProfileReader {

    static final Set<String> KEYS = Set.of(
            "verify",
            "name",
            "description",
            "extension",
            "video_codec",
            "video_profile",
            "pixel_format",
            "encoder_preset",
            "crf",
            "video_bitrate",
            "max_rate",
            "buf_size",
            "frame_rate",
            "resolution",
            "keyframes",
            "keyframe_interval_seconds",
            "video_tag",
            "audio_codec",
            "audio_bitrate",
            "audio_sample_rate",
            "faststart");

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,8}");
    private static final Pattern BITRATE = Pattern.compile("\\d+(\\.\\d+)?[kKmM]?");
    private static final Pattern FRAME_RATE = Pattern.compile("\\d+(/\\d+)?|\\d+\\.\\d+");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private final Map<String, Object> map;
    private final List<String> problems = new ArrayList<>();
    private final String label;

    private ProfileReader(Map<String, Object> map, int index) {
        this.map = map;
        Object name = map.get("name");
        this.label = name == null ? "profile #" + (index + 1) : "profile '" + name + "'";
    }

    /** @throws ProfileDefinitionException listing every problem with the map */
    static Profile read(Map<String, Object> map, int index, boolean builtin) {
        ProfileReader reader = new ProfileReader(map, index);
        Profile profile = reader.profile(builtin);
        if (!reader.problems.isEmpty()) {
            throw new ProfileDefinitionException(reader.problems);
        }
        return profile;
    }

    private Profile profile(boolean builtin) {
        for (String key : map.keySet()) {
            if (!KEYS.contains(key)) {
                problems.add(label + ": unknown field '" + key + "'");
            }
        }
        String name = required("name", NAME, "lower-case letters, digits, '-' or '_'");
        String extension = required("extension", EXTENSION, "such as mov, mp4, mkv or wav, without the dot");
        String videoCodec = optional("video_codec", TOKEN, "an ffmpeg encoder name such as libx264");
        String audioCodec = optional("audio_codec", TOKEN, "an ffmpeg encoder name such as aac");
        if (videoCodec == null && audioCodec == null) {
            problems.add(label + ": needs a video_codec, an audio_codec or both");
        }
        KeyframeMode keyframes = keyframes(videoCodec);
        Double interval = positiveDouble("keyframe_interval_seconds");
        if ((keyframes == KeyframeMode.FIXED || keyframes == KeyframeMode.FIXED_WITH_SCENE_CUTS) && interval == null) {
            problems.add(label + ": keyframes '" + keyframes.configName() + "' needs keyframe_interval_seconds");
        }
        String resolution = optional("resolution", Pattern.compile("\\d{1,5}[:x]\\d{1,5}"), "W:H such as 1920:1080");
        Integer crf = integer("crf", 0, 63);
        String videoBitrate = optional("video_bitrate", BITRATE, "such as 8M or 8000k");
        if (videoCodec != null && !videoCodec.startsWith("prores") && crf == null && videoBitrate == null) {
            problems.add(label + ": needs crf or video_bitrate for " + videoCodec);
        }
        return new Profile(
                name,
                text("description", name == null ? "" : name),
                extension,
                videoCodec,
                optional("video_profile", TOKEN, "such as 0, 1, 3 or high"),
                optional("pixel_format", TOKEN, "such as yuv420p or yuv422p10le"),
                optional("encoder_preset", TOKEN, "such as fast, medium or slow"),
                crf,
                videoBitrate,
                optional("max_rate", BITRATE, "such as 20M"),
                optional("buf_size", BITRATE, "such as 40M"),
                optional("frame_rate", FRAME_RATE, "such as 25 or 30000/1001"),
                resolution == null ? null : resolution.replace('x', ':'),
                keyframes,
                interval,
                optional("video_tag", TOKEN, "such as hvc1"),
                audioCodec,
                optional("audio_bitrate", BITRATE, "such as 192k"),
                integer("audio_sample_rate", 8000, 384000),
                bool("faststart"),
                verification(),
                builtin);
    }

    private Verification verification() {
        Object value = map.get("verify");
        if (value == null) {
            return Verification.STANDARD;
        }
        try {
            return Verification.fromConfigName(value.toString());
        } catch (IllegalArgumentException e) {
            problems.add(label + ": verify '" + value + "' is not one of standard, thorough");
            return Verification.STANDARD;
        }
    }

    private KeyframeMode keyframes(String videoCodec) {
        Object value = map.get("keyframes");
        if (value == null) {
            return videoCodec != null && videoCodec.startsWith("prores")
                    ? KeyframeMode.INTRA_ONLY
                    : KeyframeMode.ENCODER_DEFAULT;
        }
        try {
            return KeyframeMode.fromConfigName(value.toString());
        } catch (IllegalArgumentException e) {
            problems.add(label + ": keyframes '" + value
                    + "' is not one of intra_only, fixed, fixed_with_scene_cuts, encoder_default");
            return KeyframeMode.ENCODER_DEFAULT;
        }
    }

    private String required(String key, Pattern pattern, String hint) {
        String value = optional(key, pattern, hint);
        if (value == null && !map.containsKey(key)) {
            problems.add(label + ": '" + key + "' is required (" + hint + ")");
        }
        return value;
    }

    private String optional(String key, Pattern pattern, String hint) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        if (!pattern.matcher(text).matches()) {
            problems.add(label + ": " + key + " '" + text + "' is invalid (" + hint + ")");
            return null;
        }
        return text;
    }

    private String text(String key, String fallback) {
        Object value = map.get(key);
        return value == null ? fallback : value.toString();
    }

    private Integer integer(String key, int min, int max) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        try {
            int number = value instanceof Number n
                    ? n.intValue()
                    : Integer.parseInt(value.toString().strip());
            if (number < min || number > max) {
                problems.add(label + ": " + key + " " + number + " is out of range (" + min + " to " + max + ")");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(label + ": " + key + " '" + value + "' is not a whole number");
            return null;
        }
    }

    private Double positiveDouble(String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        try {
            double number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
            if (!(number >= 0.04 && number <= 600)) {
                problems.add(label + ": " + key + " " + number + " is out of range (0.04 to 600)");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(label + ": " + key + " '" + value + "' is not a number");
            return null;
        }
    }

    private boolean bool(String key) {
        Object value = map.get(key);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().strip().toLowerCase(java.util.Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            problems.add(label + ": " + key + " '" + value + "' is not true or false");
        }
        return text.equals("true");
    }
}
