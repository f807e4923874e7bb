package dev.bulletproof.daemon.monitor;

import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.media.OutputPaths;
import dev.bulletproof.daemon.testing.TestClips;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Prints how long a cluster takes to run a killed node's job elsewhere: from SIGKILL of the node encoding it
 * (daemon and ffmpeg) to the job being claimed by the other node. Between tries the killed node is started
 * again on its data folder. Arguments: {@code [tries] [node_timeout_seconds] [heartbeat_seconds]}.
 */
public final class ClusterFailoverBench {

    private ClusterFailoverBench() {}

    public static void main(String[] args) throws Exception {
        int tries = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int timeout = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int heartbeat = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path root = Files.createTempDirectory("bulletproof-failover");
        List<Double> seconds = new ArrayList<>();
        try (ClusterNodes cluster = new ClusterNodes(root, heartbeat, timeout)) {
            Map<String, DaemonProcess> nodes = new HashMap<>();
            for (String name : List.of("one", "two")) {
                nodes.put(name, cluster.start(name));
            }
            for (int attempt = 1; attempt <= tries; attempt++) {
                ClusterNodes.await(
                        "two nodes alive", Duration.ofSeconds(180), () -> cluster.aliveNodes() == 2, cluster);
                String clip = "try-" + attempt + ".mkv";
                Files.move(TestClips.hd(cluster.staging, clip, 8), cluster.in.resolve(clip));
                ClusterNodes.await(
                        "an encode under way",
                        Duration.ofSeconds(180),
                        () -> processing(cluster, clip).isPresent()
                                && cluster.temporaries().stream().anyMatch(file -> size(file) > 0),
                        cluster);
                Job running = processing(cluster, clip).orElseThrow();
                String victim = cluster.nodeIdOf("one").equals(running.nodeId()) ? "one" : "two";
                ClusterNodes.signalTree("KILL", nodes.get(victim).pid());
                long killed = System.nanoTime();
                ClusterNodes.await(
                        "the job on the other node",
                        Duration.ofSeconds(120),
                        () -> processing(cluster, clip)
                                .filter(job ->
                                        job.nodeId() != null && !job.nodeId().equals(running.nodeId()))
                                .isPresent(),
                        cluster);
                double took = (System.nanoTime() - killed) / 1e9;
                seconds.add(took);
                System.out.printf(Locale.ROOT, "try %2d: %.1f s%n", attempt, took);
                ClusterNodes.await(
                        "the job to finish",
                        Duration.ofSeconds(300),
                        () -> jobOf(cluster, clip)
                                .map(job -> job.status().isFinished())
                                .orElse(false),
                        cluster);
                nodes.put(victim, cluster.start(victim));
            }
        }
        Collections.sort(seconds);
        double median = seconds.size() % 2 == 1
                ? seconds.get(seconds.size() / 2)
                : (seconds.get(seconds.size() / 2 - 1) + seconds.get(seconds.size() / 2)) / 2;
        System.out.printf(
                Locale.ROOT,
                "failover over %d tries (node_timeout_seconds %d, heartbeat_seconds %d): median %.1f s, max %.1f s%n",
                seconds.size(),
                timeout,
                heartbeat,
                median,
                seconds.getLast());
        System.exit(0);
    }

    private static Optional<Job> jobOf(ClusterNodes cluster, String clip) {
        return cluster.jobs.list(dev.bulletproof.daemon.jobs.JobFilter.all()).stream()
                .filter(job -> job.filename().equals(clip))
                .findFirst();
    }

    private static Optional<Job> processing(ClusterNodes cluster, String clip) {
        return jobOf(cluster, clip).filter(job -> job.status() == JobStatus.PROCESSING);
    }

    private static long size(Path file) {
        try {
            return OutputPaths.isTemp(file) ? Files.size(file) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
