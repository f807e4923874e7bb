package dev.bulletproof.daemon.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Whether a job is encoded in segments, and where they start and end (docs/segmented-encoding.md).
 *
 * <p>Only profiles whose pieces join without a seam qualify: intra-only video (every frame stands alone, so
 * a piece that starts anywhere is the frames a single pass would have made), and long-GOP H.264/HEVC with a
 * fixed keyframe grid of a whole number of frames that divides the segment length (each piece starts on a
 * keyframe the single pass would have put there, and x264/x265 close their GOPs). Boundaries are counted in
 * frames, so each piece's {@code -frames:v} is exact and the pieces add up to the source's frame count.
 *
 * @param segmented false: the job runs as one piece, and {@code reason} says why
 * @param reason in words, for the job's detail: why it is segmented, or why not
 * @param frameRate the source's (and output's) frame rate; 0 when the job runs as one piece
 * @param totalFrames the source's exact frame count; 0 when the job runs as one piece
 * @param video the video segments in time order; empty when the job runs as one piece
 * @param audio whether the output has audio, encoded once for the whole file in its own unit
 */
public record SegmentPlan(
        boolean segmented, String reason, double frameRate, long totalFrames, List<Span> video, boolean audio) {

    /** A last segment shorter than this joins the one before: a sliver costs an encoder start for nothing. */
    static final double MIN_LAST_SEGMENT_SECONDS = 1.0;

    /** Frame rates above this are a time base, not a rate (variable-rate sources report 90000/1). */
    private static final double MAX_FRAME_RATE = 240;

    public SegmentPlan {
        video = List.copyOf(video);
    }

    /** One video segment: exact frames, and the times they stand for. */
    public record Span(int index, long startFrame, long frameCount, double startSeconds, double durationSeconds) {}

    static SegmentPlan singlePiece(String reason) {
        return new SegmentPlan(false, reason, 0, 0, List.of(), false);
    }

    /**
     * The plan for {@code input} encoded with {@code profile}.
     *
     * @param countFrames counts the source's video frames when its container does not declare them (asked
     *     only for an input that qualifies otherwise)
     */
    public static SegmentPlan of(MediaInfo input, Profile profile, SegmentSettings settings, LongSupplier countFrames) {
        if (!settings.enabled()) {
            return singlePiece("single piece: segmented encoding is off (segment_threshold_seconds: 0)");
        }
        if (input.durationSeconds() <= settings.thresholdSeconds()) {
            return singlePiece(String.format(
                    Locale.ROOT,
                    "single piece: %s is not longer than segment_threshold_seconds (%s)",
                    seconds(input.durationSeconds()),
                    seconds(settings.thresholdSeconds())));
        }
        if (profile.isAudioOnly() || !input.hasVideo()) {
            return singlePiece("single piece: only video profiles are segmented");
        }
        double rate = input.video().frameRateValue();
        if (rate <= 0 || rate > MAX_FRAME_RATE) {
            return singlePiece("single piece: the source's frame rate is unknown or variable");
        }
        double outputRate = Rational.toDouble(profile.frameRate());
        if (outputRate > 0 && Math.abs(outputRate - rate) > 1e-6) {
            return singlePiece("single piece: profile " + profile.name()
                    + " changes the frame rate, so segment frame counts would not be exact");
        }
        String grid = seamlessGrid(profile, rate, settings.segmentSeconds());
        if (grid.startsWith("single piece")) {
            return singlePiece(grid);
        }
        long frames = input.video().frameCount() != null ? input.video().frameCount() : countFrames.getAsLong();
        double expected = input.video().durationSeconds() != null
                ? input.video().durationSeconds() * rate
                : input.durationSeconds() * rate;
        if (frames <= 0 || Math.abs(frames - expected) > 2) {
            return singlePiece(String.format(
                    Locale.ROOT,
                    "single piece: the source has %d frames but its duration says %.0f (a variable frame rate?)",
                    frames,
                    expected));
        }
        List<Span> spans = boundaries(frames, rate, settings.segmentSeconds());
        boolean audio = input.hasAudio() && profile.audioCodec() != null;
        String reason = String.format(
                Locale.ROOT,
                "segmented: %d segments of %s (%s)%s",
                spans.size(),
                seconds(settings.segmentSeconds()),
                grid,
                audio ? ", audio encoded once for the whole file" : "");
        return new SegmentPlan(true, reason, rate, frames, spans, audio);
    }

    /**
     * Why the profile's pieces join seamlessly, or (starting with "single piece") why they would not: a piece
     * starts with a keyframe, so the single pass must have one at every boundary and its GOPs must be closed.
     */
    static String seamlessGrid(Profile profile, double rate, double segmentSeconds) {
        return switch (profile.keyframes()) {
            case INTRA_ONLY -> "intra-only, every frame a keyframe";
            case FIXED -> {
                String codec = profile.videoCodec();
                if (!codec.equals("libx264") && !codec.equals("libx265")) {
                    yield "single piece: closed GOPs are guaranteed only for libx264 and libx265, not " + codec;
                }
                Double interval = profile.keyframeIntervalSeconds();
                if (interval == null || interval <= 0) {
                    yield "single piece: profile " + profile.name() + " has no keyframe interval";
                }
                double gop = interval * rate;
                if (Math.abs(gop - Math.rint(gop)) > 1e-6) {
                    yield String.format(
                            Locale.ROOT,
                            "single piece: a keyframe every %s is not a whole number of frames at %.3f fps",
                            seconds(interval),
                            rate);
                }
                double perSegment = segmentSeconds / interval;
                if (Math.abs(perSegment - Math.rint(perSegment)) > 1e-9) {
                    yield "single piece: the keyframe interval (" + seconds(interval)
                            + ") does not divide segment_seconds (" + seconds(segmentSeconds) + ")";
                }
                yield "closed GOP, a keyframe every " + seconds(interval);
            }
            case FIXED_WITH_SCENE_CUTS ->
                "single piece: profile " + profile.name()
                        + " adds keyframes at scene cuts, so a segment's GOPs would differ from a single pass";
            case ENCODER_DEFAULT ->
                "single piece: profile " + profile.name() + " lets the encoder place keyframes, so no grid to cut on";
        };
    }

    /**
     * Segment k starts on the first frame at or after k x segmentSeconds: where {@code -force_key_frames}
     * puts the single pass's keyframes, so each boundary is a keyframe of the grid.
     */
    static List<Span> boundaries(long frames, double rate, double segmentSeconds) {
        List<Long> starts = new ArrayList<>();
        for (int k = 0; ; k++) {
            long start = (long) Math.ceil(k * segmentSeconds * rate - 1e-6);
            if (start >= frames) {
                break;
            }
            starts.add(start);
        }
        if (starts.size() > 1 && (frames - starts.getLast()) / rate < MIN_LAST_SEGMENT_SECONDS) {
            starts.removeLast();
        }
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            long start = starts.get(i);
            long end = i + 1 < starts.size() ? starts.get(i + 1) : frames;
            spans.add(new Span(i, start, end - start, start / rate, (end - start) / rate));
        }
        return spans;
    }

    private static String seconds(double value) {
        return (value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value))
                + " s";
    }
}
