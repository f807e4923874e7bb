package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.CrashPoint;
import dev.bulletproof.daemon.jobs.Execution;
import dev.bulletproof.daemon.jobs.ExecutionListener;
import dev.bulletproof.daemon.jobs.ExecutionResult;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobSegment;
import dev.bulletproof.daemon.jobs.JobSegment.Kind;
import dev.bulletproof.daemon.jobs.Lease;
import dev.bulletproof.daemon.jobs.LeaseLostException;
import dev.bulletproof.daemon.jobs.LiveProgress;
import dev.bulletproof.daemon.jobs.SegmentStore;
import dev.bulletproof.daemon.media.EncodeRegistry;
import dev.bulletproof.daemon.media.MediaInfo;
import dev.bulletproof.daemon.media.OutputPaths;
import dev.bulletproof.daemon.media.RunningTranscode;
import dev.bulletproof.daemon.media.SegmentPlan;
import dev.bulletproof.daemon.media.SegmentedTranscoder;
import dev.bulletproof.daemon.media.TranscodeProgress;
import dev.bulletproof.daemon.media.TranscodeRequest;
import dev.bulletproof.daemon.media.TranscodeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * A job encoded in segments, one piece after the other on its worker (docs/decisions/0027-segmented-encoding.md):
 * the plan is recorded in the job store, each video segment and the audio is encoded to its piece beside the
 * output and recorded done (size and SHA-256) once verified, every piece is checked against its record again
 * before the join, and the join is verified and published as any output. What was done before a crash or a
 * restart is kept; a piece that is missing or no longer the file recorded is encoded again.
 */
final class SegmentedExecution implements Execution {

    private static final System.Logger LOG = System.getLogger(SegmentedExecution.class.getName());

    /** Rounds of "encode what is missing, then check every piece": a piece that vanishes again and again fails. */
    private static final int MAX_ROUNDS = 3;

    /** What the pieces of the job need from the rest of the daemon. */
    record Context(
            SegmentedTranscoder media,
            SegmentStore store,
            EncodeRegistry encodes,
            LongPredicate cancelledByUser,
            Function<TranscodeResult, ExecutionResult> outcome) {}

    private final Context context;
    private final Job job;
    private final int worker;
    private final TranscodeRequest request;
    private final MediaInfo input;
    private final SegmentPlan plan;
    private final ExecutionListener listener;
    private final Lease lease;
    private final Path output;
    private final long startNanos = System.nanoTime();
    private final double videoSeconds;
    private final Object control = new Object();

    private RunningTranscode current;
    private boolean suspended;
    private boolean cancelled;
    /** Media seconds of the video segments finished so far, for the whole job's progress. */
    private volatile double doneSeconds;

    SegmentedExecution(
            Context context,
            Job job,
            int worker,
            TranscodeRequest request,
            MediaInfo input,
            SegmentPlan plan,
            ExecutionListener listener) {
        this.context = context;
        this.job = job;
        this.worker = worker;
        this.request = request;
        this.input = input;
        this.plan = plan;
        this.listener = listener;
        this.lease = job.leaseHeld();
        this.output = Path.of(job.outputPath());
        this.videoSeconds = plan.video().stream()
                .mapToDouble(SegmentPlan.Span::durationSeconds)
                .sum();
    }

    @Override
    public void suspend() {
        synchronized (control) {
            suspended = true;
            if (current != null) {
                current.suspend();
            }
        }
    }

    @Override
    public void resume() {
        synchronized (control) {
            suspended = false;
            if (current != null) {
                current.resume();
            }
            control.notifyAll();
        }
    }

    @Override
    public void cancel() {
        RunningTranscode running;
        synchronized (control) {
            cancelled = true;
            running = current;
            control.notifyAll();
        }
        if (running != null) {
            running.cancel();
        }
    }

    @Override
    public ExecutionResult await() throws InterruptedException {
        try {
            return run();
        } catch (LeaseLostException e) {
            LOG.log(System.Logger.Level.WARNING, "job " + job.id() + ": " + e.getMessage());
            cancel();
            return ExecutionResult.failed(e.getMessage(), true, elapsedSeconds());
        } finally {
            context.encodes().unregister(job.id());
        }
    }

