package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Segmented encoding's two figures, on a real daemon as a child process and a source made here:
 * the work redone after a SIGKILL at about 80 % (media seconds encoded after the restart that had been
 * started before the kill, over the duration; also everything encoded after the restart), and the time of a
 * segmented job over the same job as one piece (processing time as the job records it).
 * Usage: daemon/bench/segmented.sh [seconds (360)] [size (192x108)]
 */
public final class SegmentedEncodingBench {

    private SegmentedEncodingBench() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 360;
        String size = args.length > 1 ? args[1] : "192x108";
        Path root = Files.createTempDirectory("bulletproof-segmented-bench-");
        Path source = TestClips.sized(root.resolve("source"), "show.mov", seconds, size);

        double single = processingSeconds(root.resolve("single"), source, "segment_threshold_seconds: 0\n");
        double segmented = processingSeconds(root.resolve("segmented"), source, "");
        double[] redone = killAt80(root.resolve("crash"), source, seconds);

        System.out.printf(Locale.ROOT, "source: %.0f s at %s, ProRes (live-qlab), 60 s segments%n", seconds, size);
        System.out.printf(
                Locale.ROOT,
                "work redone after kill at 80%%: %.3f (target <= 0.25); encoded after restart: %.3f%n",
                redone[0],
                redone[1]);
        System.out.printf(
                Locale.ROOT,
                "overhead segmented / single-pass: %.3f (%.1f s / %.1f s, target <= 1.05)%n",
                segmented / single,
                segmented,
                single);
    }

    private static double processingSeconds(Path folder, Path source, String yaml) throws Exception {
        MonitorFixture folders =
                new MonitorFixture(folder, yaml + "server: { port: %d }\n".formatted(MonitorFixture.freePort()));
        Files.copy(source, folders.staging.resolve("show.mov"));
        folders.moveIn(folders.staging.resolve("show.mov"), "show.mov");
        try (DaemonProcess daemon =
                DaemonProcess.start(folders.configFile, folders.data, folder.resolve("daemon.log"))) {
            Job job = awaitCompleted(folders, daemon);
            daemon.terminate();
            return job.processingSeconds();
        }
    }

    /** {redone, encoded after restart}, both over the source's duration. */
    private static double[] killAt80(Path folder, Path source, double seconds) throws Exception {
        MonitorFixture folders =
                new MonitorFixture(folder, "server: { port: %d }\n".formatted(MonitorFixture.freePort()));
        Files.copy(source, folders.staging.resolve("show.mov"));
        folders.moveIn(folders.staging.resolve("show.mov"), "show.mov");
        Path log;
        String before;
        try (DaemonProcess daemon = DaemonProcess.start(folders.configFile, folders.data, folder.resolve("1.log"))) {
            MonitorFixture.await(
                    "a job",
                    Duration.ofMinutes(2),
                    () -> !MonitorFixture.jobsIn(folders.data).isEmpty());
            long id = MonitorFixture.jobsIn(folders.data).getFirst().id();
            log = folders.data.resolve("logs").resolve("job-" + id + ".log");
            double at = 0.8 * seconds;
            MonitorFixture.await("80 % encoded", Duration.ofMinutes(30), () -> encodedUpTo(log) >= at);
            daemon.process().descendants().forEach(ProcessHandle::destroyForcibly);
            daemon.kill9();
            before = Files.readString(log);
        }
        try (DaemonProcess daemon = DaemonProcess.start(folders.configFile, folders.data, folder.resolve("2.log"))) {
            awaitCompleted(folders, daemon);
            daemon.terminate();
        }
        String after = Files.readString(log).substring(before.length());
        java.util.Set<String> startedBefore = new java.util.HashSet<>(SegmentedCrashTest.encodes(before));
        double redone = 0;
        double encoded = 0;
        Matcher encode = SegmentedCrashTest.ENCODE.matcher(after);
        while (encode.find()) {
            double media = Double.parseDouble(encode.group(2));
            encoded += media;
            if (startedBefore.contains(encode.group(1))) {
                redone += media;
            }
        }
        return new double[] {redone / seconds, encoded / seconds};
    }

    /** Media seconds covered by the segments started so far: where the encode has got to, within a segment. */
    private static double encodedUpTo(Path log) {
        try {
            if (!Files.exists(log)) {
                return 0;
            }
            Matcher done = java.util.regex.Pattern.compile("segment (\\d+) of \\d+: done")
                    .matcher(Files.readString(log));
            int segments = 0;
            while (done.find()) {
                segments = Math.max(segments, Integer.parseInt(done.group(1)));
            }
            return segments * 60.0 + 48; // into the next segment by 80 % of its length
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static Job awaitCompleted(MonitorFixture folders, DaemonProcess daemon) {
        MonitorFixture.await("the job completed", Duration.ofMinutes(30), () -> {
            if (!daemon.isAlive()) {
                throw new AssertionError("the daemon exited; log:\n" + daemon.log());
            }
            return MonitorFixture.jobsIn(folders.data).stream().anyMatch(job -> job.status() == JobStatus.COMPLETED);
        });
        return MonitorFixture.jobsIn(folders.data).getFirst();
    }
}
