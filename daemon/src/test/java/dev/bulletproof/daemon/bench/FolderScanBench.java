package dev.bulletproof.daemon.bench;

import dev.bulletproof.daemon.rules.OutputNamer;
import dev.bulletproof.daemon.rules.RuleMatch;
import dev.bulletproof.daemon.rules.RuleSet;
import dev.bulletproof.daemon.watch.FolderWatcher;
import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.PatternType;
import dev.bulletproof.model.RuleModel;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long the watcher's initial scan plus rule matching takes to hand every file of a crowded monitor
 * folder to the engine. Run with daemon/bench/folder-scan.sh [file count] [folder to create the files in].
 */
public final class FolderScanBench {

    private static final String[] EXTENSIONS = {"mov", "MP4", "mxf", "wav", "mkv"};

    private FolderScanBench() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path parent = args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir"));
        Path folder = Files.createTempDirectory(parent, "bp-scan-bench-");
        try {
            long createStart = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Files.write(
                        folder.resolve(String.format("clip-%06d.%s", i, EXTENSIONS[i % EXTENSIONS.length])),
                        new byte[16]);
            }
            print("created %,d files in %.2f s", count, seconds(System.nanoTime() - createStart));
            for (int run = 1; run <= 3; run++) {
                measure(folder, count, run);
            }
        } finally {
            deleteTree(folder);
        }
    }

    private static void measure(Path folder, int count, int run) throws InterruptedException {
        RuleSet rules = new RuleSet(
                List.of(
                        new RuleModel("*.{wav,aif,aiff}", PatternType.GLOB, "audio-qlab", null, 200, null),
                        new RuleModel("A\\d{3}_C\\d{3}.*", PatternType.REGEX, "archival", null, 150, null),
                        new RuleModel("*.mov", PatternType.GLOB, "live-qlab", "{date}/{stem}.{ext}", 100, null),
                        new RuleModel("*", PatternType.GLOB, "live-h264", null, 0, OnSuccess.MOVE)),
                OnSuccess.KEEP,
                Map.of("audio-qlab", "wav", "archival", "mov", "live-qlab", "mov", "live-h264", "mp4")::get,
                new OutputNamer(Clock.systemUTC()));
        CountDownLatch allSeen = new CountDownLatch(count);
        AtomicLong matched = new AtomicLong();
        long start = System.nanoTime();
        // A scan interval longer than the run: only the initial scan counts.
        try (FolderWatcher watcher = new FolderWatcher(folder, false, Duration.ofHours(1), Set.of(), candidate -> {
            Optional<RuleMatch> match = rules.match(folder.relativize(candidate.path()));
            if (match.isPresent()) {
                matched.incrementAndGet();
            }
            allSeen.countDown();
        })) {
            watcher.start();
            if (!allSeen.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("only " + (count - allSeen.getCount()) + " files seen");
            }
            double elapsed = seconds(System.nanoTime() - start);
            print(
                    "run %d: initial scan + rule matching of %,d files: %.2f s (%,.0f files/s), %,d matched",
                    run, count, elapsed, count / elapsed, matched.get());
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private static void deleteTree(Path folder) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
