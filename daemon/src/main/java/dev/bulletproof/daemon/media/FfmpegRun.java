package dev.bulletproof.daemon.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One ffmpeg process from start to published file. Three threads per encode: progress (stdout), stderr
 * drain, and a supervisor that runs the stall watchdog, waits for the exit, then verifies and publishes.
 * Every way out of the supervisor completes the result and removes the temporary file, so no failure
 * leaves a partial file behind or a caller waiting forever.
 */
final class FfmpegRun implements RunningTranscode {

    private static final System.Logger LOG = System.getLogger(FfmpegRun.class.getName());
    private static final long PIPE_JOIN_MILLIS = 5_000;
    /** How long cancel() waits for the killed encode to be cleaned up (temporary file removed). */
    private static final Duration CANCEL_CLEANUP_WAIT = Duration.ofSeconds(10);

    private final TranscodeRequest request;
    private final MediaInfo input;
    private final Path wanted;
    private final Path reserved;
    private final Path temp;
    /**
     * The identity (device and inode) of the temporary file this run reserved. On a shared output folder a
     * node whose job was taken over while it was frozen may wake up after the new owner removed that file
     * and made its own under the same name; deleting by name would then destroy the new owner's work.
     */
    private final Object tempIdentity;

    private final List<String> command;
    private final OutputCheck check;
    /** False for a piece of a segmented encode: verified and kept under its temporary name, never published. */
    private final boolean publish;

    private final double progressSeconds;
    private final MediaProber prober;
    private final ProgressListener listener;
    private final long startNanos;
    private final StderrLog stderrLog;
    private final CompletableFuture<TranscodeResult> result = new CompletableFuture<>();
    private final Object control = new Object();

    private volatile Process process;
    private volatile long lastActivityNanos;
    private volatile boolean suspended;
    private volatile boolean cancelRequested;
    private volatile boolean stalled;

    FfmpegRun(
            TranscodeRequest request,
            MediaInfo input,
            Path wanted,
            Path reserved,
            Path temp,
            List<String> command,
            OutputVerifier verifier,
            MediaProber prober,
            ProgressListener listener,
            long startNanos) {
        this(
                request,
                input,
                wanted,
                reserved,
                temp,
                command,
                file -> verifier.verify(file, input, request.profile()),
                true,
                input.durationSeconds(),
                prober,
                listener,
                startNanos);
    }

    /**
     * @param check verifies the finished file, throwing {@link VerificationException} naming what is wrong
     * @param publish whether a verified file is published ({@link OutputPublisher}) or kept as {@code temp}
     * @param progressSeconds the media time this run encodes, which its progress is a fraction of
     */
    FfmpegRun(
            TranscodeRequest request,
            MediaInfo input,
            Path wanted,
            Path reserved,
            Path temp,
            List<String> command,
            OutputCheck check,
            boolean publish,
            double progressSeconds,
            MediaProber prober,
            ProgressListener listener,
            long startNanos) {
        this.request = request;
        this.input = input;
        this.wanted = wanted;
        this.reserved = reserved;
        this.temp = temp;
        this.tempIdentity = identityOf(temp);
        this.command = List.copyOf(command);
        this.check = check;
        this.publish = publish;
        this.progressSeconds = progressSeconds;
        this.prober = prober;
        this.listener = listener;
        this.startNanos = startNanos;
        this.stderrLog = new StderrLog(request.logFile());
    }

    void start(ProcessLauncher launcher) {
        writeLogHeader();
        try {
            process = launcher.launch(command);
        } catch (IOException | RuntimeException e) {
            deleteTemp();
            complete(TranscodeResult.Outcome.FAILED, null, "cannot start ffmpeg: " + e.getMessage(), null);
            return;
        }
        lastActivityNanos = System.nanoTime();
        String name = "ffmpeg-" + process.pid();
        Thread progress = Thread.ofPlatform().daemon().name(name + "-progress").start(this::readProgress);
        Thread stderr = Thread.ofPlatform()
                .daemon()
                .name(name + "-stderr")
                .start(() -> stderrLog.drain(process.getErrorStream()));
        Thread.ofPlatform().daemon().name(name + "-supervisor").start(() -> supervise(progress, stderr));
    }

