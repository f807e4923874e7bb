package dev.bulletproof.daemon.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import dev.bulletproof.daemon.BackgroundLoop;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Reports the media files in the monitor folder to a listener, from three sources: an initial scan, file
 * system events (fast, but network shares and some OSes drop them) and a full rescan every scan interval
 * (slow, but never misses anything). The same file is reported many times; the {@link StabilityTracker}
 * decides when it is complete.
 *
 * <p>The folder may vanish (an unmounted share, an unplugged drive): the watcher logs one clear warning,
 * keeps retrying at every scan interval, and logs again when the folder is back. Its thread (a
 * {@link BackgroundLoop}) survives any failure, including a listener that throws; an {@link Error} ends it
 * with a log line and marks the folder unavailable, so the health check shows it.
 */
public final class FolderWatcher implements AutoCloseable {

    /** How long the watcher waits after a failed turn before it tries again. */
    private static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);

    private static final System.Logger LOG = System.getLogger(FolderWatcher.class.getName());

    private record Settings(Path folder, boolean recursive, Duration scanInterval, Set<Path> excludedFolders) {}

    private final Consumer<Candidate> listener;
    private final AtomicLong scansCompleted = new AtomicLong();
    private volatile Settings settings;
    private volatile boolean settingsChanged;
    private volatile boolean running;
    private volatile boolean folderAvailable;
    private volatile BackgroundLoop loop;

    // Only touched by the watcher thread (and by stop() once that thread has ended).
    private long nextScan;
    private WatchService watchService;
    private final Map<WatchKey, Path> watchedFolders = new HashMap<>();
    private final Set<Path> watchedPaths = new HashSet<>();
    /** Folders whose registration failed (e.g. the inotify limit): warned about once, not every scan. */
    private final Set<Path> unwatchableFolders = new HashSet<>();

    private boolean warnedMissing;

    /**
     * @param excludedFolders folders never entered or reported even when inside {@code folder} (the output
     *     and processed folders; validation forbids that layout, this is the second line of defence)
     */
    public FolderWatcher(
            Path folder,
            boolean recursive,
            Duration scanInterval,
            Set<Path> excludedFolders,
            Consumer<Candidate> listener) {
        this.settings = settingsOf(folder, recursive, scanInterval, excludedFolders);
        this.listener = listener;
    }

    /** Starts watching (the initial scan runs at once on the watcher thread); a second call does nothing. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        nextScan = 0;
        loop = BackgroundLoop.start("bp-folder-watcher", this::round, FAILURE_PAUSE, this::died);
    }

    /** Stops watching and waits up to 5 s for the thread to end; safe to call repeatedly. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (loop.stop(Duration.ofSeconds(5))) {
            closeWatchService();
        }
        loop = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** Switches to another folder or recursion mode (a live config change); takes effect at once. */
    public void rewatch(Path newFolder, boolean recursive) {
        Settings s = settings;
        rewatch(newFolder, recursive, s.scanInterval(), s.excludedFolders());
    }

    public void rewatch(Path newFolder, boolean recursive, Duration scanInterval, Set<Path> excludedFolders) {
        settings = settingsOf(newFolder, recursive, scanInterval, excludedFolders);
        settingsChanged = true;
        BackgroundLoop current = loop;
        if (current != null) {
            current.wake();
        }
    }

    public Path folder() {
        return settings.folder();
    }

    public Duration scanInterval() {
        return settings.scanInterval();
    }

    /** The folders never entered, absolute and normalized. */
    public Set<Path> excludedFolders() {
        return settings.excludedFolders();
    }

    /** The candidate's path relative to the watched folder ("day1/A001.mxf"), what rules match against. */
    public Path relativePath(Candidate candidate) {
        Path folder = settings.folder();
        return candidate.path().startsWith(folder)
                ? folder.relativize(candidate.path())
                : candidate.path().getFileName();
    }

    /** False while the monitor folder is missing or unreadable (for the health endpoint). */
    public boolean folderAvailable() {
        return folderAvailable;
    }

    /** False before start, after stop, and after an {@link Error} ended the watcher thread. */
    public boolean isWatching() {
        BackgroundLoop current = loop;
        return current != null && current.isAlive();
    }

    /** How many full scans have finished since start; lets callers wait for the first one. */
    public long scansCompleted() {
        return scansCompleted.get();
    }

    private static Settings settingsOf(Path folder, boolean recursive, Duration interval, Set<Path> excluded) {
        Set<Path> normalized = excluded.stream()
                .map(p -> p.toAbsolutePath().normalize())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        return new Settings(folder.toAbsolutePath().normalize(), recursive, interval, normalized);
    }

    /**
     * One turn of the watcher: a full scan when one is due, then the folder's events until the next. A
     * failure closes the event watch (the next scan reopens it) and the loop retries after a pause.
     */
    private void round() throws InterruptedException {
        try {
            scanOrWatch();
        } catch (ClosedWatchServiceException e) {
            watchService = null;
        } catch (RuntimeException e) {
            closeWatchService();
            throw e;
        }
    }

    private void scanOrWatch() throws InterruptedException {
        if (settingsChanged) {
            settingsChanged = false;
            closeWatchService();
            nextScan = 0;
        }
        Settings s = settings;
        if (nextScan == 0 || System.nanoTime() - nextScan >= 0) {
            fullScan(s);
            nextScan = System.nanoTime() + s.scanInterval().toNanos();
        }
        long untilScan = Math.max(1, nextScan - System.nanoTime());
        if (watchService == null) {
            Thread.sleep(Duration.ofNanos(untilScan));
            return;
        }
        WatchKey key = watchService.poll(untilScan, java.util.concurrent.TimeUnit.NANOSECONDS);
        while (key != null && running && !settingsChanged) {
            if (handle(key, s)) {
                nextScan = System.nanoTime(); // the root went away: rescan now to notice it
            }
            key = watchService.poll();
        }
    }

    /** An {@link Error} ended the watcher: say so where the health check looks, not only in the log. */
    private void died(Throwable failure) {
        folderAvailable = false;
    }

    /** Lists every candidate and (re)opens the event watch when the folder is there. */
    private void fullScan(Settings s) {
        if (!Files.isDirectory(s.folder())) {
            if (!warnedMissing) {
                LOG.log(
                        Level.WARNING,
                        "Monitor folder {0} is missing or not a folder; retrying every {1} s",
                        s.folder(),
                        s.scanInterval().toMillis() / 1000.0);
                warnedMissing = true;
            }
            folderAvailable = false;
            closeWatchService();
            scansCompleted.incrementAndGet();
            return;
        }
        if (warnedMissing) {
            LOG.log(Level.INFO, "Monitor folder {0} is back", s.folder());
            warnedMissing = false;
        }
        folderAvailable = true;
        if (watchService == null) {
            openWatchService(s);
        }
        walk(s.folder(), s, watchService != null && s.recursive());
        scansCompleted.incrementAndGet();
    }

    private void openWatchService(Settings s) {
        try {
            watchService = s.folder().getFileSystem().newWatchService();
            register(s.folder());
        } catch (IOException e) {
            // Events are an optimisation; the periodic scan still finds everything.
            LOG.log(Level.WARNING, "No file system events for {0} ({1}); relying on rescans", s.folder(), e);
            closeWatchService();
        }
    }

    private void register(Path folder) throws IOException {
        if (watchedPaths.contains(folder)) {
            return;
        }
        WatchKey key = folder.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, OVERFLOW);
        watchedFolders.put(key, folder);
        watchedPaths.add(folder);
    }

    /** Walks {@code start}, reporting candidates and, when asked, registering subfolders for events. */
    private void walk(Path start, Settings s, boolean registerSubfolders) {
        int depth = s.recursive() ? Integer.MAX_VALUE : 1;
        try {
            Files.walkFileTree(
                    start, EnumSet.noneOf(java.nio.file.FileVisitOption.class), depth, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (!dir.equals(start)
                                    && (excluded(dir, s)
                                            || MediaFiles.isIgnoredFolder(
                                                    dir.getFileName().toString()))) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (registerSubfolders && !dir.equals(s.folder())) {
                                try {
                                    register(dir);
                                } catch (IOException e) {
                                    if (unwatchableFolders.add(dir)) {
                                        LOG.log(
                                                Level.WARNING,
                                                "No events for subfolder {0} ({1}); rescans still cover it",
                                                dir,
                                                e);
                                    }
                                }
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (MediaFiles.isCandidate(file)) {
                                emit(file, attrs);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            // Vanished between listing and reading, or unreadable: the next scan will tell.
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Scan of {0} failed: {1}", start, e);
        }
    }

    /** Handles one key's events; true when the key became invalid (its folder is gone). */
    private boolean handle(WatchKey key, Settings s) {
        Path folder = watchedFolders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || folder == null) {
                walk(s.folder(), s, false);
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            onEvent(path, event.kind() == ENTRY_CREATE, s);
        }
        if (!key.reset()) {
            watchedPaths.remove(watchedFolders.remove(key));
            return folder != null && folder.equals(s.folder());
        }
        return false;
    }

    private void onEvent(Path path, boolean created, Settings s) {
        if (excluded(path, s)) {
            return;
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return; // already gone again
        }
        if (attrs.isDirectory()) {
            if (created
                    && s.recursive()
                    && !MediaFiles.isIgnoredFolder(path.getFileName().toString())) {
                // Files may have landed before the registration took effect: walk what is already there.
                walk(path, s, true);
            }
        } else if (MediaFiles.isCandidate(path)) {
            emit(path, attrs);
        }
    }

    private void emit(Path file, BasicFileAttributes linkOrFile) {
        BasicFileAttributes attrs = linkOrFile;
        if (attrs.isSymbolicLink()) {
            // A link to a clip elsewhere is a legitimate way to hand it over; judge the target.
            try {
                attrs = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                return; // dangling link
            }
        }
        if (!attrs.isRegularFile()) {
            return;
        }
        try {
            listener.accept(new Candidate(file, attrs.size(), attrs.lastModifiedTime()));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Handling " + file + " failed; the next scan retries it", e);
        }
    }

    private static boolean excluded(Path path, Settings s) {
        for (Path excludedFolder : s.excludedFolders()) {
            if (path.startsWith(excludedFolder)) {
                return true;
            }
        }
        return false;
    }

    private void closeWatchService() {
        watchedFolders.clear();
        watchedPaths.clear();
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing watch service: {0}", e);
            }
            watchService = null;
        }
    }
}
