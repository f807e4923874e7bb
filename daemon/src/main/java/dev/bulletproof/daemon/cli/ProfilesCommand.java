package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.media.EncodeOptions;
import dev.bulletproof.daemon.media.FfmpegArguments;
import dev.bulletproof.daemon.media.Profile;
import dev.bulletproof.daemon.media.ProfileCatalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "profiles", mixinStandardHelpOptions = true, description = "List the encoding profiles.")
final class ProfilesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--args", description = "also show each profile's ffmpeg encoding arguments")
    boolean showArgs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ProfileCatalog catalog = ProfileCatalog.builtins();
        for (Profile profile : catalog.all()) {
            String marker = profile.equals(catalog.defaultProfile()) ? " (default)" : "";
            out.println(String.format(
                    "%-22s .%-4s %s%s", profile.name(), profile.extension(), profile.description(), marker));
            if (showArgs) {
                out.println("    "
                        + String.join(" ", FfmpegArguments.encodingArgs(profile, EncodeOptions.defaults(), null)));
            }
        }
        return 0;
    }
}
