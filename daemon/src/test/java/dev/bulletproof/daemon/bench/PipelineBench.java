package dev.bulletproof.daemon.bench;

import static dev.bulletproof.daemon.bench.BenchSupport.seconds;

import dev.bulletproof.daemon.app.Daemon;
import dev.bulletproof.daemon.media.EncodeOptions;
import dev.bulletproof.daemon.media.MediaTools;
import dev.bulletproof.daemon.media.MediaToolsLocator;
import dev.bulletproof.daemon.media.Profile;
import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.daemon.media.TranscodeRequest;
import dev.bulletproof.daemon.media.Transcoder;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pipeline overhead: K clips through the daemon with max_workers=P, against the identical ffmpeg command
 * lines run directly, P at a time. The daemon is started with its queue paused and timed from the
 * moment the queue is resumed with all K jobs queued, to the last verified, published output, so the
 * figure is the cost of queueing, claiming, probing, verifying and publishing, not of waiting for files
 * to settle (the detection-latency benchmark measures that).
 *
 * <p>Arguments: [clips=6] [workers=2] [rounds=3] [profile=live-h264] [seconds=4] [size=640x360]
 */
public final class PipelineBench {

    public static void main(String[] args) throws Exception {
        int clips = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String profileName = args.length > 3 ? args[3] : "live-h264";
        double clipSeconds = args.length > 4 ? Double.parseDouble(args[4]) : 4;
        String size = args.length > 5 ? args[5] : "640x360";

        MediaTools tools = MediaToolsLocator.locate(null);
        Profile profile = ProfileCatalog.builtins().require(profileName);
        Path work = Files.createTempDirectory("bp-pipeline-bench");
        try {
            Path sources = Files.createDirectories(work.resolve("sources"));
            List<Path> inputs = new ArrayList<>();
            for (int i = 0; i < clips; i++) {
                inputs.add(TestClips.sized(sources, "clip-" + i + ".mp4", clipSeconds, size));
            }
            System.out.printf(
                    Locale.ROOT,
                    "%d clips of %.0f s %s, profile %s, %d workers, %d rounds, ffmpeg %s%n",
                    clips,
                    clipSeconds,
                    size,
                    profileName,
                    workers,
                    rounds,
                    tools.version());

            List<Double> raw = new ArrayList<>();
            List<Double> daemon = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                raw.add(runRaw(tools, profile, inputs, workers, work.resolve("raw-" + round)));
                daemon.add(runDaemon(inputs, workers, profileName, work.resolve("daemon-" + round)));
                System.out.printf(
                        Locale.ROOT,
                        "round %d: raw ffmpeg %s, daemon %s%n",
                        round + 1,
                        seconds(raw.getLast()),
                        seconds(daemon.getLast()));
            }
            double rawMedian = BenchSupport.median(raw);
            double daemonMedian = BenchSupport.median(daemon);
            System.out.printf(
                    Locale.ROOT,
                    "median wall time: raw ffmpeg %s, daemon %s, ratio daemon/raw %.3f (target <= 1.05)%n",
                    seconds(rawMedian),
                    seconds(daemonMedian),
                    daemonMedian / rawMedian);
        } finally {
            BenchSupport.deleteTree(work);
        }
    }

    private static double runRaw(MediaTools tools, Profile profile, List<Path> inputs, int workers, Path out)
            throws Exception {
        Files.createDirectories(out);
        Transcoder transcoder = new Transcoder(tools);
        List<List<String>> commands = new ArrayList<>();
        for (Path input : inputs) {
            commands.add(transcoder.commandFor(new TranscodeRequest(
                    input,
                    out.resolve(input.getFileName() + "." + profile.extension()),
                    profile,
                    EncodeOptions.defaults(),
                    null,
                    null)));
        }
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (List<String> command : commands) {
                results.add(pool.submit(() -> new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start()
                        .waitFor()));
            }
            for (Future<Integer> result : results) {
                if (result.get() != 0) {
                    throw new IllegalStateException("a raw ffmpeg run failed");
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double runDaemon(List<Path> inputs, int workers, String profile, Path root) throws Exception {
        Path config = BenchSupport.config(
                root,
                "max_workers: " + workers + "\nstable_seconds: 0.5\nscan_interval_seconds: 1\nrules:\n"
                        + "  - pattern: \"*\"\n    profile: " + profile + "\n");
        try (Daemon monitor = BenchSupport.start(root, config, true)) {
            for (Path input : inputs) {
                Files.copy(input, root.resolve("in").resolve(input.getFileName()));
            }
            BenchSupport.await(
                    "all jobs queued", 60_000, () -> BenchSupport.count(monitor, JobStatus.QUEUED) == inputs.size());
            long start = System.nanoTime();
            monitor.pool().resumeQueue();
            BenchSupport.await(
                    "all jobs finished",
                    600_000,
                    () -> BenchSupport.count(monitor, JobStatus.COMPLETED)
                                    + BenchSupport.count(monitor, JobStatus.FAILED)
                            == inputs.size());
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (BenchSupport.count(monitor, JobStatus.FAILED) > 0) {
                throw new IllegalStateException("some daemon jobs failed");
            }
            return elapsed;
        }
    }
}
