package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.media.AudioStreamInfo;
import dev.bulletproof.daemon.media.MediaInfo;
import dev.bulletproof.daemon.media.MediaProber;
import dev.bulletproof.daemon.media.VideoStreamInfo;
import dev.bulletproof.format.Formats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = "Show container, duration, bit rate and every stream of a media file.")
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "the file to inspect")
    Path input;

    @Mixin
    ToolOptions toolOptions;

    @Override
    public Integer call() {
        MediaInfo info = new MediaProber(toolOptions.tools()).probe(input);
        PrintWriter out = spec.commandLine().getOut();
        out.println("file:       " + input.toAbsolutePath());
        out.println("container:  " + info.formatName());
        // The exact seconds too: this is what a profile's or a rule's arithmetic starts from.
        out.println(String.format(
                Locale.ROOT,
                "duration:   %s (%.3f s)",
                Formats.duration(info.durationSeconds()),
                info.durationSeconds()));
        out.println("bitrate:    " + (info.bitRate() == null ? "unknown" : Formats.bitrate(info.bitRate())));
        VideoStreamInfo video = info.video();
        if (video == null) {
            out.println("video:      none");
        } else {
            out.println(String.format(
                    Locale.ROOT,
                    "video:      %s%s, %dx%d, %s fps (%.3f), %s",
                    video.codec(),
                    video.profile() == null ? "" : " (" + video.profile() + ")",
                    video.width(),
                    video.height(),
                    video.frameRate(),
                    video.frameRateValue(),
                    video.pixelFormat()));
        }
        if (info.audio().isEmpty()) {
            out.println("audio:      none");
        }
        for (int i = 0; i < info.audio().size(); i++) {
            AudioStreamInfo track = info.audio().get(i);
            out.println(String.format(
                    Locale.ROOT,
                    "audio #%d:   %s, %d ch, %d Hz",
                    i + 1,
                    track.codec(),
                    track.channels(),
                    track.sampleRate()));
        }
        return 0;
    }
}
