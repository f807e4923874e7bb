package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.media.MediaTools;
import dev.bulletproof.daemon.media.MediaToolsLocator;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --ffmpeg PATH}, shared by every verb that runs ffmpeg or ffprobe. */
final class ToolOptions {

    @Option(
            names = "--ffmpeg",
            paramLabel = "PATH",
            description =
                    "ffmpeg executable to use (ffprobe is expected beside it); default: the bundled one, then PATH")
    Path ffmpeg;

    /** A named ffmpeg that does not work is an error, never quietly swapped for another one. */
    MediaTools tools() {
        return MediaToolsLocator.locate(ffmpeg);
    }
}
