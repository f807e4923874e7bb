package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.media.EncoderCheck;
import dev.bulletproof.daemon.media.MediaTools;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = "Check which ffmpeg is used and whether it has every encoder the built-in profiles need.")
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ToolOptions toolOptions;

    @Override
    public Integer call() {
        MediaTools tools = toolOptions.tools();
        PrintWriter out = spec.commandLine().getOut();
        out.println("ffmpeg:   " + tools.ffmpeg() + " (" + tools.source() + ")");
        out.println("ffprobe:  " + tools.ffprobe());
        out.println("version:  " + tools.version());
        out.println("encoders needed by the built-in profiles:");
        Map<String, Boolean> support = EncoderCheck.builtinEncoderSupport(tools);
        support.forEach(
                (encoder, present) -> out.println(String.format("  %-10s %s", encoder, present ? "ok" : "MISSING")));
        List<String> missing = support.entrySet().stream()
                .filter(entry -> !entry.getValue())
                .map(Map.Entry::getKey)
                .toList();
        if (!missing.isEmpty()) {
            throw new CommandFailedException("this ffmpeg lacks " + String.join(", ", missing)
                    + "; profiles using them will fail (use the bundled ffmpeg or pass --ffmpeg)");
        }
        out.println("all good");
        return 0;
    }
}
