package dev.bulletproof.daemon.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** `bulletproof daemon` as a separate JVM, so tests can kill it the way a crash or an operator would. */
final class DaemonProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private DaemonProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** @param daemonArguments extra options for the daemon verb, such as {@code --log-format json} */
    static DaemonProcess start(Path configFile, Path dataFolder, Path log, String... daemonArguments) {
        return start(configFile, dataFolder, log, List.of(), daemonArguments);
    }

    /**
     * @param jvmOptions extra options for the daemon's JVM: a fault-injection crash point, {@code -Djava.io.tmpdir=…}
     * @param daemonArguments extra options for the daemon verb
     */
    static DaemonProcess start(
            Path configFile, Path dataFolder, Path log, List<String> jvmOptions, String... daemonArguments) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>();
        command.add(java);
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "dev.bulletproof.daemon.cli.BulletproofCli",
                "daemon",
                "--config",
                configFile.toString(),
                "--data-dir",
                dataFolder.toString()));
        command.addAll(List.of(daemonArguments));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new DaemonProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end by itself (a crash point halts it) and returns its exit status. */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the daemon did not exit within " + limit + "; log:\n" + log());
        }
        return process.exitValue();
    }

    /** The daemon's process, to reach its children (its ffmpeg) too. */
    Process process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    /** The ffmpeg the daemon is running (fails the test when there is none). */
    long pidOfChildFfmpeg() {
        return process.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ffmpeg under the daemon; log:\n" + log()))
                .pid();
    }

    /** The ffmpeg the daemon runs for the input whose path contains {@code name}, if one runs now. */
    java.util.Optional<ProcessHandle> ffmpegFor(String name) {
        // Only the encode reports -progress: the thumbnail and the verifier's tail decode also name the input
        // and are not the process a test means to kill.
        return process.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false))
                .filter(p -> p.info()
                        .arguments()
                        .map(java.util.Arrays::asList)
                        .map(arguments -> arguments.contains("-progress")
                                && arguments.stream().anyMatch(a -> a.contains(name)))
                        .orElse(false))
                .findFirst();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, exactly like a crash. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: the orderly stop an operator or a service manager asks for. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the daemon did not stop within 30 s of SIGTERM; log:\n" + log());
        }
        return process.exitValue();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            kill9();
        }
    }
}
