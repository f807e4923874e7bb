package dev.bulletproof.daemon.watch;

import dev.bulletproof.daemon.BackgroundLoop;
import dev.bulletproof.format.Formats;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides when a file has finished arriving. A file is stable when its size and modification time have
 * not changed for the stable time (by the injected clock) and it can be opened and share-locked for
 * reading. A change at any point sends it back to settling with the timer restarted, so a file re-dropped
 * under the same name, or a copy that pauses and resumes, is never taken half-way.
 *
 * <p>About the open/lock check: on Windows a program still writing usually holds the file without read
 * sharing, so the open fails; on Linux and macOS locks are advisory, so the check only catches writers
 * that take a POSIX lock (some copy and capture tools do) and otherwise passes. There, the quiet period is
 * the real guarantee, which is why stable_seconds should be raised for slow or bursty network copies. We
 * do not look for other processes holding the file open (lsof-style): that is neither portable nor
 * reliable on network shares.
 *
 * <p>A file reported stable and unchanged is not reported again; it stays tracked until it vanishes.
 */
public final class StabilityTracker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StabilityTracker.class.getName());

    /** Whether a quiet file may be taken now; empty when yes, else the reason why not. */
    @FunctionalInterface
    interface AccessCheck {
        Optional<String> busyReason(Path file);
    }

    private record Tracked(long size, FileTime mtime, Instant unchangedSince, boolean reportedStable) {}

    private final Clock clock;
    private final StabilityListener listener;
    private final AccessCheck accessCheck;
    private final Map<Path, Tracked> tracked = new HashMap<>();
    /** Reports queued under the state lock, so they reach the listener in the order the state changed. */
    private final Queue<Runnable> pendingReports = new ConcurrentLinkedQueue<>();

    private final Object dispatchLock = new Object();
    private volatile Duration stableTime;
    private BackgroundLoop loop;

    public StabilityTracker(Clock clock, Duration stableTime, StabilityListener listener) {
        this(clock, stableTime, listener, StabilityTracker::sharedLockCheck);
    }

    StabilityTracker(Clock clock, Duration stableTime, StabilityListener listener, AccessCheck accessCheck) {
        this.clock = clock;
        this.stableTime = stableTime;
        this.listener = listener;
        this.accessCheck = accessCheck;
    }

    /** A live config change; applies to files already settling too. */
    public void setStableTime(Duration stableTime) {
        this.stableTime = stableTime;
    }

    /** One sighting from the watcher; reports settling or stable as the file's history says. */
    public void observe(Candidate candidate) {
        synchronized (this) {
            Instant now = clock.instant();
            Tracked before = tracked.get(candidate.path());
            Tracked current = before;
            if (before == null
                    || before.size() != candidate.size()
                    || !before.mtime().equals(candidate.mtime())) {
                current = new Tracked(candidate.size(), candidate.mtime(), now, false);
                tracked.put(candidate.path(), current);
            }
            evaluate(candidate.path(), current, now);
        }
        dispatch();
    }

    /**
     * Runs queued reports one at a time, outside the state lock (a slow listener does not block the
     * watcher's sightings), yet in order, whichever thread queued them.
     */
    private void dispatch() {
        synchronized (dispatchLock) {
            Runnable report;
            while ((report = pendingReports.poll()) != null) {
                try {
                    report.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "Stability listener failed; continuing", e);
                }
            }
        }
    }

    /**
     * Looks at every file not yet stable again (without waiting for the watcher), and at the stable ones
     * to notice them vanishing or changing.
     */
    public void recheck() {
        recheck(true);
    }

    /**
     * Re-checks on a thread of its own: files still settling every {@code settlingEvery}, stable ones
     * (to notice them vanish or change) every {@code stableEvery}. A second call does nothing.
     */
    public synchronized void start(Duration settlingEvery, Duration stableEvery) {
        if (loop != null) {
            return;
        }
        AtomicLong nextFullCheck = new AtomicLong(System.nanoTime() + stableEvery.toNanos());
        // Each round sleeps first, so a failing re-check needs no pause of its own.
        loop = BackgroundLoop.start(
                "bp-stability",
                () -> {
                    Thread.sleep(settlingEvery);
                    boolean full = System.nanoTime() - nextFullCheck.get() >= 0;
                    if (full) {
                        nextFullCheck.set(System.nanoTime() + stableEvery.toNanos());
                    }
                    recheck(full);
                },
                Duration.ZERO,
                failure -> {});
    }

    public synchronized void stop() {
        if (loop == null) {
            return;
        }
        loop.stop(Duration.ofSeconds(5));
        loop = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops tracking {@code path}: its next sighting starts a new settling period. */
    public synchronized void forget(Path path) {
        tracked.remove(path);
    }

    public synchronized int trackedCount() {
        return tracked.size();
    }

    /** "settling: 3.1 MB, unchanged for 1.2 s" */
    public static String settlingReason(long size, Duration unchangedFor) {
        return String.format(
                Locale.ROOT, "settling: %s, unchanged for %.1f s", humanSize(size), unchangedFor.toMillis() / 1000.0);
    }

    /** The size in the figures every client shows (decimal units: "3.1 MB", "512 B"). */
    static String humanSize(long bytes) {
        return Formats.size(bytes);
    }

    private void recheck(boolean includeStable) {
        List<Path> paths;
        synchronized (this) {
            paths = tracked.entrySet().stream()
                    .filter(e -> includeStable || !e.getValue().reportedStable())
                    .map(Map.Entry::getKey)
                    .toList();
        }
        for (Path path : paths) {
            recheckOne(path);
        }
    }

    private void recheckOne(Path path) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            attrs = null;
        }
        if (attrs == null || !attrs.isRegularFile()) {
            synchronized (this) {
                if (tracked.remove(path) != null) {
                    pendingReports.add(() -> listener.vanished(path));
                }
            }
            dispatch();
            return;
        }
        synchronized (this) {
            if (!tracked.containsKey(path)) {
                return; // forgotten meanwhile
            }
        }
        observe(new Candidate(path, attrs.size(), attrs.lastModifiedTime()));
    }

    /** Called under the lock; the listener calls are queued to run after it is released. */
    private void evaluate(Path path, Tracked current, Instant now) {
        Queue<Runnable> reports = pendingReports;
        if (current.reportedStable()) {
            return;
        }
        Duration unchangedFor = Duration.between(current.unchangedSince(), now);
        if (unchangedFor.compareTo(stableTime) < 0) {
            String reason = settlingReason(current.size(), unchangedFor);
            reports.add(() -> listener.settling(path, current.size(), unchangedFor, reason));
            return;
        }
        Optional<String> busy = accessCheck.busyReason(path);
        if (busy.isPresent()) {
            String reason = settlingReason(current.size(), unchangedFor) + ", but " + busy.get();
            reports.add(() -> listener.settling(path, current.size(), unchangedFor, reason));
            return;
        }
        tracked.put(path, new Tracked(current.size(), current.mtime(), current.unchangedSince(), true));
        reports.add(() -> listener.stable(path, current.size(), current.mtime()));
    }

    /** Opens the file for reading and takes (then drops) a shared lock; see the class comment. */
    static Optional<String> sharedLockCheck(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock == null) {
                return Optional.of("another program holds a lock on it");
            }
            lock.release();
            return Optional.empty();
        } catch (OverlappingFileLockException e) {
            return Optional.of("it is locked by this process");
        } catch (NoSuchFileException e) {
            return Optional.of("it has just vanished");
        } catch (IOException e) {
            return Optional.of("it cannot be opened yet (" + e.getMessage() + ")");
        }
    }
}
