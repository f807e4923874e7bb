package dev.bulletproof.daemon.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {

    private static final Duration SCAN = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path root;

    private final List<Candidate> seen = new CopyOnWriteArrayList<>();
    private FolderWatcher watcher;

    @AfterEach
    void stopWatcher() {
        if (watcher != null) {
            watcher.stop();
        }
    }

    private Path monitor() throws Exception {
        return Files.createDirectories(root.resolve("incoming"));
    }

    private FolderWatcher start(Path folder, boolean recursive, Set<Path> excluded) {
        watcher = new FolderWatcher(folder, recursive, SCAN, excluded, seen::add);
        watcher.start();
        return watcher;
    }

    private boolean saw(Path file) {
        return seen.stream().anyMatch(c -> c.path().equals(file));
    }

    private Set<String> namesSeen() {
        return seen.stream().map(c -> c.path().getFileName().toString()).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void initialScanReportsMediaFilesAndSkipsDebrisAndOurTemporaries() throws Exception {
        Path in = monitor();
        for (String name : List.of(
                "clip.mov",
                "CUE 1.WAV",
                "song.aiff",
                "._clip.mov",
                ".hidden.mp4",
                "copy.mov.part",
                "download.mp4.crdownload",
                ".out__processed__live-qlab.bp-partial.mov",
                "notes.txt",
                "Thumbs.db")) {
            Files.writeString(in.resolve(name), "x");
        }

        start(in, false, Set.of());
        Await.until("first scan", TIMEOUT, () -> watcher.scansCompleted() >= 2);

        assertThat(namesSeen()).containsExactlyInAnyOrder("clip.mov", "CUE 1.WAV", "song.aiff");
        assertThat(seen)
                .filteredOn(c -> c.path().endsWith("clip.mov"))
                .allSatisfy(c -> assertThat(c.size()).isEqualTo(1));
    }

    @Test
    void fileCreatedOrRenamedInLaterIsReported() throws Exception {
        Path in = monitor();
        Path outside = Files.writeString(root.resolve("staging.mov"), "copied elsewhere first");
        start(in, false, Set.of());
        Await.until("first scan", TIMEOUT, () -> watcher.scansCompleted() >= 1);

        Path created = Files.writeString(in.resolve("new.mp4"), "x");
        Files.move(outside, in.resolve("renamed.mov"));

        Await.until("new file", TIMEOUT, () -> saw(created));
        Await.until("renamed-in file", TIMEOUT, () -> saw(in.resolve("renamed.mov")));
    }

    @Test
    void recursiveWatchFindsFilesInSubfoldersCreatedLaterButSkipsExcludedOnes() throws Exception {
        Path in = monitor();
        Path outputsInside = Files.createDirectories(in.resolve("out"));
        Files.writeString(outputsInside.resolve("clip__processed__live-qlab.mov"), "an output");
        start(in, true, Set.of(outputsInside));
        Await.until("first scan", TIMEOUT, () -> watcher.scansCompleted() >= 1);

        Path nested = Files.createDirectories(in.resolve("day1/cam-a"));
        Path clip = Files.writeString(nested.resolve("A001.mxf"), "x");

        Await.until("file in a new subfolder", TIMEOUT, () -> saw(clip));
        assertThat(watcher.relativePath(seen.stream()
                        .filter(c -> c.path().equals(clip))
                        .findFirst()
                        .orElseThrow()))
                .isEqualTo(Path.of("day1/cam-a/A001.mxf"));
        long scans = watcher.scansCompleted();
        Await.until("two more scans", TIMEOUT, () -> watcher.scansCompleted() >= scans + 2);
        assertThat(namesSeen()).doesNotContain("clip__processed__live-qlab.mov");
    }

    @Test
    void aLinkToAClipElsewhereIsReportedWithTheClipsSizeAndADanglingOneIsNot() throws Exception {
        Path in = monitor();
        Path clip = Files.writeString(root.resolve("real.mov"), "twelve bytes");
        Files.createSymbolicLink(in.resolve("linked.mov"), clip);
        Files.createSymbolicLink(in.resolve("dangling.mov"), root.resolve("missing.mov"));

        start(in, false, Set.of());
        Await.until("two scans", TIMEOUT, () -> watcher.scansCompleted() >= 2);

        assertThat(namesSeen()).containsExactly("linked.mov");
        assertThat(seen.getFirst().size()).isEqualTo(12);
    }

    @Test
    void nonRecursiveWatchIgnoresSubfolders() throws Exception {
        Path in = monitor();
        Files.writeString(Files.createDirectories(in.resolve("sub")).resolve("deep.mov"), "x");
        Files.writeString(in.resolve("top.mov"), "x");

        start(in, false, Set.of());
        Await.until("two scans", TIMEOUT, () -> watcher.scansCompleted() >= 2);

        assertThat(namesSeen()).containsExactly("top.mov");
    }

    @Test
    void survivesTheFolderVanishingAndComingBack() throws Exception {
        Path in = monitor();
        start(in, false, Set.of());
        Await.until("first scan", TIMEOUT, () -> watcher.scansCompleted() >= 1);
        assertThat(watcher.folderAvailable()).isTrue();

        Files.delete(in);
        Await.until("folder reported missing", TIMEOUT, () -> !watcher.folderAvailable());

        Files.createDirectories(in);
        Path clip = Files.writeString(in.resolve("after-remount.mov"), "x");
        Await.until("file after the folder came back", TIMEOUT, () -> saw(clip));
        assertThat(watcher.folderAvailable()).isTrue();
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheWatcher() throws Exception {
        Path in = monitor();
        Files.writeString(in.resolve("poison.mov"), "x");
        AtomicInteger calls = new AtomicInteger();
        watcher = new FolderWatcher(in, false, SCAN, Set.of(), candidate -> {
            calls.incrementAndGet();
            if (candidate.path().endsWith("poison.mov")) {
                throw new IllegalStateException("listener bug");
            }
            seen.add(candidate);
        });
        watcher.start();

        Path later = Files.writeString(in.resolve("later.mov"), "x");
        Await.until("a file after the failure", TIMEOUT, () -> saw(later));
        Await.until("the failing file retried on a rescan", TIMEOUT, () -> calls.get() >= 4);
    }

    @Test
    void anErrorEndsTheWatcherAndMarksTheFolderUnavailable() throws Exception {
        Path in = monitor();
        Files.writeString(in.resolve("clip.mov"), "x");
        watcher = new FolderWatcher(in, false, SCAN, Set.of(), candidate -> {
            throw new OutOfMemoryError("simulated");
        });
        watcher.start();

        Await.until("the watcher has ended", TIMEOUT, () -> !watcher.isWatching());
        assertThat(watcher.folderAvailable()).isFalse();
    }

    @Test
    void rewatchSwitchesToTheNewFolderAndStartStopAreIdempotent() throws Exception {
        Path first = monitor();
        Path second = Files.createDirectories(root.resolve("other"));
        start(first, false, Set.of());
        watcher.start();
        Await.until("first scan", TIMEOUT, () -> watcher.scansCompleted() >= 1);

        watcher.rewatch(second, false);
        Path clip = Files.writeString(second.resolve("moved.mov"), "x");
        Await.until("file in the new folder", TIMEOUT, () -> saw(clip));
        assertThat(watcher.folder()).isEqualTo(second);

        seen.clear();
        Files.writeString(first.resolve("old-folder.mov"), "x");
        long scans = watcher.scansCompleted();
        Await.until("two more scans", TIMEOUT, () -> watcher.scansCompleted() >= scans + 2);
        assertThat(namesSeen()).doesNotContain("old-folder.mov");

        watcher.stop();
        watcher.stop();
        long stoppedAt = watcher.scansCompleted();
        Thread.sleep(SCAN.multipliedBy(3));
        assertThat(watcher.scansCompleted()).isEqualTo(stoppedAt);
    }
}
