package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.media.MediaTools;
import dev.bulletproof.daemon.media.MediaToolsLocator;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --ffmpeg PATH}, shared by every verb that runs ffmpeg or ffprobe. */
final class ToolOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--ffmpeg",
            paramLabel = "PATH",
            description =
                    "ffmpeg executable to use (ffprobe is expected beside it); default: the bundled one, then PATH")
    Path ffmpeg;

    MediaTools tools() {
        MediaTools tools = MediaToolsLocator.locate(ffmpeg);
        if (ffmpeg != null && !tools.source().equals("configured")) {
            // The engine falls back so a daemon keeps working; a person at the console should know.
            spec.commandLine()
                    .getErr()
                    .println("warning: --ffmpeg " + ffmpeg + " is not usable; using the " + tools.source()
                            + " ffmpeg (run `bulletproof doctor --ffmpeg " + ffmpeg + "` for details)");
        }
        return tools;
    }
}
