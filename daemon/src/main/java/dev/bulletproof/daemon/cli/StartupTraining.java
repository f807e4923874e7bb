package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.media.MediaToolsLocator;
import dev.bulletproof.daemon.media.TestPatternClip;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run behind the class-data archive the build leaves for the launcher: it drives the short
 * verbs people run by hand, so that the classes they load are in the archive, parsed and verified, and
 * are mapped in ready-made on later starts. Without it the archive would hold whatever the first verb
 * someone happened to run loaded (a {@code --version} loads almost nothing).
 *
 * <p>Usage: {@code java -XX:ArchiveClassesAtExit=bulletproof.jsa -cp bulletproof-daemon.jar
 * dev.bulletproof.daemon.cli.StartupTraining WORK_FOLDER}. The work folder receives a tiny synthetic clip
 * and its encode. The training never fails the build: a machine without a working ffmpeg still trains
 * the verbs that need none, and the archive is merely less complete.
 */
public final class StartupTraining {

    private StartupTraining() {}

    public static void main(String[] args) throws IOException {
        Path work = Files.createDirectories(Path.of(args[0]));
        List<String> failures = new ArrayList<>();
        train(failures, "--version");
        train(failures, "--help");
        train(failures, "profiles", "--args");
        train(failures, "transcode", "--help");
        try {
            Path clip = TestPatternClip.create(MediaToolsLocator.locate(null), work.resolve("training clip.mp4"), 0.5);
            train(failures, "analyze", clip.toString());
            Path output = work.resolve("training clip.out.mp4");
            Files.deleteIfExists(output);
            train(failures, "transcode", clip.toString(), "--profile", "live-h264", "-o", output.toString());
            train(failures, "transcode", clip.toString(), "--print-command");
        } catch (IOException | RuntimeException e) {
            failures.add("media verbs not trained: " + e.getMessage());
        }
        failures.forEach(failure -> System.err.println("start-up training: " + failure));
    }

    private static void train(List<String> failures, String... args) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        int exitCode = BulletproofCli.run(args, discard, discard);
        if (exitCode != 0) {
            failures.add(String.join(" ", args) + " exited with " + exitCode);
        }
    }
}
