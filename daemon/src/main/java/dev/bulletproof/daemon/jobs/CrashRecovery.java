package dev.bulletproof.daemon.jobs;

import dev.bulletproof.daemon.config.DaemonConfig;
import dev.bulletproof.daemon.media.EncodeRegistry;
import dev.bulletproof.daemon.media.OutputPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Puts right what a crash of the previous daemon left behind. Runs at start, before any worker, so nothing
 * can run twice. In this order:
 *
 * <ol>
 *   <li>ffmpeg processes the previous daemon left running are stopped;
 *   <li>every publish sequence it interrupted is finished or rolled back ({@link PublishRecovery}): a job
 *       whose verified output already carries its final name is completed, not queued again
 *       (docs/decisions/0003-exactly-once-publish.md), so this must come before the next step;
 *   <li>every job still processing or paused goes back to the queue, or fails when its attempts are used
 *       up, and its half-written temporary files are deleted (the verified segments of a segmented job are
 *       kept for its next run);
 *   <li>segment files no run will join any more are removed ({@link SegmentCleanup}).
 * </ol>
 */
public final class CrashRecovery {

    private static final System.Logger LOG = System.getLogger(CrashRecovery.class.getName());

    private final JobRepository jobs;
    private final PublishIntentStore intents;
    private final EncodeRegistry encodes;
    private final DaemonConfig config;
    private final String ownNode;
    private final SegmentStore segments;

    public CrashRecovery(JobRepository jobs, PublishIntentStore intents, EncodeRegistry encodes, DaemonConfig config) {
        this(jobs, intents, encodes, config, null);
    }

    public CrashRecovery(
            JobRepository jobs,
            PublishIntentStore intents,
            EncodeRegistry encodes,
            DaemonConfig config,
            String ownNode) {
        this(jobs, intents, encodes, config, ownNode, null);
    }

    /**
     * @param ownNode on a database shared by nodes, this node's id: only its own publishes are finished here
     *     (the job store's recovery likewise takes only its own jobs); null on a single machine's database
     * @param segments the pieces of segmented encodes, whose leftovers are removed last; null for none
     */
    public CrashRecovery(
            JobRepository jobs,
            PublishIntentStore intents,
            EncodeRegistry encodes,
            DaemonConfig config,
            String ownNode,
            SegmentStore segments) {
        this.jobs = jobs;
        this.intents = intents;
        this.encodes = encodes;
        this.config = config;
        this.ownNode = ownNode;
        this.segments = segments;
    }

    /** @return the jobs found interrupted and put back in the queue (or failed) */
    public List<Job> run() {
        stopLeftoverEncodes();
        new PublishRecovery(jobs, intents, config, ownNode).run();
        List<Job> recovered = jobs.recoverAfterCrash(config.maxAttempts());
        recovered.forEach(CrashRecovery::removePartialOutputs);
        // An interrupted segmented job keeps its verified segments for its next run (decision 0027).
        if (segments != null) {
            new SegmentCleanup(jobs, segments)
                    .run(config.folders().stream()
                            .map(dev.bulletproof.daemon.config.WatchFolder::outputFolder)
                            .toList());
        }
        if (!recovered.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, recovered.size() + " job(s) interrupted by a crash were recovered");
        }
        return recovered;
    }

    /**
     * While the daemon runs: finishes the publish of a job of this node whose run ended without recording
     * its outcome (the database failed just then, so its verified output may carry its final name already).
     * Left alone, such a job would wait for a restart: it is held by a live node, and a publishing job is
     * never queued again. The caller makes sure no run of the job is under way.
     *
     * @return the job, completed, when its publish could be finished; empty when it had none or its output
     *     was not complete (the job can then be queued again)
     */
    public Optional<Job> finishPublishOf(long jobId) {
        return new PublishRecovery(jobs, intents, config, ownNode).finishFor(jobId);
    }

    private void stopLeftoverEncodes() {
        List<Long> orphans = encodes.killLeftovers();
        if (!orphans.isEmpty()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "stopped ffmpeg left running by a previous daemon for jobs " + orphans);
        }
    }

    /** Its temporary file may be named after the planned output or after a "-2"... variant of it. */
    public static void removePartialOutputs(Job job) {
        if (job.outputPath() == null) {
            return;
        }
        for (Path temp : OutputPaths.temporariesOf(Path.of(job.outputPath()))) {
            try {
                if (Files.deleteIfExists(temp)) {
                    LOG.log(System.Logger.Level.INFO, "removed the partial output of job " + job.id() + ": " + temp);
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot remove the partial output " + temp + ": " + e);
            }
        }
    }
}
