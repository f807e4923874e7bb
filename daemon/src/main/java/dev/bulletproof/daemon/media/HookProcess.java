package dev.bulletproof.daemon.media;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a user's hook program: directly (an argument list, never through a shell, so no file name can become a
 * command), with extra environment variables, its output and errors appended to a job's log file, and a time
 * limit after which its whole process tree is killed. It reads nothing: its input is the null device.
 */
public final class HookProcess {

    /**
     * How a run ended.
     *
     * @param exitCode the program's exit status; -1 when it did not start or was killed
     * @param problem why the run counts as failed, in words; null when it exited with 0
     */
    public record Outcome(int exitCode, String problem, Duration took) {
        public boolean succeeded() {
            return problem == null;
        }
    }

    private HookProcess() {}

    public static Outcome run(List<String> command, Map<String, String> environment, Duration timeout, Path log) {
        long started = System.nanoTime();
        Process process;
        try {
            Path parent = log.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            return new Outcome(-1, "could not start " + command.getFirst() + ": " + e.getMessage(), since(started));
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.killAndWait(process.toHandle(), 5_000);
                return new Outcome(
                        -1, "did not finish within " + seconds(timeout) + " s and was stopped", since(started));
            }
        } catch (InterruptedException e) {
            ProcessTree.kill(process.toHandle());
            Thread.currentThread().interrupt();
            return new Outcome(-1, "stopped: the daemon is stopping", since(started));
        }
        int exit = process.exitValue();
        return new Outcome(exit, exit == 0 ? null : "exited with status " + exit, since(started));
    }

    /** Appends one line to a job's log, for what the daemon says about a hook around its output. */
    public static void note(Path log, String line) {
        StderrLog.appendLine(log, line);
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
