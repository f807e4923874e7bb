package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.media.MediaTools;
import dev.bulletproof.daemon.media.MediaToolsLocator;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Option;

/** {@code --ffmpeg PATH}, shared by every verb that runs ffmpeg or ffprobe. */
final class ToolOptions {

    /**
     * The default tools, looked for while picocli is still building the command: finding them runs
     * {@code ffmpeg -version} and {@code ffprobe -version}, two process starts on every short verb's path.
     */
    private static final AtomicReference<FutureTask<MediaTools>> EARLY_LOOKUP = new AtomicReference<>();

    @Option(
            names = "--ffmpeg",
            paramLabel = "PATH",
            description =
                    "ffmpeg executable to use (ffprobe is expected beside it); default: the bundled one, then PATH")
    Path ffmpeg;

    /**
     * Starts looking for the default tools now, for a command line that will ask for them; any lookup left
     * from an earlier command line in this JVM is dropped.
     */
    static void lookEarly(boolean willNeedDefaultTools) {
        FutureTask<MediaTools> lookup =
                willNeedDefaultTools ? new FutureTask<>(() -> MediaToolsLocator.locate(null)) : null;
        EARLY_LOOKUP.set(lookup);
        if (lookup != null) {
            Thread.ofVirtual().name("find-ffmpeg").start(lookup);
        }
    }

    /** A named ffmpeg that does not work is an error, never quietly swapped for another one. */
    MediaTools tools() {
        FutureTask<MediaTools> early = EARLY_LOOKUP.getAndSet(null);
        if (ffmpeg != null || early == null) {
            return MediaToolsLocator.locate(ffmpeg);
        }
        try {
            return early.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MediaToolsLocator.locate(null);
        } catch (ExecutionException e) {
            // The same exception the lookup would have thrown here (no working ffmpeg, and why).
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new CompletionException(e.getCause());
        }
    }
}
