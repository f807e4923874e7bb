package dev.bulletproof.daemon.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The media side of a segmented encode (docs/decisions/0027-segmented-encoding.md): plans it from the
 * probe, encodes one video segment or the audio to its piece beside the output and verifies it there, and
 * joins the pieces into the output's temporary file, verified and published exactly as a single-piece
 * encode is ({@link OutputPublisher} through the request's journal). Which pieces to encode, and what was
 * done before, is the caller's business: it keeps them in the job store.
 *
 * <p>Like {@link Transcoder}, nothing here throws for a bad input or a failed encode: each run ends with a
 * {@link TranscodeResult}, and a piece that fails leaves no file behind.
 */
public final class SegmentedTranscoder {

    private final MediaTools tools;
    private final ProcessLauncher launcher;
    private final MediaProber prober;
    private final SegmentChecks checks;

    public SegmentedTranscoder(MediaTools tools) {
        this(tools, ProcessLauncher.SYSTEM);
    }

    public SegmentedTranscoder(MediaTools tools, ProcessLauncher launcher) {
        this.tools = tools;
        this.launcher = launcher;
        this.prober = new MediaProber(tools);
        this.checks = new SegmentChecks(tools, prober);
    }

    /** The probed input and what it means for the job; the input as one piece when it cannot be probed. */
    public record Planned(MediaInfo input, SegmentPlan plan) {}

    public Planned plan(Path input, Profile profile, SegmentSettings settings) {
        if (!settings.enabled()) {
            return new Planned(null, SegmentPlan.of(null, profile, settings, () -> 0));
        }
        MediaInfo info;
        try {
            info = prober.probe(input);
        } catch (ProbeException e) {
            // The single-piece encode probes again and reports the problem the way it always has.
            return new Planned(null, SegmentPlan.singlePiece("single piece: " + e.getMessage()));
        }
        if (Transcoder.unsuitableInput(info, profile) != null) {
            return new Planned(info, SegmentPlan.singlePiece("single piece: the input is refused as it is"));
        }
        return new Planned(info, SegmentPlan.of(info, profile, settings, () -> checks.videoPackets(input)));
    }

    /** Encodes video segment {@code span} into {@code piece}, then verifies it: exact frames, decodable end. */
    public RunningTranscode encodeSegment(
            TranscodeRequest request,
            MediaInfo input,
            SegmentPlan plan,
            SegmentPlan.Span span,
            Path piece,
            ProgressListener listener) {
        List<String> command = FfmpegArguments.segmentCommand(
                tools,
                request.profile(),
                request.options(),
                input,
                request.input(),
                span.startFrame(),
                span.frameCount(),
                plan.frameRate(),
                piece);
        return startPiece(
                request,
                input,
                piece,
                command,
                file -> checks.verifySegment(file, request.profile(), span.frameCount(), plan.frameRate()),
                span.durationSeconds(),
                listener);
    }

    /** Encodes every audio track of the whole input into {@code piece}, then verifies it. */
    public RunningTranscode encodeAudio(
            TranscodeRequest request, MediaInfo input, Path piece, ProgressListener listener) {
        List<String> command =
                FfmpegArguments.audioCommand(tools, request.profile(), request.options(), request.input(), piece);
        return startPiece(
                request,
                input,
                piece,
                command,
                file -> checks.verifyAudio(file, request.input(), input, request.profile()),
                input.durationSeconds(),
                listener);
    }

    /**
     * Joins {@code segments} (in order) and {@code audio} into the output's temporary file with stream copy,
     * verifies the result as any output plus the join's own checks, and publishes it through the request's
     * journal.
     *
     * @param audio null when the output has no audio
     */
    public RunningTranscode join(
            TranscodeRequest request,
            MediaInfo input,
            SegmentPlan plan,
            List<Path> segments,
            Path audio,
            Path concatList,
            ProgressListener listener) {
        long startNanos = System.nanoTime();
        Path wanted = request.output().toAbsolutePath().normalize();
        Path reserved;
        Path temp;
        try {
            writeConcatList(concatList, segments);
            reserved = Transcoder.reserveOutput(wanted);
            temp = OutputPaths.tempFor(reserved);
        } catch (IOException e) {
            return Transcoder.failed(
                    request, Transcoder.describeFolderProblem(wanted, e), FailureKind.TRANSIENT, input, startNanos);
        }
        List<String> command = FfmpegArguments.joinCommand(tools, request.profile(), concatList, audio, temp);
        OutputVerifier verifier = new OutputVerifier(prober, tools);
        FfmpegRun run = new FfmpegRun(
                request,
                input,
                wanted,
                reserved,
                temp,
                command,
                file -> {
                    MediaInfo info = verifier.verify(file, input, request.profile());
                    checks.verifyJoin(file, request.input(), plan.totalFrames(), plan.frameRate(), plan.audio());
                    return info;
                },
                true,
                input.durationSeconds(),
                prober,
                listener == null ? ProgressListener.NONE : listener,
                startNanos);
        run.start(launcher);
        return run;
    }

    /** Appends a line to a job's ffmpeg log, where the commands of its pieces are logged too. */
    public static void note(Path logFile, String line) {
        StderrLog.appendLine(logFile, line);
    }

    /** The checksum a finished piece is recorded with and checked against before the join. */
    public static String checksum(Path piece) throws IOException {
        return SegmentChecks.sha256(piece);
    }

    private RunningTranscode startPiece(
            TranscodeRequest request,
            MediaInfo input,
            Path piece,
            List<String> command,
            FfmpegRun.OutputCheck check,
            double seconds,
            ProgressListener listener) {
        long startNanos = System.nanoTime();
        try {
            Files.createDirectories(piece.toAbsolutePath().getParent());
            // A fresh file, so the run's clean-up removes exactly what this run wrote.
            Files.deleteIfExists(piece);
            Files.createFile(piece);
        } catch (IOException e) {
            return Transcoder.failed(
                    request,
                    Transcoder.describeFolderProblem(piece.toAbsolutePath(), e),
                    FailureKind.TRANSIENT,
                    input,
                    startNanos);
        }
        FfmpegRun run = new FfmpegRun(
                request,
                input,
                piece,
                piece,
                piece,
                command,
                check,
                false,
                seconds,
                prober,
                listener == null ? ProgressListener.NONE : listener,
                startNanos);
        run.start(launcher);
        return run;
    }

    /** The concat demuxer's list: absolute paths, quoted, in segment order. */
    private static void writeConcatList(Path list, List<Path> segments) throws IOException {
        StringBuilder text = new StringBuilder("ffconcat version 1.0\n");
        for (Path segment : segments) {
            String path = segment.toAbsolutePath().normalize().toString().replace("'", "'\\''");
            text.append("file '").append(path).append("'\n");
        }
        Files.writeString(list, text.toString(), StandardCharsets.UTF_8);
    }
}
