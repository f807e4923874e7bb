package dev.bulletproof.daemon.jobs;

import java.time.Instant;
import java.util.Locale;

/**
 * One unit of work of a segmented encode as the store keeps it (docs/decisions/0027-segmented-encoding.md):
 * a run of frames of the video, or the audio of the whole file.
 *
 * @param index 0, 1, 2... for video segments in time order; 0 for the audio
 * @param startFrame the first frame of the segment, counted from the start of the source; 0 for the audio
 * @param frameCount how many frames the segment holds exactly; 0 for the audio
 * @param attempts how many times its encode was started
 * @param lease the job lease it was last written under; null while only planned
 * @param nodeId the node that encoded it last, null until one started it
 * @param worker that node's worker number, null until one started it
 * @param sizeBytes the verified file's size, null unless {@link State#DONE}
 * @param sha256 the verified file's SHA-256 in hex, null unless {@link State#DONE}
 * @param onDisk whether the verified piece is still kept beside the output (removed after the join)
 */
public record JobSegment(
        long jobId,
        Kind kind,
        int index,
        double startSeconds,
        double durationSeconds,
        long startFrame,
        long frameCount,
        State state,
        int attempts,
        Long lease,
        String nodeId,
        Integer worker,
        Long sizeBytes,
        String sha256,
        boolean onDisk,
        Instant updatedAt) {

    /** What a segment carries. */
    public enum Kind {
        VIDEO,
        AUDIO;

        public String columnValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind ofColumn(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** Where a segment is: waiting for an encode, being encoded, or verified and recorded. */
    public enum State {
        QUEUED,
        RUNNING,
        DONE;

        public String columnValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State ofColumn(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** The unit of work as planned, before the store knows anything about its runs. */
    public record Planned(
            Kind kind, int index, double startSeconds, double durationSeconds, long startFrame, long frameCount) {}

    public Planned planned() {
        return new Planned(kind, index, startSeconds, durationSeconds, startFrame, frameCount);
    }

    public boolean done() {
        return state == State.DONE;
    }
}
