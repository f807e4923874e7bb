package dev.bulletproof.daemon.bench;

import static dev.bulletproof.daemon.bench.BenchSupport.seconds;

import dev.bulletproof.daemon.app.Daemon;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Discovery at scale: a watch folder already holding N small files when the daemon starts (default
 * 100,000). Times the daemon from start to every file being a queued job, through the real watcher,
 * stability tracker, rules and SQLite queue at the default settings. The queue is paused so no ffmpeg
 * runs. Target: at most 60 s for 100,000 files.
 *
 * <p>Arguments: [files=100000]
 */
public final class FolderQueueBench {

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path work = Files.createTempDirectory("bp-folder-queue-bench");
        try {
            Path config = BenchSupport.config(work, "");
            Path in = work.resolve("in");
            long createStart = System.nanoTime();
            byte[] content = {0};
            for (int i = 0; i < files; i++) {
                Files.write(in.resolve(String.format(Locale.ROOT, "clip-%06d.mov", i)), content);
            }
            System.out.printf(
                    Locale.ROOT, "created %d files in %s%n", files, seconds((System.nanoTime() - createStart) / 1e9));

            long start = System.nanoTime();
            try (Daemon monitor = BenchSupport.start(work, config, true)) {
                double stable = monitor.config().stableTime().toMillis() / 1000.0;
                double allRegistered = -1;
                while (BenchSupport.count(monitor, JobStatus.QUEUED) < files) {
                    if (allRegistered < 0
                            && BenchSupport.count(monitor, JobStatus.WAITING)
                                            + BenchSupport.count(monitor, JobStatus.QUEUED)
                                    == files) {
                        allRegistered = (System.nanoTime() - start) / 1e9;
                        System.out.printf(
                                Locale.ROOT, "every file visible as a job after %s%n", seconds(allRegistered));
                    }
                    if ((System.nanoTime() - start) / 1e9 > 600) {
                        throw new IllegalStateException("gave up after 600 s");
                    }
                    Thread.sleep(100);
                }
                double total = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "daemon start -> %d queued jobs: %s (includes stable_seconds %.1f; target <= 60 s)%n",
                        files,
                        seconds(total),
                        stable);
            }
        } finally {
            BenchSupport.deleteTree(work);
        }
    }
}
