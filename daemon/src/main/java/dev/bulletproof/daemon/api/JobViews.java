package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobCommand;
import dev.bulletproof.daemon.jobs.JobQueries;
import dev.bulletproof.daemon.jobs.LiveProgress;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import java.util.List;
import java.util.Optional;

/** Jobs as the API shows them: the stored job plus, while it runs, the live progress kept in memory. */
public final class JobViews {

    private JobViews() {}

    public static JobModel of(Job job, JobQueries live, ClusterNodes nodes) {
        return of(job, job.status().isActive() ? live.progress(job.id()) : Optional.empty(), nodes);
    }

    public static List<JobModel> of(List<Job> jobs, JobQueries live, ClusterNodes nodes) {
        return jobs.stream().map(job -> of(job, live, nodes)).toList();
    }

    public static JobModel of(Job job, Optional<LiveProgress> live, ClusterNodes nodes) {
        boolean running = job.status().isActive() && live.isPresent();
        // A paused encode makes no progress: its last fps, speed and ETA would be stale figures.
        boolean moving = running && job.status() == JobStatus.PROCESSING;
        return new JobModel(
                Long.toString(job.id()),
                job.filename(),
                job.status(),
                progress(job, live),
                job.startedAt(),
                job.completedAt(),
                job.error(),
                job.profile(),
                job.mediaDurationSeconds(),
                job.bitrate(),
                job.resolution(),
                job.inputPath(),
                job.outputPath(),
                job.priority(),
                job.attempts(),
                job.createdAt(),
                running ? Double.valueOf(live.get().elapsedSeconds()) : job.processingSeconds(),
                moving ? live.get().fps() : null,
                moving ? live.get().speed() : null,
                moving ? live.get().etaSeconds() : null,
                job.verified(),
                job.statusReason(),
                JobCommand.allowedActions(job.status()),
                job.inputSize(),
                job.mediaFacts(),
                job.outputSize(),
                job.compressionRatio(),
                job.thumbnail(),
                nodes == null ? null : nodes.nodeOf(job).orElse(null),
                job.watchFolder());
    }

    private static double progress(Job job, Optional<LiveProgress> live) {
        if (job.status() == JobStatus.COMPLETED) {
            return 1.0;
        }
        if (!job.status().isActive()) {
            return 0.0;
        }
        return live.map(p -> Math.clamp(p.fraction(), 0.0, 1.0)).orElse(0.0);
    }

    /** A job's units of work as the API shows them; a job without any runs as one piece. */
    public static dev.bulletproof.model.JobSegmentsModel segmentsOf(
            long jobId, List<dev.bulletproof.daemon.jobs.JobSegment> segments) {
        return new dev.bulletproof.model.JobSegmentsModel(
                Long.toString(jobId),
                segments.isEmpty() ? "single" : "segmented",
                segments.stream()
                        .map(segment -> new dev.bulletproof.model.JobSegmentsModel.Segment(
                                segment.kind().columnValue(),
                                segment.index(),
                                segment.startSeconds(),
                                segment.durationSeconds(),
                                segment.startFrame(),
                                segment.frameCount(),
                                segment.state().columnValue(),
                                segment.attempts(),
                                segment.sizeBytes(),
                                segment.nodeId(),
                                segment.worker()))
                        .toList());
    }
}
