package dev.bulletproof.daemon.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs short-lived tools (ffprobe, {@code -version}, {@code -encoders}) to completion. Both pipes are read
 * concurrently, so a chatty tool can never block on a full pipe, and a time limit kills a tool that hangs
 * (a probe of a file on a dead network share must not stall a worker forever).
 */
final class ToolRunner {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private ToolRunner() {}

    static ToolOutput run(List<String> command, Duration timeout) throws IOException {
        return run(command, timeout, false);
    }

    /**
     * @param background run at the lowest CPU priority the system offers, for work nobody waits on (media
     *     facts, poster frames): it then takes only the time the encodes leave idle
     */
    static ToolOutput run(List<String> command, Duration timeout, boolean background) throws IOException {
        Process process = new ProcessBuilder(background ? LowPriority.wrap(command) : command).start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = readAsync(process.getInputStream());
        CompletableFuture<String> stderr = readAsync(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.kill(process.toHandle());
                throw new IOException(command.getFirst() + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new ToolOutput(process.exitValue(), stdout.get(), stderr.get());
        } catch (InterruptedException e) {
            ProcessTree.kill(process.toHandle());
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.getFirst(), e);
        } catch (ExecutionException e) {
            throw new IOException("could not read the output of " + command.getFirst(), e.getCause());
        }
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread.ofVirtual().name("tool-pipe").start(() -> {
            try (stream) {
                result.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException | UncheckedIOException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
