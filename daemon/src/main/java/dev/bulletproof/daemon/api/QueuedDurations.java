package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.media.MediaProber;
import dev.bulletproof.daemon.media.MediaTools;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The media duration of queued jobs, which the daemon stores only once a job has run: probed with ffprobe
 * for the queue's estimates and remembered per file version (path, size, modification time). A request
 * probes at most {@link #PROBES_PER_REQUEST} new files, so a long fresh queue never makes /api/queue slow;
 * the rest get their estimates on the next requests.
 */
final class QueuedDurations {

    static final int PROBES_PER_REQUEST = 20;
    private static final int MAX_REMEMBERED = 10_000;

    private record FileVersion(String path, long size, long mtimeMillis) {}

    private final MediaProber prober;
    private final Map<FileVersion, Optional<Double>> known = new ConcurrentHashMap<>();

    QueuedDurations(MediaTools tools) {
        this.prober = tools == null ? null : new MediaProber(tools);
    }

    /** A lookup for one request, with its own probe budget. */
    Function<Job, Optional<Double>> forOneRequest() {
        AtomicInteger budget = new AtomicInteger(PROBES_PER_REQUEST);
        return job -> of(job, budget);
    }

    private Optional<Double> of(Job job, AtomicInteger budget) {
        FileVersion version = new FileVersion(job.inputPath(), job.inputSize(), job.inputMtimeMillis());
        Optional<Double> remembered = known.get(version);
        if (remembered != null) {
            return remembered;
        }
        if (prober == null || budget.getAndDecrement() <= 0) {
            return Optional.empty();
        }
        Optional<Double> probed = probe(job);
        if (known.size() >= MAX_REMEMBERED) {
            known.clear(); // files long gone pile up otherwise; the queue's own are probed again
        }
        known.put(version, probed);
        return probed;
    }

    private Optional<Double> probe(Job job) {
        try {
            double seconds = prober.probe(Path.of(job.inputPath())).durationSeconds();
            return seconds > 0 ? Optional.of(seconds) : Optional.empty();
        } catch (RuntimeException e) {
            // Not media, or gone: the job itself will fail with the reason; it just has no estimate.
            return Optional.empty();
        }
    }
}
