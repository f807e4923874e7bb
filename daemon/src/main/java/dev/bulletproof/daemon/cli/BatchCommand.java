package dev.bulletproof.daemon.cli;

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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        description = {
            "Encode every matching file in a folder (not its subfolders), one after another.",
            "Files it leaves alone are listed with the reason. On a terminal a bar shows the file being"
                    + " encoded and the whole batch (files done, time, estimated time left).",
            "Ends with a table of every file; exits non-zero when any file failed."
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

    @ParentCommand
    BulletproofCli root;

    @Override
    public Integer call() throws IOException {
        Profile chosen = ProfileCatalog.builtins().require(profile);
        if (!Files.isDirectory(folder)) {
            throw new CommandFailedException("not a folder: " + folder);
        }
        Set<String> wanted = wantedExtensions(chosen);
        BatchSelection selection = BatchSelection.of(folder, wanted);
        PrintWriter out = spec.commandLine().getOut();
        printSkipped(out, selection.skipped());
        List<Path> inputs = selection.inputs();
        if (inputs.isEmpty()) {
            throw new CommandFailedException("no ." + String.join(", .", wanted) + " files in " + folder);
        }
        out.println("encoding " + inputs.size() + " file(s) with " + chosen.name());
        out.flush();
        Transcoder transcoder = new Transcoder(toolOptions.tools());
        boolean terminal = root != null && root.interactive;
        BatchProgress progress = new BatchProgress(out, terminal, inputs, System::nanoTime);
        BatchReport report = new BatchReport();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < inputs.size(); i++) {
                Path input = inputs.get(i);
                progress.starting(i, input.getFileName().toString());
                TranscodeResult result = Encoding.run(transcoder, request(input, chosen), progress);
                progress.finished();
                report.add(input, result);
                out.println(BatchReport.resultLine(
                        i + 1, inputs.size(), report.rows().getLast()));
                out.flush();
            }
        } finally {
            progress.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        printSummary(out, report, selection.skipped().size(), seconds);
        if (report.failures() == 0) {
            return 0;
        }
        spec.commandLine()
                .getErr()
                .println("error: " + report.failures() + " of " + inputs.size() + " files failed: "
                        + String.join(
                                ", ",
                                report.rows().stream()
                                        .filter(row -> !row.succeeded())
                                        .map(row -> row.input().getFileName().toString())
                                        .toList()));
        return 1;
    }

    private static void printSkipped(PrintWriter out, List<BatchSelection.Skipped> skipped) {
        if (skipped.isEmpty()) {
            return;
        }
        out.println("skipping " + skipped.size() + " file(s):");
        int width = skipped.stream()
                .mapToInt(entry -> entry.file().getFileName().toString().length())
                .max()
                .orElse(0);
        for (BatchSelection.Skipped entry : skipped) {
            String name = entry.file().getFileName().toString();
            out.println("  " + name + " ".repeat(width - name.length() + 2) + entry.reason());
        }
    }

    private static void printSummary(PrintWriter out, BatchReport report, int skipped, double seconds) {
        out.println();
        report.table().forEach(out::println);
        long failed = report.failures();
        out.println(report.rows().size() + " file(s) in " + Figures.duration(seconds) + ": "
                + (report.rows().size() - failed) + " succeeded, " + failed + " failed, " + skipped + " skipped");
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
}
