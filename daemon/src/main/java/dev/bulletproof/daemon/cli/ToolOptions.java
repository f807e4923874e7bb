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

    MediaTools tools() {
        return MediaToolsLocator.locate(ffmpeg);
    }
}
