package dev.bulletproof.daemon.media;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts encodes. Everything that can be wrong with the input or the output folder is reported as a
 * FAILED result with a clear message, never as an exception, so a bad file can never take a worker down.
 */
public final class Transcoder {

    private final MediaTools tools;
    private final ProcessLauncher launcher;
    private final MediaProber prober;

    public Transcoder(MediaTools tools) {
        this(tools, ProcessLauncher.SYSTEM);
    }

    public Transcoder(MediaTools tools, ProcessLauncher launcher) {
        this.tools = tools;
        this.launcher = launcher;
        this.prober = new MediaProber(tools);
    }

    public RunningTranscode start(TranscodeRequest request, ProgressListener listener) {
        long startNanos = System.nanoTime();
        MediaInfo input;
        try {
            input = prober.probe(request.input());
        } catch (ProbeException e) {
            FailureKind kind = e instanceof ProbeToolException ? FailureKind.TRANSIENT : FailureKind.INPUT;
            return failed(request, e.getMessage(), kind, null, startNanos);
        }
        String unsuitable = unsuitableInput(input, request.profile());
        if (unsuitable != null) {
            return failed(request, unsuitable, FailureKind.INPUT, input, startNanos);
        }
        Path wanted = request.output().toAbsolutePath().normalize();
        if (wanted.equals(request.input().toAbsolutePath().normalize())) {
            return failed(
                    request,
                    "output " + wanted + " is the input itself; choose another output name",
                    FailureKind.INPUT,
                    input,
                    startNanos);
        }
        Path reserved;
        Path temp;
        try {
            reserved = reserveOutput(wanted);
            temp = OutputPaths.tempFor(reserved);
        } catch (IOException e) {
            return failed(request, describeFolderProblem(wanted, e), FailureKind.TRANSIENT, input, startNanos);
        }
        List<String> command =
                FfmpegArguments.command(tools, request.profile(), request.options(), input, request.input(), temp);
        FfmpegRun run = new FfmpegRun(
                request,
                input,
                wanted,
                reserved,
                temp,
                command,
                new OutputVerifier(prober, tools),
                prober,
                listener == null ? ProgressListener.NONE : listener,
                startNanos);
        run.start(launcher);
        return run;
    }

    /** The exact command {@link #start} would run, for display and benchmarks. */
    public List<String> commandFor(TranscodeRequest request) {
        MediaInfo input = prober.probe(request.input());
        String unsuitable = unsuitableInput(input, request.profile());
        if (unsuitable != null) {
            throw new ProbeException(unsuitable);
        }
        Path wanted = request.output().toAbsolutePath().normalize();
        return FfmpegArguments.command(
                tools, request.profile(), request.options(), input, request.input(), OutputPaths.tempFor(wanted));
    }

    static String unsuitableInput(MediaInfo input, Profile profile) {
        if (!profile.isAudioOnly() && !input.hasVideo()) {
            return "input has no video stream; use audio-qlab for audio-only files";
        }
        if (!profile.isAudioOnly() && isStillImage(input)) {
            return "input is a still image (" + input.video().codec() + "), not video; profile " + profile.name()
                    + " needs timed video";
        }
        if (!profile.isAudioOnly()
                && input.video().frameCount() != null
                && input.video().frameCount() == 1) {
            return "input is a single frame, not video; profile " + profile.name() + " needs timed video";
        }
        if (input.durationSeconds() <= 0) {
            return "input has no duration, so it is not timed media and its output could not be verified";
        }
        if (profile.isAudioOnly() && !input.hasAudio()) {
            return "input has no audio stream; profile " + profile.name() + " makes audio files only";
        }
        return null;
    }

    /** ffprobe reads pictures through its image demuxers: "png_pipe", "jpeg_pipe"..., or "image2" for a sequence. */
    private static boolean isStillImage(MediaInfo input) {
        String format = input.formatName();
        return format.equals("image2") || format.endsWith("_pipe");
    }

    /**
     * Creates the output folder and claims a free name by creating its temporary file, which both proves the
     * folder is writable and makes concurrent encodes aiming at the same name pick different ones.
     */
    static Path reserveOutput(Path wanted) throws IOException {
        Path folder = wanted.getParent();
        Files.createDirectories(folder);
        for (int attempt = 0; attempt < 1000; attempt++) {
            Path candidate = OutputPaths.nextFree(wanted);
            try {
                Files.createFile(OutputPaths.tempFor(candidate));
                return candidate;
            } catch (FileAlreadyExistsException e) {
                // Taken by a concurrent encode a moment ago; try the next name.
            }
        }
        throw new IOException("no free output name near " + wanted.getFileName());
    }

    static String describeFolderProblem(Path wanted, IOException e) {
        String reason =
                switch (e) {
                    case AccessDeniedException denied -> "permission denied";
                    case FileAlreadyExistsException inTheWay -> "a file is in the way: " + inTheWay.getFile();
                    case FileSystemException fs when fs.getReason() != null -> fs.getReason() + ": " + fs.getFile();
                    default -> e.getMessage();
                };
        return "cannot write to output folder " + wanted.getParent() + " (" + reason + ")";
    }

    /**
     * An encode that ended before ffmpeg ran. Its reason goes into the job's log too, so every job has a log
     * that says what happened, including one refused at the probe.
     */
    static RunningTranscode failed(
            TranscodeRequest request, String error, FailureKind kind, MediaInfo input, long startNanos) {
        StderrLog.appendLine(request.logFile(), "not started: " + error);
        return new FinishedTranscode(
                TranscodeResult.failed(error, kind, input, Duration.ofNanos(System.nanoTime() - startNanos)));
    }
}
