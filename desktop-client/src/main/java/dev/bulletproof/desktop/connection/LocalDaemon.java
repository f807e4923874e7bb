package dev.bulletproof.desktop.connection;

import dev.bulletproof.client.AppDirectories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The per-user folders of a daemon on this machine, by the same conventions the daemon follows (XDG on
 * Linux, Application Support on macOS, APPDATA/LOCALAPPDATA on Windows). The daemon's own class is not
 * used: the desktop client must run without the daemon's jars.
 */
public record LocalDaemon(Path configFolder, Path dataFolder) {

    /** The folders the daemon itself uses for this user (the rules live with the API client). */
    public static LocalDaemon forCurrentUser() {
        return of(AppDirectories.forCurrentUser());
    }

    public static LocalDaemon of(String osName, Map<String, String> env, Path home) {
        return of(AppDirectories.of(osName, env, home));
    }

    private static LocalDaemon of(AppDirectories directories) {
        return new LocalDaemon(directories.configFolder(), directories.dataFolder());
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
}
