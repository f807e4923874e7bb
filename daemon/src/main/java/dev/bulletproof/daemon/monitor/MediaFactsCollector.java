package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.BackgroundLoop;
import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.InputMedia;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.daemon.jobs.JobRepository;
import dev.bulletproof.daemon.media.AudioStreamInfo;
import dev.bulletproof.daemon.media.MediaInfo;
import dev.bulletproof.daemon.media.MediaProber;
import dev.bulletproof.daemon.media.Thumbnailer;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.MediaFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Probes every newly queued job's input once, on its own thread, and keeps the facts on the job row with
 * a poster frame beside them, so clients can show what a file is before a worker gets to it.
 *
 * <p>Nothing here can fail or hold up a job: the intake and the workers never wait for it, its ffprobe and
 * ffmpeg run at the lowest CPU priority (so a busy machine's encodes are not slowed by it), and a file the
 * probe cannot read just stays without facts (the run reports the real problem). Deleting a job's history
 * entry removes its poster frame.
 */
public final class MediaFactsCollector implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MediaFactsCollector.class.getName());

    private final JobRepository jobs;
    private final MediaProber prober;
    private final Thumbnailer thumbnailer;
    private final Path dataFolder;
    private final LinkedBlockingQueue<Job> pending = new LinkedBlockingQueue<>();
    /** Ids queued or being probed, so a job announced twice is probed once. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    private final AutoCloseable changes;
    private final AutoCloseable deletions;
    private BackgroundLoop loop;

    public MediaFactsCollector(
            JobRepository jobs, MediaProber prober, Thumbnailer thumbnailer, Path dataFolder, EventBus bus) {
        this.jobs = jobs;
        this.prober = prober;
        this.thumbnailer = thumbnailer;
        this.dataFolder = dataFolder;
        this.changes = bus.subscribe(JobEvent.Changed.class, changed -> consider(changed.job()));
        this.deletions = bus.subscribe(JobEvent.Deleted.class, deleted -> removeThumbnail(deleted.jobId()));
    }

    /** Also probes jobs queued by an earlier run that stopped before it got to them. */
    public void catchUp(List<Job> queued) {
        queued.forEach(this::consider);
    }

    public synchronized void start() {
        if (loop == null) {
            removeHalfMadeThumbnails();
            loop = BackgroundLoop.start("bulletproof-media-facts", this::inspectNext);
        }
    }

    /** Runs on the publisher's thread: only a cheap check and a hand-over. */
    private void consider(Job job) {
        if (job.status() == JobStatus.QUEUED && job.mediaFacts() == null && inFlight.add(job.id())) {
            pending.add(job);
        }
    }

    private void inspectNext() throws InterruptedException {
        Job job = pending.poll(500, TimeUnit.MILLISECONDS);
        if (job == null) {
            return;
        }
        try {
            inspect(job);
        } finally {
            inFlight.remove(job.id());
        }
    }

    /** Probes and makes the poster frame of one job; exposed for tests that drive it step by step. */
    void inspect(Job job) {
        Path input = Path.of(job.inputPath());
        MediaInfo info;
        try {
            info = prober.probe(input);
            jobs.recordInputMedia(job.id(), inputMediaOf(info));
        } catch (BulletproofException e) {
            // Unreadable, gone, or the job was deleted meanwhile: the run (if any) says what is wrong.
            LOG.log(System.Logger.Level.DEBUG, "job " + job.id() + ": no media facts: " + e.getMessage());
            return;
        }
        makeThumbnail(job.id(), input, info);
    }

    private void makeThumbnail(long jobId, Path input, MediaInfo info) {
        Path target = Thumbnailer.fileOf(dataFolder, jobId);
        try {
            if (thumbnailer.make(input, info, target)) {
                jobs.recordThumbnail(jobId);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.INFO, "job " + jobId + ": no poster frame: " + e.getMessage());
        } catch (BulletproofException e) {
            removeThumbnail(jobId); // deleted while the frame was made
        }
    }

    static InputMedia inputMediaOf(MediaInfo info) {
        List<MediaFacts.AudioTrack> tracks =
                info.audio().stream().map(MediaFactsCollector::trackOf).toList();
        Double frameRate = info.hasVideo() && info.video().frameRateValue() > 0
                ? info.video().frameRateValue()
                : null;
        MediaFacts facts =
                new MediaFacts(info.formatName(), info.hasVideo() ? info.video().codec() : null, frameRate, tracks);
        Double duration = info.durationSeconds() > 0 ? info.durationSeconds() : null;
        return new InputMedia(duration, info.bitRate(), info.resolution(), facts);
    }

    private static MediaFacts.AudioTrack trackOf(AudioStreamInfo audio) {
        return new MediaFacts.AudioTrack(audio.codec(), audio.channels(), audio.sampleRate());
    }

    /** A crash while a frame was made leaves its temporary file; no frame is being made yet, so all go. */
    private void removeHalfMadeThumbnails() {
        try {
            int removed = Thumbnailer.removeLeftovers(dataFolder);
            if (removed > 0) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "removed " + removed + " half-made poster frame(s) of an earlier run");
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove half-made poster frames: " + e);
        }
    }

    private void removeThumbnail(long jobId) {
        try {
            Files.deleteIfExists(Thumbnailer.fileOf(dataFolder, jobId));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove the poster frame of job " + jobId + ": " + e);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(changes);
        closeQuietly(deletions);
        if (loop != null) {
            loop.stop(Duration.ofSeconds(5));
            loop = null;
        }
    }

    private static void closeQuietly(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "unsubscribing failed: " + e);
        }
    }
}
