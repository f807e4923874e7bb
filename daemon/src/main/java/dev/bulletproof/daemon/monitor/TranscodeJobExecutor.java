package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.daemon.CrashPoint;
import dev.bulletproof.daemon.config.PipelineSettings;
import dev.bulletproof.daemon.config.WatchFolder;
import dev.bulletproof.daemon.events.Alert;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.Execution;
import dev.bulletproof.daemon.jobs.ExecutionListener;
import dev.bulletproof.daemon.jobs.ExecutionResult;
import dev.bulletproof.daemon.jobs.InputDisposal;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobExecutor;
import dev.bulletproof.daemon.jobs.LiveProgress;
import dev.bulletproof.daemon.jobs.PublishIntent;
import dev.bulletproof.daemon.jobs.PublishIntent.Disposal;
import dev.bulletproof.daemon.jobs.PublishIntentStore;
import dev.bulletproof.daemon.jobs.SegmentStore;
import dev.bulletproof.daemon.media.EncodeOptions;
import dev.bulletproof.daemon.media.EncodeRegistry;
import dev.bulletproof.daemon.media.FailureKind;
import dev.bulletproof.daemon.media.MediaInfo;
import dev.bulletproof.daemon.media.PlannedProfile;
import dev.bulletproof.daemon.media.Profile;
import dev.bulletproof.daemon.media.PublishJournal;
import dev.bulletproof.daemon.media.RunningTranscode;
import dev.bulletproof.daemon.media.SegmentSettings;
import dev.bulletproof.daemon.media.SegmentedTranscoder;
import dev.bulletproof.daemon.media.TranscodeRequest;
import dev.bulletproof.daemon.media.TranscodeResult;
import dev.bulletproof.daemon.media.Transcoder;
import dev.bulletproof.model.OnSuccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Runs a claimed job through the media engine: encode to a temporary file, verify, publish, and only
 * then apply the job's on_success to its input. The worker pool sees only the {@link JobExecutor} seam.
 */
public final class TranscodeJobExecutor implements JobExecutor {

    private static final System.Logger LOG = System.getLogger(TranscodeJobExecutor.class.getName());

    /** Appended to the error of a job whose source is at fault, so the user knows what to do. */
    static final String INPUT_FAULT =
            " — the source file is at fault, so it is not retried: replace or repair it, then retry the job";

    private final Transcoder transcoder;
    private final Supplier<PipelineSettings> settings;
    private final Path logFolder;
    private final EncodeRegistry encodes;
    private final PublishIntentStore intents;
    private final EventBus bus;
    private final LongFunction<Optional<String>> plannedProfiles;
    private final Segmenting segmenting;

    /**
     * How long inputs are segmented (docs/decisions/0027-segmented-encoding.md).
     *
     * @param cancelledByUser whether a job is cancelled now: a cancelled run removes its segment files, one
     *     stopped by a daemon stop keeps them for the next run
     */
    public record Segmenting(
            SegmentSettings settings,
            SegmentedTranscoder media,
            SegmentStore store,
            java.util.function.LongPredicate cancelledByUser) {

        /** Every job as one piece, as before segmented encoding existed. */
        public static Segmenting off() {
            return new Segmenting(SegmentSettings.off(), null, null, id -> false);
        }
    }

    /**
     * @param plannedProfiles the whole profile a job was queued with, as its row keeps it (JSON); jobs
     *     without one run by their profile's name in this node's catalog
     */
    public TranscodeJobExecutor(
            Transcoder transcoder,
            Supplier<PipelineSettings> settings,
            Path logFolder,
            EncodeRegistry encodes,
            PublishIntentStore intents,
            EventBus bus,
            LongFunction<Optional<String>> plannedProfiles,
            Segmenting segmenting) {
        this.plannedProfiles = plannedProfiles;
        this.transcoder = transcoder;
        this.settings = settings;
        this.logFolder = logFolder;
        this.encodes = encodes;
        this.intents = intents;
        this.bus = bus;
        this.segmenting = segmenting;
    }

    /** The per-job ffmpeg log, kept in the data folder for the job's detail view. */
    public static Path logFileOf(Path logFolder, long jobId) {
        return logFolder.resolve("job-" + jobId + ".log");
    }

    @Override
    public Execution start(Job job, ExecutionListener listener) {
        return start(job, 0, listener);
    }

