package dev.bulletproof.daemon.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds ffmpeg command lines from a profile. Kept free of process handling so the exact arguments can be
 * unit-tested, shown in the API, and printed by {@code transcode --print-command}.
 */
public final class FfmpegArguments {

    /** Used to size the GOP when neither the profile nor the input tells the frame rate. */
    static final double ASSUMED_MAX_FRAME_RATE = 60;

    private static final Map<String, String> MUXER_BY_EXTENSION =
            Map.of("mov", "mov", "mp4", "mp4", "m4v", "mp4", "mkv", "matroska", "wav", "wav", "mxf", "mxf");

    private FfmpegArguments() {}

    /**
     * The complete command: ffmpeg itself, the runner's options (progress on stdout, no stdin, no banner),
     * the input, the encoding arguments and the output.
     *
     * @param input what the prober said about {@code inputPath}; sizes the GOP and fixes odd dimensions
     */
    public static List<String> command(
            MediaTools tools, Profile profile, EncodeOptions options, MediaInfo input, Path inputPath, Path output) {
        List<String> command = new ArrayList<>(List.of(
                tools.ffmpeg().toString(),
                "-hide_banner",
                "-nostdin",
                "-y",
                "-progress",
                "pipe:1",
                "-nostats",
                "-i",
                fileUrl(inputPath)));
        command.addAll(encodingArgs(profile, options, input));
        String muxer = MUXER_BY_EXTENSION.get(profile.extension().toLowerCase(Locale.ROOT));
        if (muxer != null) {
            command.add("-f");
            command.add(muxer);
        }
        command.add(fileUrl(output));
        return command;
    }

    /**
     * The arguments between input and output: stream mapping, video, audio and container options. With a
     * null {@code input} (for display), the GOP is sized for {@value #ASSUMED_MAX_FRAME_RATE} fps.
     */
    public static List<String> encodingArgs(Profile profile, EncodeOptions options, MediaInfo input) {
        EncodeOptions opts = options == null ? EncodeOptions.defaults() : options;
        List<String> args = new ArrayList<>();
        if (profile.isAudioOnly()) {
            // WAV and similar containers hold a single stream: take the first audio track.
            args.addAll(List.of("-map", "0:a:0", "-vn"));
        } else {
            args.addAll(List.of("-map", "0:v:0?", "-map", "0:a?"));
        }
        args.addAll(List.of("-map_metadata", "0"));
        if (!profile.isAudioOnly()) {
            addVideo(args, profile, opts, input);
        }
        addAudio(args, profile, opts);
        if (profile.faststart()) {
            args.addAll(List.of("-movflags", "+faststart"));
        }
        return args;
    }

    /**
     * One video segment of a segmented encode: exactly {@code frames} frames from {@code startFrame} on, no
     * audio (encoded once for the whole file), the profile's video arguments otherwise. The input is sought
     * half a frame before the segment's first frame: ffmpeg's accurate seek drops every frame before that
     * point, so the first frame kept is the segment's whatever the rounding of its timestamp.
     */
    public static List<String> segmentCommand(
            MediaTools tools,
            Profile profile,
            EncodeOptions options,
            MediaInfo input,
            Path inputPath,
            long startFrame,
            long frames,
            double frameRate,
            Path output) {
        EncodeOptions opts = options == null ? EncodeOptions.defaults() : options;
        List<String> command = runnerPrefix(tools);
        if (startFrame > 0) {
            command.addAll(List.of("-ss", String.format(Locale.ROOT, "%.6f", (startFrame - 0.5) / frameRate)));
        }
        command.addAll(List.of("-i", fileUrl(inputPath), "-map", "0:v:0", "-map_metadata", "-1"));
        addVideo(command, profile, opts, input);
        command.addAll(List.of("-an", "-frames:v", Long.toString(frames)));
        addMuxerAndOutput(command, profile, output);
        return command;
    }

    /** Every audio track of the whole source, encoded as the profile says, for the join of a segmented encode. */
    public static List<String> audioCommand(
            MediaTools tools, Profile profile, EncodeOptions options, Path inputPath, Path output) {
        EncodeOptions opts = options == null ? EncodeOptions.defaults() : options;
        List<String> command = runnerPrefix(tools);
        command.addAll(List.of("-i", fileUrl(inputPath), "-map", "0:a", "-vn", "-map_metadata", "0"));
        addAudio(command, profile, opts);
        addMuxerAndOutput(command, profile, output);
        return command;
    }

    /**
     * The join of a segmented encode: the segments listed in {@code concatList} through the concat demuxer and
     * the audio unit, all stream-copied, with the metadata the audio unit took from the source.
     *
     * @param audio null when the output has no audio
     */
    public static List<String> joinCommand(
            MediaTools tools, Profile profile, Path concatList, Path audio, Path output) {
        List<String> command = runnerPrefix(tools);
        command.addAll(List.of("-f", "concat", "-safe", "0", "-i", fileUrl(concatList)));
        if (audio != null) {
            command.addAll(List.of("-i", fileUrl(audio), "-map", "0:v:0", "-map", "1:a", "-map_metadata", "1"));
        } else {
            command.addAll(List.of("-map", "0:v:0"));
        }
        command.addAll(List.of("-c", "copy"));
        addIfSet(command, "-tag:v", profile.videoTag());
        if (profile.faststart()) {
            command.addAll(List.of("-movflags", "+faststart"));
        }
        addMuxerAndOutput(command, profile, output);
        return command;
    }

    private static List<String> runnerPrefix(MediaTools tools) {
        return new ArrayList<>(List.of(
                tools.ffmpeg().toString(), "-hide_banner", "-nostdin", "-y", "-progress", "pipe:1", "-nostats"));
    }

