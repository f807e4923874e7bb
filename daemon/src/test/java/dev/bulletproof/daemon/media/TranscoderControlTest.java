package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.daemon.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancel, the stall watchdog and suspend/resume, on real processes. */
class TranscoderControlTest {

    @TempDir
    Path dir;

    private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** A slow encode (a tiny clip blown up to 4K HEVC) so there is time to act on it mid-way. */
    private TranscodeRequest slowRequest(Path input, Duration stallTimeout) {
        return new TranscodeRequest(
                input,
                dir.resolve("out/slow.mp4"),
                ProfileCatalog.builtins().require("stream-4k"),
                new EncodeOptions(SpeedPreset.SLOW, null, null, null),
                null,
                stallTimeout);
    }

    @Test
    void cancelMidEncodeKillsFfmpegAndLeavesNothing() throws Exception {
        Path input = TestClips.videoWithAudio(dir, "clip.mp4", 2);
        List<TranscodeProgress> reports = new CopyOnWriteArrayList<>();
        RunningTranscode running =
                new Transcoder(TestMedia.tools()).start(slowRequest(input, Duration.ofSeconds(60)), reports::add);
        waitUntil("ffmpeg to report progress", () -> !reports.isEmpty());
        ProcessHandle ffmpeg = ProcessHandle.of(running.pid()).orElseThrow();

        running.cancel();
        TranscodeResult result = running.await();

        assertThat(result.outcome()).isEqualTo(TranscodeResult.Outcome.CANCELLED);
        assertThat(result.output()).isNull();
        assertThat(ffmpeg.isAlive()).isFalse();
        assertThat(running.isAlive()).isFalse();
        assertThat(MediaFiles.namesIn(dir.resolve("out"))).isEmpty();
    }

    @Test
    void hangingEncoderIsKilledByTheWatchdogWithItsChildren() throws Exception {
        Path input = TestClips.videoWithAudio(dir, "clip.mp4", 1);
        List<ProcessHandle> started = new CopyOnWriteArrayList<>();
        ProcessLauncher hangs = command -> {
            // One progress block, then silence: a child that never ends, like ffmpeg stuck on a dead share.
            Process process = new ProcessBuilder(
                            "sh", "-c", "echo out_time_us=1000; echo progress=continue; sleep 600 & wait")
                    .start();
            started.add(process.toHandle());
            return process;
        };
        RunningTranscode running = new Transcoder(TestMedia.tools(), hangs)
                .start(slowRequest(input, Duration.ofMillis(800)), ProgressListener.NONE);
        waitUntil(
                "the fake encoder's child",
                () -> started.getFirst().descendants().findAny().isPresent());
        List<ProcessHandle> tree =
                new ArrayList<>(started.getFirst().descendants().toList());
        tree.add(started.getFirst());

        TranscodeResult result = running.await();

        assertThat(result.outcome()).isEqualTo(TranscodeResult.Outcome.STALLED);
        assertThat(result.error()).startsWith("stalled: ffmpeg made no progress for 800 ms");
        waitUntil("every process of the tree to exit", () -> tree.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(MediaFiles.namesIn(dir.resolve("out"))).isEmpty();
    }

    @Test
    void floodOfStderrIsDrainedSoTheFailureIsReportedInsteadOfHanging() throws Exception {
        Path input = TestClips.videoWithAudio(dir, "clip.mp4", 1);
        ProcessLauncher noisy = command -> new ProcessBuilder(
                        "sh",
                        "-c",
                        "yes '[h264 @ 0x1] Invalid NAL unit size' | head -n 100000 >&2;"
                                + " echo 'Error while decoding stream #0:0: Invalid data found' >&2; exit 1")
                .start();
        Path log = dir.resolve("logs/noisy.log");

        TranscodeResult result = new Transcoder(TestMedia.tools(), noisy)
                .start(
                        new TranscodeRequest(
                                input,
                                dir.resolve("out/x.mov"),
                                ProfileCatalog.builtins().defaultProfile(),
                                null,
                                log,
                                Duration.ofSeconds(30)),
                        ProgressListener.NONE)
                .await();

        assertThat(result.outcome()).isEqualTo(TranscodeResult.Outcome.FAILED);
        assertThat(result.error()).contains("Error while decoding stream #0:0: Invalid data found");
        assertThat(Files.size(log)).isGreaterThan(1_000_000);
        assertThat(MediaFiles.namesIn(dir.resolve("out"))).isEmpty();
    }

    /**
     * Long enough that a running encode on a busy two-core machine never goes this long without a
     * progress report, short enough to keep the test quick.
     */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(4);

    @Test
    void suspendedEncodeStopsAndIsNotMistakenForAStallThenCompletesAfterResume() throws Exception {
        Path input = TestClips.videoWithAudio(dir, "clip.mp4", 2);
        List<TranscodeProgress> reports = new CopyOnWriteArrayList<>();
        TranscodeRequest request = new TranscodeRequest(
                input,
                dir.resolve("out/paused.mov"),
                ProfileCatalog.builtins().require("archival"),
                new EncodeOptions(SpeedPreset.NORMAL, "1280:720", null, null),
                null,
                STALL_TIMEOUT);
        RunningTranscode running = new Transcoder(TestMedia.tools()).start(request, reports::add);
        waitUntil("ffmpeg to report progress", () -> !reports.isEmpty());

        running.suspend();
        waitUntil("the process to be stopped", () -> processState(running.pid()) == 'T');
        // A block written just before the stop may still be in the pipe; let the reader take it first.
        Thread.sleep(300);
        int reportsWhenStopped = reports.size();
        // Stay stopped for longer than the stall timeout: the watchdog must hold off.
        Thread.sleep(STALL_TIMEOUT.plusMillis(500));
        assertThat(processState(running.pid())).isEqualTo('T');
        assertThat(reports).hasSize(reportsWhenStopped);
        running.resume();
        TranscodeResult result = running.await();

        assertThat(result.error()).isNull();
        assertThat(result.outcome()).isEqualTo(TranscodeResult.Outcome.SUCCEEDED);
        assertThat(reports.size()).isGreaterThan(reportsWhenStopped);
        assertThat(result.output()).exists();
    }

    /** The state letter from /proc/PID/stat: R running, S sleeping, T stopped. */
    private static char processState(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (java.io.IOException e) {
            return '?';
        }
    }
}