    @Override
    public void suspend() {
        synchronized (control) {
            if (!isAlive() || suspended) {
                return;
            }
            // Flag first: the watchdog must never see a stopped process as a stalled one.
            suspended = true;
            ProcessSignals.suspend(process.toHandle());
        }
    }

    @Override
    public void resume() {
        synchronized (control) {
            if (!suspended) {
                return;
            }
            if (isAlive()) {
                ProcessSignals.resume(process.toHandle());
            }
            lastActivityNanos = System.nanoTime();
            suspended = false;
        }
    }

    @Override
    public void cancel() {
        if (result.isDone()) {
            return;
        }
        cancelRequested = true;
        Process running = process;
        if (running != null) {
            ProcessTree.kill(running.toHandle());
        }
        // Return only once the supervisor has seen the exit and removed the temporary file, so a caller
        // (a daemon about to exit, a retry about to start) never leaves a half-written file behind.
        try {
            result.get(CANCEL_CLEANUP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "ffmpeg was killed but its run did not finish cleaning up: " + e);
        }
    }

    @Override
    public boolean isAlive() {
        Process running = process;
        return running != null && running.isAlive();
    }

    @Override
    public long pid() {
        Process running = process;
        return running == null ? -1 : running.pid();
    }

    @Override
    public TranscodeResult await() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the supervisor completes results normally", e.getCause());
        }
    }

    private void readProgress() {
        ProgressParser parser = new ProgressParser(progressSeconds);
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                parser.accept(line).ifPresent(this::report);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "progress pipe closed: " + e.getMessage());
        }
    }

    private void report(TranscodeProgress progress) {
        lastActivityNanos = System.nanoTime();
        try {
            listener.onProgress(progress);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "progress listener failed", e);
        }
    }

    private void supervise(Thread progress, Thread stderr) {
        try {
            watchUntilExit();
            progress.join(PIPE_JOIN_MILLIS);
            stderr.join(PIPE_JOIN_MILLIS);
            finish();
        } catch (Throwable e) {
            LOG.log(System.Logger.Level.ERROR, "encode supervisor failed for " + request.input(), e);
            ProcessTree.kill(process.toHandle());
            deleteTemp();
            complete(TranscodeResult.Outcome.FAILED, null, "internal error while encoding: " + e, null);
        }
    }

    private void watchUntilExit() throws InterruptedException {
        long timeoutNanos = request.stallTimeout().toNanos();
        long pollMillis = Math.clamp(request.stallTimeout().toMillis() / 4, 20, 1_000);
        while (!process.waitFor(pollMillis, TimeUnit.MILLISECONDS)) {
            if (!suspended && System.nanoTime() - lastActivityNanos > timeoutNanos) {
                stalled = true;
                // Bounded: a process stuck in the kernel (dead NFS mount) may ignore even SIGKILL for a while.
                ProcessTree.killAndWait(process.toHandle(), 10_000);
                return;
            }
        }
        // ffmpeg is gone; make sure nothing it started lingers either.
        if (process.toHandle().descendants().findAny().isPresent()) {
            ProcessTree.kill(process.toHandle());
        }
    }

    private void finish() {
        if (cancelRequested) {
            deleteTemp();
            complete(TranscodeResult.Outcome.CANCELLED, null, "cancelled", null);
            return;
        }
        if (stalled) {
            deleteTemp();
            String detail = stderrLog.meaningfulLines();
            complete(
                    TranscodeResult.Outcome.STALLED,
                    null,
                    "stalled: ffmpeg made no progress for " + seconds(request.stallTimeout()) + " and was stopped"
                            + (detail.isBlank() ? "" : "\n" + detail),
                    null);
            return;
        }
        int exitCode = process.exitValue();
        if (exitCode != 0) {
            deleteTemp();
            String detail = stderrLog.meaningfulLines();
            complete(
                    TranscodeResult.Outcome.FAILED,
                    null,
                    detail.isBlank() ? "ffmpeg exited with code " + exitCode : detail,
                    null,
                    FailureKind.ofEncoderError(detail));
            return;
        }
        verifyAndPublish();
    }

    private void verifyAndPublish() {
        MediaInfo outputInfo;
        try {
            outputInfo = check.verify(temp);
        } catch (VerificationException e) {
            deleteTemp();
            String cutShort = sourceCutShort();
            if (cutShort != null) {
                complete(
                        TranscodeResult.Outcome.FAILED,
                        null,
                        e.getMessage() + "; " + cutShort,
                        null,
                        FailureKind.INPUT);
            } else {
                complete(TranscodeResult.Outcome.FAILED, null, e.getMessage(), null, FailureKind.TRANSIENT);
            }
            return;
        }
        if (cancelRequested) {
            deleteTemp();
            complete(TranscodeResult.Outcome.CANCELLED, null, "cancelled", null);
            return;
        }
        if (!publish) {
            complete(TranscodeResult.Outcome.SUCCEEDED, temp, null, outputInfo);
            return;
        }
        try {
            Path published = OutputPublisher.publish(temp, reserved, wanted, request.journal());
            complete(TranscodeResult.Outcome.SUCCEEDED, published, null, outputInfo);
        } catch (OutputPublisher.PublishRefusedException e) {
            deleteTemp();
            complete(TranscodeResult.Outcome.CANCELLED, null, "cancelled", null);
        } catch (IOException e) {
            deleteTemp();
            complete(TranscodeResult.Outcome.FAILED, null, "cannot publish output " + wanted + ": " + e, null);
        }
    }

    /**
     * A short output is the source's fault when the source itself ends early (an interrupted copy whose
     * index still declares the whole length): then every retry would fail the same way.
     */
    private String sourceCutShort() {
        try {
            double declared = input.durationSeconds();
            java.util.OptionalDouble end = prober.dataEnd(request.input(), input);
            double tolerance = OutputVerifier.durationTolerance(input);
            if (end.isEmpty() || end.getAsDouble() < declared - tolerance) {
                return String.format(
                        java.util.Locale.ROOT,
                        "the source is cut short: it declares %.2f s but its data %s (an interrupted copy?)",
                        declared,
                        end.isEmpty()
                                ? "cannot be read near its end"
                                : String.format(java.util.Locale.ROOT, "ends at %.2f s", end.getAsDouble()));
            }
            return null;
        } catch (ProbeException e) {
            return null; // cannot tell; a retry costs little
        }
    }

    private void complete(TranscodeResult.Outcome outcome, Path output, String error, MediaInfo outputInfo) {
        FailureKind kind =
                switch (outcome) {
                    case FAILED, STALLED -> FailureKind.TRANSIENT;
                    case SUCCEEDED, CANCELLED -> null;
                };
        complete(outcome, output, error, outputInfo, kind);
    }

    private void complete(
            TranscodeResult.Outcome outcome, Path output, String error, MediaInfo outputInfo, FailureKind kind) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        StderrLog.appendLine(
                request.logFile(),
                "result: " + outcome.name().toLowerCase(java.util.Locale.ROOT)
                        + (output != null ? " -> " + output : "")
                        + (error != null && outcome != TranscodeResult.Outcome.CANCELLED ? ": " + error : ""));
        result.complete(new TranscodeResult(
                outcome,
                output,
                error,
                input,
                outputInfo,
                outcome == TranscodeResult.Outcome.SUCCEEDED,
                elapsed,
                kind));
    }

    /** What makes a finished file acceptable. */
    @FunctionalInterface
    interface OutputCheck {
        MediaInfo verify(Path file);
    }

    private static Object identityOf(Path file) {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
                    .fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private void deleteTemp() {
        Object now = identityOf(temp);
        if (tempIdentity != null && now != null && !tempIdentity.equals(now)) {
            LOG.log(
                    System.Logger.Level.INFO,
                    temp
                            + " is no longer this encode's temporary file (its job was given to another node); left alone");
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete temporary output " + temp + ": " + e.getMessage());
        }
    }

    private void writeLogHeader() {
        StderrLog.appendLine(request.logFile(), "command: " + String.join(" ", command));
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
