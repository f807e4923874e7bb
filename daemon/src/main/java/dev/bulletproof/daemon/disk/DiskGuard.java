package dev.bulletproof.daemon.disk;

import dev.bulletproof.daemon.config.FreeSpaceThreshold;
import dev.bulletproof.daemon.events.Alert;
import dev.bulletproof.daemon.events.DiskSpaceLow;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.daemon.jobs.StartAdmission;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds a job whose output would leave its volume with less than {@code min_free_space}, instead of letting
 * ffmpeg fill the disk and fail (decision 0024). The held job stays queued with the reason shown ("waiting for
 * disk space: 3.1 GB free, needs ~4.2 GB"); the first hold on a volume raises an alert and a {@code disk.low}
 * event once, and when a job on that volume fits again the episode ends and the work goes on.
 *
 * <p>Nothing here is stored: after a restart a job that still does not fit is simply held again (and the alert
 * raised again, once).
 */
public final class DiskGuard implements StartAdmission {

    private static final System.Logger LOG = System.getLogger(DiskGuard.class.getName());
    /** A probe is a statfs call; this keeps the reason stable between two looks and the calls few. */
    private static final Duration PROBE_CACHE = Duration.ofSeconds(1);

    private static final Duration RECHECK = Duration.ofSeconds(2);

    private record Probed(FreeSpaceProbe.Space space, Instant at) {}

    private final FreeSpaceProbe probe;
    private final OutputSizeEstimate estimate;
    private final FreeSpaceThreshold threshold;
    private final EventBus bus;
    private final Clock clock;
    private final Map<Path, Probed> probes = new ConcurrentHashMap<>();
    /** Volumes in a low-space episode: the alert was raised, and is not raised again until space is back. */
    private final Set<String> low = ConcurrentHashMap.newKeySet();
    /** What {@link #holdReason} decided to announce, published by {@link #afterClaim()}. */
    private final java.util.Queue<Object> announcements = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Running jobs and their estimates: their outputs are still to be written, so their room is taken. */
    private final Map<Long, Long> running = new ConcurrentHashMap<>();

    private final Map<Long, Path> runningFolders = new ConcurrentHashMap<>();

    public DiskGuard(
            FreeSpaceProbe probe,
            OutputSizeEstimate estimate,
            FreeSpaceThreshold threshold,
            EventBus bus,
            Clock clock) {
        this.probe = probe;
        this.estimate = estimate;
        this.threshold = threshold;
        this.bus = bus;
        this.clock = clock;
        bus.subscribe(JobEvent.RunStarted.class, started -> {
            Job job = started.job();
            if (job.outputPath() != null) {
                running.put(job.id(), estimate.bytesFor(job));
                runningFolders.put(job.id(), folderOf(job));
            }
        });
        bus.subscribe(JobEvent.RunEnded.class, ended -> {
            running.remove(ended.job().id());
            runningFolders.remove(ended.job().id());
        });
    }

    @Override
    public Optional<String> holdReason(Job job) {
        if (job.outputPath() == null) {
            return Optional.empty();
        }
        Path folder = folderOf(job);
        Optional<FreeSpaceProbe.Space> probed = spaceOf(folder);
        if (probed.isEmpty()) {
            return Optional.empty(); // cannot tell: ffmpeg's own error stays the safety net
        }
        FreeSpaceProbe.Space space = probed.get();
        long output = estimate.bytesFor(job) + takenByRunningJobs(space.volume());
        long needed = output + threshold.reserveOn(space.totalBytes());
        if (space.usableBytes() >= needed) {
            if (low.remove(space.volume())) {
                String message = "disk space is back on " + folder + ": " + size(space.usableBytes()) + " free";
                LOG.log(System.Logger.Level.INFO, message);
                announcements.add(new Alert("info", message, null));
            }
            return Optional.empty();
        }
        String reason = "waiting for disk space: " + size(space.usableBytes()) + " free, needs ~" + size(needed);
        if (low.add(space.volume())) {
            String message = job.filename() + " " + reason + " (output ~" + size(output) + ", keeping "
                    + size(needed - output) + " free on " + folder + ")";
            LOG.log(System.Logger.Level.WARNING, message);
            announcements.add(new Alert("warning", message, job.id()));
            announcements.add(new DiskSpaceLow(folder, space.usableBytes(), needed, job.id(), message));
        }
        return Optional.of(reason);
    }

    /**
     * The estimates of the jobs running on {@code volume}. Counted whole although part of each is written
     * already (and so no longer free): an over-estimate that holds a job a little early, never too late.
     */
    private long takenByRunningJobs(String volume) {
        long taken = 0;
        for (Map.Entry<Long, Path> run : runningFolders.entrySet()) {
            Optional<FreeSpaceProbe.Space> space = spaceOf(run.getValue());
            if (space.isPresent() && space.get().volume().equals(volume)) {
                taken += running.getOrDefault(run.getKey(), 0L);
            }
        }
        return taken;
    }

    private static Path folderOf(Job job) {
        return Path.of(job.outputPath()).toAbsolutePath().getParent();
    }

    /** Publishes the alerts and disk.low events once the claim's transaction has ended. */
    @Override
    public void afterClaim() {
        for (Object event = announcements.poll(); event != null; event = announcements.poll()) {
            bus.publish(event);
        }
    }

    @Override
    public Duration recheck() {
        return RECHECK;
    }

    private Optional<FreeSpaceProbe.Space> spaceOf(Path folder) {
        Instant now = clock.instant();
        Probed cached = probes.get(folder);
        if (cached != null && cached.at().plus(PROBE_CACHE).isAfter(now)) {
            return Optional.of(cached.space());
        }
        try {
            FreeSpaceProbe.Space space = probe.probe(folder);
            probes.put(folder, new Probed(space, now));
            return Optional.of(space);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot read the free space of " + folder + ": " + e);
            return Optional.empty();
        }
    }

    /** "3.1 GB", "850 MB": decimal units, the way disks are sold and file managers show them. */
    static String size(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        if (bytes >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f kB", bytes / 1e3);
    }
}
