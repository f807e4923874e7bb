package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.media.MediaTools;
import dev.bulletproof.daemon.media.OutputPaths;
import dev.bulletproof.daemon.media.Profile;
import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.daemon.media.TranscodeRequest;
import dev.bulletproof.daemon.media.TranscodeResult;
import dev.bulletproof.daemon.media.Transcoder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "transcode",
        mixinStandardHelpOptions = true,
        description = {
            "Encode one file with a profile, verify the result and publish it under its final name.",
            "The published path is printed on standard output. Standard error gets a progress bar when the"
                    + " output is a terminal, and a summary at the end (time, speed, size, verification)."
        })
final class TranscodeCommand implements Callable<Integer> {

    private static final Pattern SAFE_SHELL_WORD = Pattern.compile("[A-Za-z0-9_./:=+,@%^-]+");

    @Spec
    CommandSpec spec;

    @ParentCommand
    BulletproofCli root;

    @Parameters(paramLabel = "INPUT", description = "the file to encode")
    Path input;

    @Option(
            names = {"-p", "--profile"},
            paramLabel = "PROFILE",
            description = "profile name (default: ${DEFAULT-VALUE}); see `bulletproof profiles`")
    String profile = "live-qlab";

    @Option(
            names = {"-o", "--output"},
            paramLabel = "OUT",
            description = "output file (default: <stem>__processed__<profile>.<ext> beside the input)")
    Path output;

    @Mixin
    EncodeFlags encode;

    @Mixin
    ToolOptions toolOptions;

    @Option(
            names = "--print-command",
            hidden = true,
            description = "print the exact ffmpeg command line instead of running it")
    boolean printCommand;

    @Override
    public Integer call() {
        Profile chosen = ProfileCatalog.builtins().require(profile);
        Path target = output != null ? output : defaultOutput(input, chosen);
        MediaTools tools = toolOptions.tools();
        Transcoder transcoder = new Transcoder(tools);
        TranscodeRequest request = new TranscodeRequest(
                input, target, chosen, encode.options(), null, Duration.ofSeconds(encode.stallTimeoutSeconds));
        if (printCommand) {
            spec.commandLine().getOut().println(shellLine(transcoder.commandFor(request)));
            return 0;
        }
        ProgressDisplay progress = new ProgressDisplay(spec.commandLine().getErr(), root.interactive);
        TranscodeResult result;
        try {
            result = Encoding.run(transcoder, request, progress);
        } finally {
            // Also when interrupted: the error message must not land on the end of a bar.
            progress.finish();
        }
        if (!result.succeeded()) {
            // The engine's message already names the problem (and the file, where it matters).
            throw new CommandFailedException(result.error());
        }
        spec.commandLine().getErr().println("done: " + EncodeSummary.of(result).sentence());
        spec.commandLine().getOut().println(result.output());
        return 0;
    }

    static Path defaultOutput(Path input, Profile profile) {
        String stem = OutputPaths.stemOf(input.getFileName().toString());
        return input.toAbsolutePath()
                .resolveSibling(stem + "__processed__" + profile.name() + "." + profile.extension());
    }

    /** The command as one line a POSIX shell reads back into the same arguments. */
    static String shellLine(List<String> command) {
        StringBuilder line = new StringBuilder();
        for (String word : command) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(SAFE_SHELL_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }
}
