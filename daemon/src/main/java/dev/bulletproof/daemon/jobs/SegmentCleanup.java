package dev.bulletproof.daemon.jobs;

import dev.bulletproof.daemon.media.OutputPaths;
import dev.bulletproof.model.JobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Removes the pieces of segmented encodes that no run will join any more (docs/decisions/0027): those of
 * jobs that finished while their pieces were still on disk (a crash between the join's publish and the
 * removal, a job cancelled while queued), and pieces in the output folders whose job is finished or gone
 * (its history entry deleted). Pieces of a job that is still to run are kept: that is what makes a crash
 * cost one segment. Runs at start, after crash recovery has put interrupted jobs back in the queue.
 */
public final class SegmentCleanup {

    private static final System.Logger LOG = System.getLogger(SegmentCleanup.class.getName());

    /** Outputs may sit in subfolders named by the rule ("{date}/{stem}.{ext}"); deeper than this is unusual. */
    private static final int FOLDER_DEPTH = 4;

    private static final Set<JobStatus> FINISHED = Set.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED);

    private final JobRepository jobs;
    private final SegmentStore segments;

    public SegmentCleanup(JobRepository jobs, SegmentStore segments) {
        this.jobs = jobs;
        this.segments = segments;
    }

    /** @param outputFolders the configured output folders, searched for pieces whose job is gone */
    public void run(List<Path> outputFolders) {
        for (long jobId : segments.finishedJobsWithPiecesOnDisk()) {
            jobs.find(jobId).ifPresent(job -> removePieces(job.id(), Path.of(job.outputPath())));
            segments.piecesRemoved(jobId);
        }
        outputFolders.stream().distinct().forEach(this::removeOrphansIn);
    }

    private void removePieces(long jobId, Path output) {
        OutputPaths.piecesOf(output, jobId).forEach(piece -> delete(piece, jobId));
    }

    private void removeOrphansIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder, FOLDER_DEPTH)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                OptionalLong jobId = OutputPaths.pieceJobId(file);
                if (jobId.isPresent() && noRunWillJoin(jobId.getAsLong())) {
                    delete(file, jobId.getAsLong());
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot look for leftover segment files in " + folder + ": " + e);
        }
    }

    private boolean noRunWillJoin(long jobId) {
        Optional<Job> job = jobs.find(jobId);
        return job.isEmpty() || FINISHED.contains(job.get().status());
    }

    private static void delete(Path piece, long jobId) {
        try {
            if (Files.deleteIfExists(piece)) {
                LOG.log(System.Logger.Level.INFO, "removed a segment file of job " + jobId + ": " + piece);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove the segment file " + piece + ": " + e);
        }
    }
}
