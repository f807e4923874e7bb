package dev.bulletproof.daemon.jobs;

import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.daemon.config.DaemonConfig;
import dev.bulletproof.daemon.jobs.PublishIntent.Disposal;
import dev.bulletproof.daemon.media.OutputPublisher;
import dev.bulletproof.daemon.media.PublishJournal;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.OnSuccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finishes or rolls back every publish sequence a crash interrupted, at start and before any worker runs
 * (docs/decisions/0003-exactly-once-publish.md): a final file that matches its intent, or a verified
 * temporary file without one, makes the job completed once (its on_success finished); anything else is
 * discarded and the job is left to the ordinary crash recovery, which queues it again.
 */
final class PublishRecovery {

    private static final System.Logger LOG = System.getLogger(PublishRecovery.class.getName());

    private final JobRepository jobs;
    private final PublishIntentStore intents;
    private final DaemonConfig config;
    /** Only this node's publishes on a database shared by nodes; null for all (a single machine's). */
    private final String ownNode;

    PublishRecovery(JobRepository jobs, PublishIntentStore intents, DaemonConfig config, String ownNode) {
        this.jobs = jobs;
        this.intents = intents;
        this.config = config;
        this.ownNode = ownNode;
    }

    /** @return the jobs completed by finishing their publish */
    List<Job> run() {
        List<Job> completed = new ArrayList<>();
        for (PublishIntent intent : intents.all()) {
            finish(intent).ifPresent(completed::add);
        }
        return completed;
    }

    /**
     * Finishes the interrupted publish of one job, if it has one: the same as at start, for a run of this
     * node that ended without recording its outcome (the database failed at that moment).
     */
    Optional<Job> finishFor(long jobId) {
        return intents.all().stream()
                .filter(intent -> intent.jobId() == jobId)
                .findFirst()
                .flatMap(this::finish);
    }

    private Optional<Job> finish(PublishIntent intent) {
        Job job = jobs.get(intent.jobId());
        if (ownNode != null && !ownNode.equals(job.nodeId())) {
            return Optional.empty(); // another node's publish, perhaps under way right now
        }
        if (job.status() != JobStatus.PROCESSING && job.status() != JobStatus.PAUSED) {
            // Only a running job can record an intent, and completing it removes the intent; keep the files.
            LOG.log(
                    System.Logger.Level.WARNING,
                    "job " + job.id() + " is " + job.status().wireName() + " but has an unfinished publish of "
                            + intent.finalPath() + "; left as it is");
            intents.discard(job.id());
            return Optional.empty();
        }
        Path published;
        try {
            published = OutputPublisher.recover(
                    intent.tempPath(), intent.finalPath(), intent.size(), intent.fingerprint(), journalOf(intent));
        } catch (IOException e) {
            throw new BulletproofException(
                    "cannot finish publishing the output of job " + job.id() + " (" + intent.finalPath() + "): "
                            + e.getMessage() + "; fix the output folder and start the daemon again",
                    e);
        }
        if (published == null) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "job " + job.id() + ": the crash came before its output was complete; it will run again");
            intents.discard(job.id());
            return Optional.empty();
        }
        finishDisposal(intent, job);
        if (job.status() == JobStatus.PAUSED) {
            jobs.resumeRunning(job.id()); // keeps the history a legal sequence, as for a run ending while paused
        }
        LOG.log(
                System.Logger.Level.INFO,
                "job " + job.id() + ": finished publishing " + published + " after a crash; it does not run again");
        return Optional.of(jobs.markCompleted(
                job.id(), ExecutionResult.succeeded(published.toString(), true, intent.processingSeconds())));
    }

    private void finishDisposal(PublishIntent intent, Job job) {
        Path input = Path.of(job.inputPath());
        Disposal action = intent.disposal();
        Path target = intent.disposalTarget();
        if (Files.exists(input) && !InputDisposal.stillTheJobsFile(input, job)) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "job " + job.id() + ": " + input + " changed since the job began; left where it is");
            return;
        }
        if (action == null) {
            OnSuccess onSuccess = job.onSuccess() != null ? job.onSuccess() : config.onSuccess();
            if (onSuccess == OnSuccess.KEEP || !Files.exists(input)) {
                return;
            }
            action = onSuccess == OnSuccess.MOVE ? Disposal.MOVE : Disposal.DELETE;
            target = action == Disposal.MOVE
                    ? InputDisposal.moveTarget(
                            input,
                            config.folderOf(job.watchFolder(), input).path(),
                            config.folderOf(job.watchFolder(), input).processedFolder())
                    : null;
            intents.recordDisposal(job.id(), action, target);
        }
        InputDisposal.apply(action, input, target);
    }

    private PublishJournal journalOf(PublishIntent intent) {
        return new PublishJournal() {
            @Override
            public boolean intend(Path temp, Path target, long size, String fingerprint) {
                return true; // recorded before the crash
            }

            @Override
            public void retarget(Path target) {
                intents.retarget(intent.jobId(), target);
            }

            @Override
            public void abandon() {
                intents.discard(intent.jobId());
            }
        };
    }
}
