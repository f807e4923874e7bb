package dev.bulletproof.daemon.cli;

import dev.bulletproof.client.AppDirectories;
import dev.bulletproof.daemon.media.EncoderCheck;
import dev.bulletproof.daemon.media.MediaTools;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = "Check which ffmpeg is used and whether it has every encoder the built-in profiles need, and"
                + " whether the job database can be reached and is at the schema version this build expects.")
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ToolOptions toolOptions;

    @Option(names = "--config", paramLabel = "FILE", description = "the YAML configuration file the daemon uses")
    Path config;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "the daemon's data folder (its SQLite database); default: the per-user data folder")
    Path dataDir;

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
        DatabaseCheck database = checkDatabase();
        database.lines().forEach(out::println);
        if (!missing.isEmpty()) {
            throw new CommandFailedException("this ffmpeg lacks " + String.join(", ", missing)
                    + "; profiles using them will fail (use the bundled ffmpeg or pass --ffmpeg)");
        }
        if (!database.ok()) {
            throw new CommandFailedException("the job database cannot be used: " + database.problem());
        }
        out.println("all good");
        return 0;
    }

    /** The database the daemon would open: found the way the daemon command finds its config and data. */
    private DatabaseCheck checkDatabase() {
        AppDirectories directories = AppDirectories.forCurrentUser();
        Path workingFolder = Path.of("").toAbsolutePath();
        Path configFile = directories.configFile(config, workingFolder);
        if (config == null && !Files.exists(configFile)) {
            configFile = workingFolder.resolve(AppDirectories.CONFIG_FILE_NAME);
        }
        return DatabaseCheck.of(configFile, directories.dataFolder(dataDir));
    }
}