    @Override
    public Execution start(Job job, int worker, ExecutionListener listener) {
        PipelineSettings current = settings.get();
        Optional<Profile> profile = profileOf(job, current);
        if (profile.isEmpty()) {
            return new FinishedExecution(ExecutionResult.failed(
                    "profile '" + job.profile() + "' no longer exists; choose another and retry", false, 0));
        }
        long startNanos = System.nanoTime();
        OnSuccess onSuccess =
                job.onSuccess() != null ? job.onSuccess() : current.config().onSuccess();
        TranscodeRequest request = new TranscodeRequest(
                Path.of(job.inputPath()),
                Path.of(job.outputPath()),
                profile.get(),
                EncodeOptions.defaults(),
                logFileOf(logFolder, job.id()),
                current.config().stallTimeout(),
                journalFor(job, startNanos));
        Outcome outcome = new Outcome(job, onSuccess, current);
        if (mayBeSegmented(job)) {
            SegmentedTranscoder.Planned planned =
                    segmenting.media().plan(request.input(), profile.get(), segmenting.settings());
            if (planned.plan().segmented()) {
                SegmentedExecution.Context context = new SegmentedExecution.Context(
                        segmenting.media(),
                        segmenting.store(),
                        encodes,
                        segmenting.cancelledByUser(),
                        outcome::toExecutionResult);
                return new SegmentedExecution(context, job, worker, request, planned.input(), planned.plan(), listener);
            }
            SegmentedTranscoder.note(request.logFile(), planned.plan().reason());
        }
        RunningTranscode running = transcoder.start(
                request,
                progress -> listener.onProgress(new LiveProgress(
                        job.id(),
                        progress.fraction(),
                        progress.fps(),
                        progress.speed(),
                        progress.etaSeconds(),
                        (System.nanoTime() - startNanos) / 1e9)));
        encodes.register(job.id(), running.pid());
        return new TranscodeExecution(job, running, outcome);
    }

    /** A job whose stored duration is known to be short is not probed again just to be told so. */
    private boolean mayBeSegmented(Job job) {
        return segmenting.settings().enabled()
                && (job.mediaDurationSeconds() == null
                        || job.mediaDurationSeconds() > segmenting.settings().thresholdSeconds());
    }

