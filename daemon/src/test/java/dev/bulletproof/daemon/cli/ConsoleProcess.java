package dev.bulletproof.daemon.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The command line as its own process, the way a user meets it: with standard output and error on pipes,
 * or on a pseudo-terminal made by util-linux's {@code script}, so terminal detection and redrawing are
 * the real ones and not a test's guess.
 */
final class ConsoleProcess {

    record Result(int exitCode, String out, String err) {}

    private ConsoleProcess() {}

    private static List<String> javaCommand(List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                BulletproofCli.class.getName()));
        command.addAll(args);
        return command;
    }

    /** Standard output and error each on their own pipe. */
    static Result onPipes(Path workingFolder, Map<String, String> environment, String... args) {
        return run(workingFolder, environment, javaCommand(List.of(args)));
    }

    /**
     * Standard input, output and error on one pseudo-terminal; {@code out} is everything the terminal
     * received (the terminal turns each line feed into CR LF, as a real one does).
     */
    static Result onTerminal(Path workingFolder, Map<String, String> environment, String... args) {
        String shellCommand = TranscodeCommand.shellLine(javaCommand(List.of(args)));
        // -e: the command's exit code; -q: no banner; -f: flush at once; /dev/null: no typescript file.
        return run(workingFolder, environment, List.of("script", "-eqfc", shellCommand, "/dev/null"));
    }

    private static Result run(Path workingFolder, Map<String, String> environment, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingFolder.toFile());
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String out = readAll(process.getInputStream());
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the command did not finish: " + command + "\n" + out);
            }
            return new Result(process.exitValue(), out, err.join());
        } catch (IOException e) {
            throw new AssertionError("cannot start " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String readAll(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
