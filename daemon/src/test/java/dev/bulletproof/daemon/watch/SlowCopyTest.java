package dev.bulletproof.daemon.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.rules.OutputNamer;
import dev.bulletproof.daemon.rules.RuleSet;
import dev.bulletproof.daemon.rules.UnmatchedFiles;
import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.PatternType;
import dev.bulletproof.model.RuleModel;
import dev.bulletproof.testing.Await;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher and the stability tracker together, on the real clock, against a copy in progress. */
class SlowCopyTest {

    private static final Duration STABLE = Duration.ofMillis(1200);
    private static final Duration SCAN = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    Path in;

    private final RecordingListener listener = new RecordingListener();
    private final StabilityTracker tracker = new StabilityTracker(Clock.systemUTC(), STABLE, listener);
    private FolderWatcher watcher;

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.stop();
        }
        tracker.stop();
    }

    private void startWatching() {
        watcher = new FolderWatcher(in, false, SCAN, Set.of(), tracker::observe);
        watcher.start();
        tracker.start(Duration.ofMillis(50), Duration.ofMillis(300));
    }

    @Test
    void copyWithPausesShorterThanTheStableTimeBecomesStableOnlyAfterTheLastWrite() throws Exception {
        Path file = in.resolve("show-open.mov");
        AtomicBoolean copying = new AtomicBoolean(true);
        AtomicLong stableWhileCopying = new AtomicLong();
        startWatching();

        Thread copier = Thread.ofPlatform().start(() -> {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                for (int chunk = 0; chunk < 8; chunk++) {
                    out.write(new byte[1000]);
                    out.flush();
                    if (!listener.of("stable").isEmpty()) {
                        stableWhileCopying.incrementAndGet();
                    }
                    Thread.sleep(STABLE.dividedBy(5)); // a stall well under stable_seconds, even on a busy machine
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                copying.set(false);
            }
        });

        Await.until("file stable", TIMEOUT, () -> !listener.of("stable").isEmpty());
        copier.join();

        assertThat(stableWhileCopying.get())
                .as("defect 5: never stable mid-copy")
                .isZero();
        assertThat(listener.of("settling")).isNotEmpty();
        assertThat(listener.of("stable"))
                .singleElement()
                .satisfies(r -> assertThat(r.size()).isEqualTo(8000));
    }

    @Test
    void appendingAfterBeingStableSendsTheFileBackToSettling() throws Exception {
        Path file = Files.write(in.resolve("loop.wav"), new byte[500]);
        startWatching();
        Await.until("first copy stable", TIMEOUT, () -> listener.of("stable").size() == 1);
        int reportsBefore = listener.reports.size();

        Files.write(file, new byte[700], StandardOpenOption.APPEND);

        Await.until("second copy stable", TIMEOUT, () -> listener.of("stable").size() == 2);
        assertThat(listener.reports.subList(reportsBefore, listener.reports.size()))
                .extracting(RecordingListener.Report::kind)
                .startsWith("settling")
                .endsWith("stable");
        assertThat(listener.last().size()).isEqualTo(1200);
    }

    @Test
    void deletedFileIsReportedVanished() throws Exception {
        Path file = Files.write(in.resolve("mistake.mov"), new byte[10]);
        startWatching();
        Await.until("stable", TIMEOUT, () -> listener.of("stable").size() == 1);

        Files.delete(file);

        Await.until("vanished", TIMEOUT, () -> listener.of("vanished").size() == 1);
    }

    @Test
    void fileNoRuleMatchesIsReportedOnceAcrossManyScans() throws Exception {
        RuleSet rules = new RuleSet(
                List.of(new RuleModel("*.wav", PatternType.GLOB, "audio-qlab", null, 0, null)),
                OnSuccess.KEEP,
                Map.of("audio-qlab", "wav")::get,
                new OutputNamer(Clock.systemUTC()));
        UnmatchedFiles unmatched = new UnmatchedFiles();
        List<Path> warnings = new CopyOnWriteArrayList<>();
        List<Path> matched = new CopyOnWriteArrayList<>();
        Files.write(in.resolve("stray.mov"), new byte[10]);
        Files.write(in.resolve("cue.wav"), new byte[10]);

        watcher = new FolderWatcher(in, false, SCAN, Set.of(), candidate -> {
            Path relative = in.relativize(candidate.path());
            if (rules.match(relative).isPresent()) {
                matched.add(relative);
            } else if (unmatched.firstTime(candidate.path())) {
                warnings.add(relative);
            }
        });
        watcher.start();
        Await.until("five scans", TIMEOUT, () -> watcher.scansCompleted() >= 5);

        assertThat(warnings).as("defect 10: not once per poll").containsExactly(Path.of("stray.mov"));
        assertThat(matched).contains(Path.of("cue.wav")).doesNotContain(Path.of("stray.mov"));
    }
}
