package dev.bulletproof.daemon.bench;

import dev.bulletproof.daemon.app.Daemon;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.model.JobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** Small helpers shared by the daemon benchmarks (main classes run by the scripts in daemon/bench). */
final class BenchSupport {

    private BenchSupport() {}

    /** A daemon configuration in {@code root} watching root/in and writing root/out. */
    static Path config(Path root, String yaml) throws IOException {
        Files.createDirectories(root.resolve("in"));
        return Files.writeString(
                root.resolve("bulletproof.yaml"), "monitor_folder: ./in\noutput_folder: ./out\n" + yaml);
    }

    static Daemon start(Path root, Path config, boolean paused) {
        return Daemon.start(new Daemon.Options(config, root.resolve("data"), null, null, paused), new EventBus());
    }

    static long count(Daemon monitor, JobStatus status) {
        return monitor.jobs().count(new JobFilter(Set.of(status), null, null, null, 1, 0));
    }

    static void await(String what, long timeoutMillis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("gave up after " + timeoutMillis / 1000 + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f s", value);
    }

    static void deleteTree(Path root) {
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not clean up " + root + ": " + e);
        }
    }
}