    /**
     * The profile the job was planned with, whole, so that it runs the same on every node whatever their
     * own config files say; a job queued before plans were kept runs by its profile's name.
     */
    private Optional<Profile> profileOf(Job job, PipelineSettings current) {
        Optional<String> planned = plannedProfiles.apply(job.id());
        Optional<Profile> profile = planned.flatMap(PlannedProfile::fromJson);
        if (profile.isEmpty() && planned.isPresent()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "job " + job.id() + ": its planned profile cannot be read (written by a newer version?);"
                            + " it runs with this node's profile '" + job.profile() + "'");
        }
        return profile.or(() -> current.profiles().find(job.profile()));
    }

    /** The job's publish intent lives in the job store, so start-up recovery can finish what a crash cut short. */
    private PublishJournal journalFor(Job job, long startNanos) {
        return new PublishJournal() {
            @Override
            public boolean intend(Path temp, Path target, long size, String fingerprint) {
                double seconds = (System.nanoTime() - startNanos) / 1e9;
                return intents.record(
                        PublishIntent.beforeRename(job.id(), temp, target, size, fingerprint, seconds),
                        job.leaseHeld());
            }

            @Override
            public void retarget(Path target) {
                intents.retarget(job.id(), target);
            }

            @Override
            public void abandon() {
                intents.discard(job.id());
            }
        };
    }

    /** A job that could not start: nothing to suspend or cancel, its result is known already. */
    private record FinishedExecution(ExecutionResult result) implements Execution {
        @Override
        public void suspend() {}

        @Override
        public void resume() {}

        @Override
        public void cancel() {}

        @Override
        public ExecutionResult await() {
            return result;
        }
    }

    private final class TranscodeExecution implements Execution {
        private final Job job;
        private final RunningTranscode running;
        private final Outcome outcome;

        TranscodeExecution(Job job, RunningTranscode running, Outcome outcome) {
            this.job = job;
            this.running = running;
            this.outcome = outcome;
        }

        @Override
        public void suspend() {
            running.suspend();
        }

        @Override
        public void resume() {
            running.resume();
        }

        @Override
        public void cancel() {
            running.cancel();
        }

        @Override
        public ExecutionResult await() throws InterruptedException {
            TranscodeResult result;
            try {
                result = running.await();
            } finally {
                encodes.unregister(job.id());
            }
            return outcome.toExecutionResult(result);
        }
    }

    /** How an encode's result becomes the job's: the input's on_success applied once its output is published. */
    private final class Outcome {
        private final Job job;
        private final OnSuccess onSuccess;
        private final PipelineSettings settingsAtStart;

        Outcome(Job job, OnSuccess onSuccess, PipelineSettings settingsAtStart) {
            this.job = job;
            this.onSuccess = onSuccess;
            this.settingsAtStart = settingsAtStart;
        }

        private ExecutionResult toExecutionResult(TranscodeResult result) {
            double seconds = result.elapsed() == null ? 0 : result.elapsed().toMillis() / 1000.0;
            MediaInfo input = result.input();
            Double duration = input == null ? null : input.durationSeconds();
            Long bitrate = input == null ? null : input.bitRate();
            String resolution = input == null ? null : input.resolution();
            return switch (result.outcome()) {
                case SUCCEEDED -> {
                    disposeOfInput(result);
                    yield new ExecutionResult(
                            ExecutionResult.Outcome.SUCCEEDED,
                            result.output().toString(),
                            null,
                            result.verified(),
                            duration,
                            bitrate,
                            resolution,
                            seconds,
                            false,
                            sizeOf(result.output()));
                }
                case CANCELLED -> ExecutionResult.cancelled(seconds);
                case STALLED ->
                    new ExecutionResult(
                            ExecutionResult.Outcome.STALLED,
                            null,
                            result.error(),
                            null,
                            duration,
                            bitrate,
                            resolution,
                            seconds,
                            true);
                // The media engine says whose fault it was: a source that is not media, a still image or a
                // file cut short fails the same way every time; a killed encoder or a full disk may not.
                case FAILED -> {
                    boolean retryable = result.failureKind() != FailureKind.INPUT;
                    yield new ExecutionResult(
                            ExecutionResult.Outcome.FAILED,
                            null,
                            retryable ? result.error() : result.error() + INPUT_FAULT,
                            null,
                            duration,
                            bitrate,
                            resolution,
                            seconds,
                            retryable);
                }
            };
        }

        /** The published output's size for the job's record; unknown rather than failing a published job. */
        private static Long sizeOf(Path output) {
            try {
                return output == null ? null : Files.size(output);
            } catch (IOException e) {
                return null;
            }
        }

        /**
         * Moves or deletes the input now that its output is published. The action is recorded in the job's
         * publish intent first, so a crash in the middle is finished by start-up recovery, never repeated on
         * a file that is no longer the job's.
         */
        /** Into the processed folder of the folder the job came from, keeping its place below that folder. */
        private Path moveTarget(Path input) {
            WatchFolder from = settingsAtStart.config().folderOf(job.watchFolder(), input);
            return InputDisposal.moveTarget(input, from.path(), from.processedFolder());
        }

        private void disposeOfInput(TranscodeResult result) {
            if (!result.verified() || onSuccess == OnSuccess.KEEP) {
                return;
            }
            Path input = Path.of(job.inputPath());
            try {
                if (!InputDisposal.stillTheJobsFile(input, job)) {
                    throw new BulletproofException("the input changed or vanished during the encode, so it was left"
                            + " where it is instead of being " + (onSuccess == OnSuccess.MOVE ? "moved" : "deleted"));
                }
                Disposal action = onSuccess == OnSuccess.MOVE ? Disposal.MOVE : Disposal.DELETE;
                Path target = action == Disposal.MOVE ? moveTarget(input) : null;
                intents.recordDisposal(job.id(), action, target);
                CrashPoint.reached("dispose.after-record");
                InputDisposal.apply(action, input, target);
                CrashPoint.reached("dispose.after-apply");
            } catch (BulletproofException e) {
                LOG.log(System.Logger.Level.WARNING, "job " + job.id() + ": " + e.getMessage());
                bus.publish(Alert.error(job.filename() + ": " + e.getMessage(), job.id()));
            }
        }
    }
}
