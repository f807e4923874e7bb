package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.media.OutputPaths;
import dev.bulletproof.daemon.media.Profile;
import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.daemon.media.TranscodeRequest;
import dev.bulletproof.daemon.media.TranscodeResult;
import dev.bulletproof.daemon.media.Transcoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        description = {
            "Encode every matching file in a folder (not its subfolders), one after another.",
            "Exits non-zero when any file failed, after listing the failures."
        })
final class BatchCommand implements Callable<Integer> {

    static final Set<String> VIDEO_EXTENSIONS = Set.of("mov", "mp4", "m4v", "mkv", "mxf", "avi", "mts", "m2ts", "webm");
    static final Set<String> AUDIO_EXTENSIONS = Set.of("wav", "aif", "aiff", "mp3", "m4a", "flac");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "folder with the files to encode")
    Path folder;

    @Option(
            names = {"-p", "--profile"},
            paramLabel = "PROFILE",
            description = "profile name (default: ${DEFAULT-VALUE})")
    String profile = "live-qlab";

    @Option(
            names = {"-e", "--extension"},
            paramLabel = "EXT",
            split = ",",
            description = "extensions to take, repeatable (default: common video types; audio types too for"
                    + " audio-only profiles)")
    List<String> extensions = new ArrayList<>();

    @Option(
            names = {"-o", "--output-dir"},
            paramLabel = "DIR",
            description = "where outputs go (default: beside each input)")
    Path outputFolder;

    @Mixin
    EncodeFlags encode;

    @Mixin
    ToolOptions toolOptions;

    @Override
    public Integer call() throws IOException {
        Profile chosen = ProfileCatalog.builtins().require(profile);
        if (!Files.isDirectory(folder)) {
            throw new CommandFailedException("not a folder: " + folder);
        }
        Set<String> wanted = wantedExtensions(chosen);
        List<Path> inputs = inputsIn(folder, wanted);
        if (inputs.isEmpty()) {
            throw new CommandFailedException("no ." + String.join(", .", wanted) + " files in " + folder);
        }
        Transcoder transcoder = new Transcoder(toolOptions.tools());
        PrintWriter out = spec.commandLine().getOut();
        Map<Path, String> failures = new LinkedHashMap<>();
        int succeeded = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Path input = inputs.get(i);
            out.println("[" + (i + 1) + "/" + inputs.size() + "] " + input.getFileName());
            TranscodeResult result = Encoding.run(transcoder, request(input, chosen), null);
            if (result.succeeded()) {
                succeeded++;
                out.println("  ok: " + result.output());
            } else {
                failures.put(input, BulletproofCli.oneLine(result.error()));
                out.println("  " + result.outcome().name().toLowerCase(Locale.ROOT) + ": "
                        + BulletproofCli.oneLine(result.error()));
            }
        }
        out.println(succeeded + " succeeded, " + failures.size() + " failed");
        if (failures.isEmpty()) {
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("failed:");
        failures.forEach((input, error) -> err.println("  " + input.getFileName() + ": " + error));
        return 1;
    }

    private TranscodeRequest request(Path input, Profile chosen) {
        Path output = TranscodeCommand.defaultOutput(input, chosen);
        if (outputFolder != null) {
            output = outputFolder.resolve(output.getFileName());
        }
        return new TranscodeRequest(
                input, output, chosen, encode.options(), null, Duration.ofSeconds(encode.stallTimeoutSeconds));
    }

    private Set<String> wantedExtensions(Profile chosen) {
        Set<String> wanted = new TreeSet<>();
        for (String extension : extensions) {
            String clean = extension.strip().toLowerCase(Locale.ROOT);
            wanted.add(clean.startsWith(".") ? clean.substring(1) : clean);
        }
        if (wanted.isEmpty()) {
            wanted.addAll(VIDEO_EXTENSIONS);
            if (chosen.isAudioOnly()) {
                wanted.addAll(AUDIO_EXTENSIONS);
            }
        }
        return wanted;
    }

    /** Skips hidden files (AppleDouble "._x.mov", our own temporaries) and earlier outputs of this tool. */
    private static List<Path> inputsIn(Path folder, Set<String> wanted) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return !name.startsWith(".")
                                && !OutputPaths.isTemp(file)
                                && !name.contains("__processed__")
                                && wanted.contains(OutputPaths.extensionOf(name).toLowerCase(Locale.ROOT));
                    })
                    .sorted()
                    .toList();
        }
    }
}
