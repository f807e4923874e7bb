package dev.bulletproof.desktop.connection;

import dev.bulletproof.desktop.DesktopException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Starts a daemon on this machine when none answers. The daemon is found next to the desktop client's own
 * jar: the {@code bulletproof} launcher script of a source build, or the daemon's jar, which runs with
 * the same Java as this client.
 */
public final class DaemonStarter {

    private final Path desktopJar;
    private final Path javaExecutable;

    public DaemonStarter(Path desktopJar, Path javaExecutable) {
        this.desktopJar = desktopJar;
        this.javaExecutable = javaExecutable;
    }

    public static DaemonStarter forThisProcess() {
        Path jar = null;
        try {
            var location =
                    DaemonStarter.class.getProtectionDomain().getCodeSource().getLocation();
            jar = Path.of(location.toURI());
        } catch (URISyntaxException | RuntimeException e) {
            // Without a known location only the explanation of how to start a daemon remains.
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        return new DaemonStarter(jar, java);
    }

    /** The command that starts a daemon, or empty when no daemon could be found near this client. */
    public Optional<List<String>> command(Path dataFolder) {
        if (desktopJar == null) {
            return Optional.empty();
        }
        // desktop-client/target/bulletproof-desktop.jar in a source build; the jars side by side in an install.
        Path folder = Files.isDirectory(desktopJar) ? desktopJar : desktopJar.getParent();
        List<Path> daemonJars = new ArrayList<>();
        daemonJars.add(folder.resolve("bulletproof-daemon.jar"));
        Path root = folder.getParent() == null ? null : folder.getParent().getParent();
        if (root != null) {
            Path script = root.resolve(isWindows() ? "bulletproof.cmd" : "bulletproof");
            if (Files.isRegularFile(script)
                    && Files.isRegularFile(root.resolve("daemon/target/bulletproof-daemon.jar"))) {
                return Optional.of(withDataFolder(new ArrayList<>(List.of(script.toString(), "daemon")), dataFolder));
            }
            daemonJars.add(root.resolve("daemon").resolve("target").resolve("bulletproof-daemon.jar"));
        }
        return daemonJars.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .map(jar -> withDataFolder(
                        new ArrayList<>(List.of(
                                javaExecutable.toString(),
                                "--enable-native-access=ALL-UNNAMED",
                                "-jar",
                                jar.toString(),
                                "daemon")),
                        dataFolder));
    }

    /** Starts the daemon detached from this client; its output goes to {@code daemon-console.log}. */
    public Process start(Path dataFolder) {
        List<String> command = command(dataFolder).orElseThrow(() -> new DesktopException(howToStart()));
        try {
            Path logFolder = dataFolder != null ? dataFolder : Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(logFolder);
            Path log = logFolder.resolve("daemon-console.log");
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
        } catch (IOException e) {
            throw new DesktopException(
                    "cannot start the daemon (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
    }

    public static String howToStart() {
        return "No daemon was found next to this program. Start one in a terminal with \"bulletproof daemon\""
                + " (or \"java -jar bulletproof-daemon.jar daemon\"), then connect again.";
    }

    private static List<String> withDataFolder(List<String> command, Path dataFolder) {
        if (dataFolder != null) {
            command.add("--data-dir");
            command.add(dataFolder.toString());
        }
        return List.copyOf(command);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(isWindows() ? "NUL" : "/dev/null");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
