package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.config.ConfigStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "generate-config",
        mixinStandardHelpOptions = true,
        description = "Print a commented example configuration, or write it to a file with -o.")
final class GenerateConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "write the example to FILE (never replaces an existing file)")
    Path output;

    @Override
    public Integer call() {
        String example = ConfigStore.generateExample();
        if (output == null) {
            spec.commandLine().getOut().print(example);
            spec.commandLine().getOut().flush();
            return 0;
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(output, example, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new CommandFailedException(output + " already exists; choose another name or remove it first");
        } catch (IOException e) {
            throw new CommandFailedException("cannot write " + output + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("wrote " + output.toAbsolutePath());
        return 0;
    }
}
