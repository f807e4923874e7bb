package dev.bulletproof.daemon.bench;

import static dev.bulletproof.daemon.bench.BenchSupport.seconds;

import dev.bulletproof.daemon.app.Daemon;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.testing.TestClips;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Detection latency at the default settings (stable_seconds 2, scan_interval_seconds 5): from the last
 * write of a file copied into the watch folder in pieces, to the moment its job starts. The target is
 * stable_seconds + 0.5 s.
 *
 * <p>Arguments: [trials=5]
 */
public final class DetectionLatencyBench {

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path work = Files.createTempDirectory("bp-detection-bench");
        try {
            byte[] clip = Files.readAllBytes(TestClips.sized(work, "source.mp4", 1, "320x180"));
            Path config = BenchSupport.config(work, "");
            List<Double> latencies = new ArrayList<>();
            try (Daemon monitor = BenchSupport.start(work, config, false)) {
                double stable = monitor.config().stableTime().toMillis() / 1000.0;
                System.out.printf(
                        Locale.ROOT,
                        "default settings: stable_seconds %.1f, scan_interval_seconds %.1f; %d trials%n",
                        stable,
                        monitor.config().scanInterval().toMillis() / 1000.0,
                        trials);
                for (int trial = 0; trial < trials; trial++) {
                    Path target = work.resolve("in").resolve("copy-" + trial + ".mp4");
                    Instant lastWrite = copyInPieces(clip, target);
                    Instant started = awaitStart(monitor, target);
                    double latency = Duration.between(lastWrite, started).toNanos() / 1e9;
                    latencies.add(latency);
                    System.out.printf(
                            Locale.ROOT, "trial %d: last write -> job start %s%n", trial + 1, seconds(latency));
                }
                double max = latencies.stream()
                        .mapToDouble(Double::doubleValue)
                        .max()
                        .orElse(0);
                System.out.printf(
                        Locale.ROOT,
                        "median %s, max %s (target <= %s)%n",
                        seconds(BenchSupport.median(latencies)),
                        seconds(max),
                        seconds(stable + 0.5));
            }
        } finally {
            BenchSupport.deleteTree(work);
        }
    }

    /** Writes the file in four pieces 300 ms apart, like a copy over a slow link. */
    private static Instant copyInPieces(byte[] content, Path target) throws Exception {
        Instant lastWrite = Instant.now();
        try (OutputStream out = Files.newOutputStream(target)) {
            int piece = content.length / 4 + 1;
            for (int offset = 0; offset < content.length; offset += piece) {
                if (offset > 0) {
                    Thread.sleep(300);
                }
                out.write(Arrays.copyOfRange(content, offset, Math.min(content.length, offset + piece)));
                out.flush();
                lastWrite = Instant.now();
            }
        }
        return lastWrite;
    }

    private static Instant awaitStart(Daemon monitor, Path target) throws Exception {
        Instant[] started = new Instant[1];
        BenchSupport.await("the job of " + target.getFileName() + " to start", 60_000, () -> {
            Optional<Job> job = monitor.jobs().list(new JobFilter(null, null, null, null, 50, 0)).stream()
                    .filter(candidate -> candidate.inputPath().equals(target.toString()))
                    .filter(candidate -> candidate.startedAt() != null)
                    .findFirst();
            job.ifPresent(found -> started[0] = found.startedAt());
            return job.isPresent();
        });
        return started[0];
    }
}
