package dev.bulletproof.daemon.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.testing.MutableClock;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StabilityTrackerTest {

    private static final Duration STABLE = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-14T10:00:00Z");
    private final RecordingListener listener = new RecordingListener();
    private final StabilityTracker tracker = new StabilityTracker(clock, STABLE, listener);

    private Path file;
    private int mtimeTick;

    private void write(String content) throws Exception {
        file = dir.resolve("clip.mov");
        Files.writeString(file, content);
        // Coarse file system timestamps must not hide a change: give every write its own mtime.
        Files.setLastModifiedTime(
                file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(mtimeTick++)));
    }

    private void sighting() throws Exception {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        tracker.observe(new Candidate(file, attrs.size(), attrs.lastModifiedTime()));
    }

    @Test
    void fileIsStableOnlyAfterStayingUnchangedForTheStableTime() throws Exception {
        write("first half");
        sighting();
        clock.advance(Duration.ofMillis(1900));
        tracker.recheck();

        assertThat(listener.of("stable")).isEmpty();
        assertThat(listener.last().reason()).isEqualTo("settling: 10 B, unchanged for 1.9 s");

        clock.advance(Duration.ofMillis(100));
        tracker.recheck();

        assertThat(listener.of("stable"))
                .singleElement()
                .satisfies(r -> assertThat(r.size()).isEqualTo(10));
    }

    @Test
    void aChangeShorterThanTheStableTimeApartRestartsTheTimer() throws Exception {
        write("a");
        sighting();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMillis(1500));
            write("a".repeat(i + 2));
            tracker.recheck();
        }
        assertThat(listener.of("stable"))
                .as("a pause shorter than stable_seconds is never stable")
                .isEmpty();

        clock.advance(Duration.ofMillis(1999));
        tracker.recheck();
        assertThat(listener.of("stable")).isEmpty();

        clock.advance(Duration.ofMillis(1));
        tracker.recheck();
        assertThat(listener.of("stable"))
                .singleElement()
                .satisfies(r -> assertThat(r.size()).isEqualTo(6));
    }

    @Test
    void stableFileIsReportedOnceWhileUnchanged() throws Exception {
        write("done");
        sighting();
        clock.advance(STABLE);
        for (int scan = 0; scan < 5; scan++) {
            sighting();
            tracker.recheck();
            clock.advance(STABLE);
        }

        assertThat(listener.of("stable")).hasSize(1);
    }

    @Test
    void fileReDroppedUnderTheSameNameSettlesAgainBeforeBeingStable() throws Exception {
        write("take one");
        sighting();
        clock.advance(STABLE);
        tracker.recheck();
        assertThat(listener.of("stable")).hasSize(1);

        write("take two, still copying");
        sighting();
        assertThat(listener.last().kind())
                .as("defect 5: a re-dropped file is not queued mid-copy")
                .isEqualTo("settling");
        assertThat(listener.of("stable")).hasSize(1);

        clock.advance(STABLE);
        tracker.recheck();
        assertThat(listener.of("stable")).hasSize(2);
        assertThat(listener.last().size()).isEqualTo("take two, still copying".length());
    }

    @Test
    void fileLockedByAWriterStaysSettlingUntilTheLockIsReleased() throws Exception {
        write("being captured");
        sighting();
        try (FileChannel writer = FileChannel.open(file, StandardOpenOption.WRITE);
                FileLock lock = writer.lock()) {
            clock.advance(STABLE.plusSeconds(1));
            tracker.recheck();

            assertThat(lock.isValid()).isTrue();
            assertThat(listener.of("stable")).isEmpty();
            assertThat(listener.last().reason()).startsWith("settling: 14 B, unchanged for 3.0 s, but it is locked");
        }
        tracker.recheck();

        assertThat(listener.of("stable")).hasSize(1);
    }

    @Test
    void fileThatDisappearsIsReportedVanishedOnce() throws Exception {
        write("short-lived");
        sighting();
        Files.delete(file);

        tracker.recheck();
        tracker.recheck();

        assertThat(listener.of("vanished")).hasSize(1);
        assertThat(tracker.trackedCount()).isZero();
    }

    @Test
    void aLongerStableTimeSetLiveAppliesToFilesAlreadySettling() throws Exception {
        write("network copy");
        sighting();
        tracker.setStableTime(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(5));
        tracker.recheck();
        assertThat(listener.of("stable")).isEmpty();

        clock.advance(Duration.ofSeconds(5));
        tracker.recheck();
        assertThat(listener.of("stable")).hasSize(1);
    }

    @Test
    void aListenerThatThrowsDoesNotLoseLaterReports() throws Exception {
        RecordingListener recorder = new RecordingListener();
        StabilityTracker withBrokenListener = new StabilityTracker(clock, STABLE, new StabilityListener() {
            @Override
            public void settling(Path path, long size, Duration unchangedFor, String reason) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void stable(Path path, long size, FileTime mtime) {
                recorder.stable(path, size, mtime);
            }

            @Override
            public void vanished(Path path) {
                recorder.vanished(path);
            }
        });
        write("clip");
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        withBrokenListener.observe(new Candidate(file, attrs.size(), attrs.lastModifiedTime()));
        clock.advance(STABLE);
        withBrokenListener.recheck();

        assertThat(recorder.of("stable")).hasSize(1);
    }

    @Test
    void settlingReasonIsReadable() {
        assertThat(StabilityTracker.settlingReason(3_100_000, Duration.ofMillis(1200)))
                .isEqualTo("settling: 3.1 MB, unchanged for 1.2 s");
        assertThat(StabilityTracker.settlingReason(512, Duration.ZERO))
                .isEqualTo("settling: 512 B, unchanged for 0.0 s");
    }
}
