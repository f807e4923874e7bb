package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.media.EncodeOptions;
import dev.bulletproof.daemon.media.FfmpegArguments;
import dev.bulletproof.daemon.media.Profile;
import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.daemon.media.ProfileYaml;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "profiles",
        mixinStandardHelpOptions = true,
        description = {
            "List the encoding profiles.",
            "With --yaml NAME, print that profile as YAML to paste under profiles: in the config file and edit"
                    + " into a custom profile; docs/profiles.md describes every field."
        })
final class ProfilesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--args", description = "also show each profile's ffmpeg encoding arguments")
    boolean showArgs;

    @Option(
            names = "--yaml",
            paramLabel = "NAME",
            description = "print profile NAME as a custom profile in YAML (renamed my-NAME: built-in names are taken)")
    String yamlOf;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ProfileCatalog catalog = ProfileCatalog.builtins();
        if (yamlOf != null) {
            Profile profile = catalog.require(yamlOf);
            out.println("# " + profile.name() + " as a custom profile. Paste it under \"profiles:\" in bulletproof.yaml"
                    + " (replacing \"[]\"),");
            out.println(
                    "# give it a name of your own, and change what you need; docs/profiles.md describes every field.");
            out.print(ProfileYaml.asCustom(profile, "my-" + profile.name()));
            out.flush();
            return 0;
        }
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
