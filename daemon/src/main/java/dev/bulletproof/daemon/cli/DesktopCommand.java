package dev.bulletproof.daemon.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code desktop}: documented here so it shows in {@code --help}, but the desktop client is its own program
 * (JavaFX, its own jars) that this module must not depend on. The launcher starts it for
 * {@code bulletproof desktop ...}; only {@code desktop --help} reaches this class through the launcher.
 */
@Command(
        name = "desktop",
        mixinStandardHelpOptions = true,
        description = {
            "Open the desktop client (a separate program, started by the launcher): live jobs, charts, pause,"
                    + " resume, cancel and retry, the settings. Without options it connects to the local daemon"
                    + " with the token from its data folder; installed packages also have a"
                    + " bulletproof-desktop menu entry."
        })
final class DesktopCommand implements Callable<Integer> {

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "the daemon to connect to; default: http://127.0.0.1:8000")
    URI url;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "the API token; default: the token file in the data folder")
    String token;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "the local daemon's data folder, where its token is; default: the per-user data folder")
    Path dataDir;

    @Override
    public Integer call() {
        // Reached only when the CLI runs without the launcher in front of it.
        throw new CommandFailedException("the desktop client is its own program: start it with ./bulletproof desktop"
                + " (from the repository) or bulletproof-desktop (installed)");
    }
}