    private ExecutionResult run() throws InterruptedException {
        note(plan.reason());
        context.store().plan(lease, planned());
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            TranscodeResult failed = encodeWhatIsMissing();
            if (failed != null) {
                return ended(failed);
            }
            if (allPiecesIntact()) {
                return ended(join());
            }
        }
        return ExecutionResult.failed(
                "segment files kept disappearing or changing before the join (" + MAX_ROUNDS + " rounds)",
                true,
                elapsedSeconds());
    }

    private List<JobSegment.Planned> planned() {
        List<JobSegment.Planned> units = new ArrayList<>();
        for (SegmentPlan.Span span : plan.video()) {
            units.add(new JobSegment.Planned(
                    Kind.VIDEO,
                    span.index(),
                    span.startSeconds(),
                    span.durationSeconds(),
                    span.startFrame(),
                    span.frameCount()));
        }
        if (plan.audio()) {
            units.add(new JobSegment.Planned(Kind.AUDIO, 0, 0, input.durationSeconds(), 0, 0));
        }
        return units;
    }

    /** Encodes each unit that is not done with its piece intact; null when all are, else the failure. */
    private TranscodeResult encodeWhatIsMissing() throws InterruptedException {
        // The audio first: it is quick, and a crash late in the video then finds it done.
        List<JobSegment> units = new ArrayList<>(context.store().of(job.id()));
        units.sort(java.util.Comparator.comparing(unit -> unit.kind() != Kind.AUDIO));
        doneSeconds = 0;
        for (JobSegment unit : units) {
            Path piece = pieceOf(unit);
            if (unit.done() && intact(unit, piece)) {
                countDone(unit);
                continue;
            }
            if (unit.done()) {
                note(describe(unit) + ": its file is missing or is not the one recorded; encoding it again");
                context.store().requeue(lease, unit.kind(), unit.index());
            }
            TranscodeResult result = encode(unit, piece);
            if (!result.succeeded()) {
                if (result.outcome() != TranscodeResult.Outcome.CANCELLED) {
                    context.store().requeue(lease, unit.kind(), unit.index());
                }
                return result;
            }
            record(unit, piece);
            countDone(unit);
        }
        return null;
    }

    private TranscodeResult encode(JobSegment unit, Path piece) throws InterruptedException {
        JobSegment started = context.store().start(lease, unit.kind(), unit.index(), job.nodeId(), worker);
        note(String.format(
                Locale.ROOT,
                "%s: encoding %.3f s of media (attempt %d)",
                describe(unit),
                unit.durationSeconds(),
                started.attempts()));
        return runPiece(() -> unit.kind() == Kind.VIDEO
                ? context.media()
                        .encodeSegment(request, input, plan, plan.video().get(unit.index()), piece, this::onProgress)
                : context.media().encodeAudio(request, input, piece, ignored -> {}));
    }

    /** The verified piece is recorded with its size and checksum; only then does it count as done. */
    private void record(JobSegment unit, Path piece) {
        try {
            long size = Files.size(piece);
            String sha256 = SegmentedTranscoder.checksum(piece);
            context.store().finish(lease, unit.kind(), unit.index(), size, sha256);
            note(describe(unit) + ": done, " + size + " bytes, sha256 " + sha256);
            CrashPoint.reached("segment.after-record");
        } catch (IOException e) {
            throw new SegmentPieceException("cannot read the verified piece " + piece + ": " + e.getMessage());
        }
    }

    /** Every piece is checked against its record right before the join: a changed file is never joined. */
    private boolean allPiecesIntact() {
        boolean intact = true;
        for (JobSegment unit : context.store().of(job.id())) {
            if (!unit.done() || !intact(unit, pieceOf(unit))) {
                note(describe(unit) + ": missing or changed before the join; it is encoded again");
                if (unit.done()) {
                    context.store().requeue(lease, unit.kind(), unit.index());
                }
                intact = false;
            }
        }
        return intact;
    }

    private TranscodeResult join() throws InterruptedException {
        List<Path> segments = plan.video().stream()
                .map(span -> OutputPaths.videoSegmentFor(output, job.id(), span.index()))
                .toList();
        Path audio = plan.audio() ? OutputPaths.audioUnitFor(output, job.id()) : null;
        note("joining " + segments.size() + " segments" + (audio != null ? " and the audio" : ""));
        doneSeconds = videoSeconds;
        TranscodeResult result = runPiece(() -> context.media()
                .join(
                        request,
                        input,
                        plan,
                        segments,
                        audio,
                        OutputPaths.concatListFor(output, job.id()),
                        ignored -> {}));
        if (result.succeeded()) {
            removePieces();
        }
        return result;
    }

    /** Starts one piece unless the run was cancelled, holding it while the job is paused; returns how it ended. */
    private TranscodeResult runPiece(Supplier<RunningTranscode> starter) throws InterruptedException {
        RunningTranscode running;
        synchronized (control) {
            while (suspended && !cancelled) {
                control.wait();
            }
            if (cancelled) {
                return cancelledResult();
            }
            running = starter.get();
            current = running;
        }
        context.encodes().register(job.id(), running.pid());
        try {
            return running.await();
        } finally {
            synchronized (control) {
                current = null;
            }
        }
    }

    /** The whole job's processing time and the source's facts on the last piece's result. */
    private ExecutionResult ended(TranscodeResult last) {
        if (last.outcome() == TranscodeResult.Outcome.CANCELLED
                && context.cancelledByUser().test(job.id())) {
            removePieces();
        }
        TranscodeResult whole = new TranscodeResult(
                last.outcome(),
                last.output(),
                last.error(),
                input,
                last.outputInfo(),
                last.verified(),
                Duration.ofNanos(System.nanoTime() - startNanos),
                last.failureKind());
        return context.outcome().apply(whole);
    }

    private TranscodeResult cancelledResult() {
        return new TranscodeResult(
                TranscodeResult.Outcome.CANCELLED,
                null,
                "cancelled",
                input,
                null,
                false,
                Duration.ofNanos(System.nanoTime() - startNanos),
                null);
    }

    private void removePieces() {
        for (Path piece : OutputPaths.piecesOf(output, job.id())) {
            try {
                Files.deleteIfExists(piece);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot remove segment file " + piece + ": " + e.getMessage());
            }
        }
        context.store().piecesRemoved(job.id());
    }

    private boolean intact(JobSegment unit, Path piece) {
        try {
            return unit.sizeBytes() != null
                    && Files.size(piece) == unit.sizeBytes()
                    && SegmentedTranscoder.checksum(piece).equals(unit.sha256());
        } catch (IOException e) {
            return false;
        }
    }

    private Path pieceOf(JobSegment unit) {
        return unit.kind() == Kind.VIDEO
                ? OutputPaths.videoSegmentFor(output, job.id(), unit.index())
                : OutputPaths.audioUnitFor(output, job.id());
    }

    private void countDone(JobSegment unit) {
        if (unit.kind() == Kind.VIDEO) {
            doneSeconds += unit.durationSeconds();
        }
    }

    /** The whole job's progress: the finished segments plus the running one's part, over all the video. */
    private void onProgress(TranscodeProgress progress) {
        double encoded = Math.min(videoSeconds, doneSeconds + progress.outTimeSeconds());
        double fraction = videoSeconds > 0 ? Math.min(0.99, encoded / videoSeconds) : 0;
        Double eta =
                progress.speed() != null && progress.speed() > 0 ? (videoSeconds - encoded) / progress.speed() : null;
        listener.onProgress(
                new LiveProgress(job.id(), fraction, progress.fps(), progress.speed(), eta, elapsedSeconds()));
    }

    private String describe(JobSegment unit) {
        return unit.kind() == Kind.VIDEO
                ? "segment " + (unit.index() + 1) + " of " + plan.video().size()
                : "audio";
    }

    private void note(String line) {
        SegmentedTranscoder.note(request.logFile(), line);
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** A verified piece that cannot be read back: the run fails and is retried like any I/O failure. */
    static final class SegmentPieceException extends dev.bulletproof.daemon.BulletproofException {
        SegmentPieceException(String message) {
            super(message);
        }
    }
}
