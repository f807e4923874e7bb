package dev.bulletproof.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the config file and the data folder (database, token, job logs) live when the command line does
 * not say, following each OS's convention for per-user files:
 *
 * <ul>
 *   <li>Linux and other Unix: $XDG_CONFIG_HOME/bulletproof (else ~/.config/bulletproof) and
 *       $XDG_DATA_HOME/bulletproof (else ~/.local/share/bulletproof).
 *   <li>macOS: ~/Library/Application Support/Bulletproof for both.
 *   <li>Windows: %APPDATA%\Bulletproof for the config, %LOCALAPPDATA%\Bulletproof for data (the database and
 *       logs are machine-specific and should not roam).
 * </ul>
 */
public record AppDirectories(Path configFolder, Path dataFolder) {

    public static final String CONFIG_FILE_NAME = "bulletproof.yaml";

    /** The folders for the user running this JVM. */
    public static AppDirectories forCurrentUser() {
        return of(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The folders for the given OS name (as in "os.name"), environment and home folder. */
    public static AppDirectories of(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = envPath(env, "APPDATA", home.resolve("AppData").resolve("Roaming"));
            Path local = envPath(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"));
            return new AppDirectories(roaming.resolve("Bulletproof"), local.resolve("Bulletproof"));
        }
        if (os.startsWith("mac")) {
            Path support =
                    home.resolve("Library").resolve("Application Support").resolve("Bulletproof");
            return new AppDirectories(support, support);
        }
        Path config = envPath(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path data = envPath(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share"));
        return new AppDirectories(config.resolve("bulletproof"), data.resolve("bulletproof"));
    }

    /**
     * The config file to use: {@code --config} when given, else ./bulletproof.yaml when it exists in the
     * working folder, else the per-user one (which need not exist yet: defaults apply and the first save
     * creates it).
     *
     * @param fromCommandLine null when --config was not given
     */
    public Path configFile(Path fromCommandLine, Path workingFolder) {
        if (fromCommandLine != null) {
            return fromCommandLine.toAbsolutePath().normalize();
        }
        Path local = workingFolder.resolve(CONFIG_FILE_NAME);
        if (Files.isRegularFile(local)) {
            return local.toAbsolutePath().normalize();
        }
        return configFolder.resolve(CONFIG_FILE_NAME);
    }

    /**
     * The data folder to use: {@code --data-dir} when given, else the per-user one.
     *
     * @param fromCommandLine null when --data-dir was not given
     */
    public Path dataFolder(Path fromCommandLine) {
        return fromCommandLine != null ? fromCommandLine.toAbsolutePath().normalize() : dataFolder;
    }

    /**
     * XDG says relative values must be ignored, so a stray relative setting never scatters files into
     * whatever folder the daemon was started from.
     */
    private static Path envPath(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? path : fallback;
    }
}
