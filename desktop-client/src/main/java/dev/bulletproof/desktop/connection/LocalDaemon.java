package dev.bulletproof.desktop.connection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The per-user folders of a daemon on this machine, by the same conventions the daemon follows (XDG on
 * Linux, Application Support on macOS, APPDATA/LOCALAPPDATA on Windows). The daemon's own class is not
 * used: the desktop client must run without the daemon's jars.
 */
public record LocalDaemon(Path configFolder, Path dataFolder) {

    public static LocalDaemon forCurrentUser() {
        return of(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public static LocalDaemon of(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = envPath(env, "APPDATA", home.resolve("AppData").resolve("Roaming"));
            Path local = envPath(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"));
            return new LocalDaemon(roaming.resolve("Bulletproof"), local.resolve("Bulletproof"));
        }
        if (os.startsWith("mac")) {
            Path support =
                    home.resolve("Library").resolve("Application Support").resolve("Bulletproof");
            return new LocalDaemon(support, support);
        }
        Path config = envPath(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path data = envPath(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share"));
        return new LocalDaemon(config.resolve("bulletproof"), data.resolve("bulletproof"));
    }

    /** The same folders with the data folder given on the command line, when it was. */
    public LocalDaemon withDataFolder(Path folder) {
        return folder == null ? this : new LocalDaemon(configFolder, folder);
    }

    /** The API token the daemon wrote into its data folder; empty when there is none (yet). */
    public Optional<String> token() {
        Path file = dataFolder.resolve("token");
        try {
            String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Relative XDG values must be ignored, as the daemon does. */
    private static Path envPath(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? path : fallback;
    }
}