    private static void addMuxerAndOutput(List<String> command, Profile profile, Path output) {
        String muxer = MUXER_BY_EXTENSION.get(profile.extension().toLowerCase(Locale.ROOT));
        if (muxer != null) {
            command.add("-f");
            command.add(muxer);
        }
        command.add(fileUrl(output));
    }

    /**
     * ffmpeg reads "file:" URLs literally: no protocol guessing from a colon in the name, and an absolute
     * path can never be mistaken for an option even when the file name starts with '-'.
     */
    static String fileUrl(Path path) {
        return "file:" + path.toAbsolutePath().normalize();
    }

    private static void addVideo(List<String> args, Profile profile, EncodeOptions opts, MediaInfo input) {
        args.addAll(List.of("-c:v", profile.videoCodec()));
        if (profile.videoProfile() != null) {
            args.addAll(List.of("-profile:v", profile.videoProfile()));
        }
        String preset = opts.preset().apply(profile.encoderPreset());
        if (preset != null) {
            args.addAll(List.of("-preset", preset));
        }
        if (profile.crf() != null) {
            args.addAll(List.of("-crf", profile.crf().toString()));
        }
        addIfSet(args, "-b:v", profile.videoBitrate());
        addIfSet(args, "-maxrate", profile.maxRate());
        addIfSet(args, "-bufsize", profile.bufSize());
        addIfSet(args, "-pix_fmt", profile.pixelFormat());
        addIfSet(args, "-r", profile.frameRate());
        String filter = scaleFilter(opts.resolution() != null ? opts.resolution() : profile.resolution(), input);
        if (filter != null) {
            args.addAll(List.of("-vf", filter));
        }
        addKeyframes(args, profile, opts, input);
        addIfSet(args, "-tag:v", profile.videoTag());
    }

    /**
     * Fits the picture inside the box keeping its aspect, with even sides (4:2:0 and 4:2:2 need them).
     * Without a box, odd-sized sources still get rounded down to even sides, or the encoder refuses them.
     */
    static String scaleFilter(String box, MediaInfo input) {
        if (box != null) {
            String[] sides = box.split(":");
            return "scale=" + sides[0] + ":" + sides[1] + ":force_original_aspect_ratio=decrease:force_divisible_by=2";
        }
        if (input != null
                && input.hasVideo()
                && (input.video().width() % 2 != 0 || input.video().height() % 2 != 0)) {
            return "scale=trunc(iw/2)*2:trunc(ih/2)*2";
        }
        return null;
    }

    /**
     * Exact keyframe grids: {@code -force_key_frames} puts a keyframe on the first frame at or after each
     * multiple of N seconds (computed from the frame's own time, so it never drifts), and the encoder's own
     * GOP limit is set to twice the interval so it can never insert an extra keyframe just before a forced
     * one, which is how the original tool produced keyframe pairs.
     */
    private static void addKeyframes(List<String> args, Profile profile, EncodeOptions opts, MediaInfo input) {
        KeyframeMode mode = profile.keyframes();
        if (mode == KeyframeMode.INTRA_ONLY) {
            if (!profile.videoCodec().startsWith("prores")) {
                args.addAll(List.of("-g", "1"));
            }
            return;
        }
        Double interval = opts.keyframeIntervalSeconds() != null
                ? opts.keyframeIntervalSeconds()
                : profile.keyframeIntervalSeconds();
        if (mode == KeyframeMode.ENCODER_DEFAULT && opts.keyframeIntervalSeconds() != null) {
            mode = KeyframeMode.FIXED;
        }
        if (mode == KeyframeMode.ENCODER_DEFAULT || interval == null) {
            return;
        }
        boolean sceneCuts = mode == KeyframeMode.FIXED_WITH_SCENE_CUTS;
        int gop = (int) Math.ceil(interval * outputFrameRate(profile, input)) * 2;
        args.addAll(List.of("-force_key_frames", "expr:gte(t,n_forced*" + formatSeconds(interval) + ")"));
        args.addAll(List.of("-forced-idr", "1"));
        switch (profile.videoCodec()) {
            case "libx265" ->
                args.addAll(List.of(
                        "-x265-params",
                        "keyint=" + gop + (sceneCuts ? "" : ":min-keyint=1:scenecut=0") + ":open-gop=0"));
            default -> {
                args.addAll(List.of("-g", Integer.toString(gop)));
                if (!sceneCuts) {
                    args.addAll(List.of("-sc_threshold", "0"));
                }
            }
        }
    }

    private static double outputFrameRate(Profile profile, MediaInfo input) {
        double rate = Rational.toDouble(profile.frameRate());
        if (rate <= 0 && input != null && input.hasVideo()) {
            rate = input.video().frameRateValue();
        }
        // Variable or unknown rates (r_frame_rate can be a huge timebase such as 90000/1): assume the worst
        // common case rather than an absurd GOP.
        return rate > 0 && rate <= 240 ? rate : ASSUMED_MAX_FRAME_RATE;
    }

    private static void addAudio(List<String> args, Profile profile, EncodeOptions opts) {
        if (profile.audioCodec() == null) {
            args.add("-an");
            return;
        }
        args.addAll(List.of("-c:a", profile.audioCodec()));
        addIfSet(args, "-b:a", profile.audioBitrate());
        Integer rate = opts.audioSampleRate() != null ? opts.audioSampleRate() : profile.audioSampleRate();
        if (rate != null) {
            args.addAll(List.of("-ar", rate.toString()));
        }
    }

    private static void addIfSet(List<String> args, String option, String value) {
        if (value != null) {
            args.add(option);
            args.add(value);
        }
    }

    private static String formatSeconds(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
