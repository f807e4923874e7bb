package dev.bulletproof.daemon.config;

import dev.bulletproof.daemon.BulletproofException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The config file's {@code database:} section: a PostgreSQL database shared by the daemons of a cluster.
 * Without it the daemon keeps its embedded SQLite file in the data folder. The password is never in the
 * config file (which is shown, saved, backed up and copied between machines): the file names a file that
 * holds it, and it is read from there only when the daemon connects.
 *
 * @param url {@code jdbc:postgresql://host[:port]/database}
 * @param passwordFile absolute, resolved against the config file's folder
 */
public record DatabaseSettings(String url, String user, Path passwordFile) {

    static final String KEY = "database";
    static final Set<String> KEYS = Set.of("url", "user", "password_file");
    static final String URL_PREFIX = "jdbc:postgresql://";

    /** The password, the first line of {@link #passwordFile()} without its line break. */
    public String password() {
        try {
            return Files.readString(passwordFile, StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElse("");
        } catch (IOException e) {
            throw new BulletproofException(
                    "cannot read the database password from " + passwordFile + ": " + e.getMessage(), e);
        }
    }

    /** Where the database is, for logs and doctor: the URL and user, never the password. */
    public String where() {
        return url + (user == null ? "" : " as " + user);
    }

    /** Adds the problems of a parsed section whose password file is named relative to {@code baseDir}. */
    static void checkPasswordFile(DatabaseSettings settings, Map<String, String> problems) {
        if (settings == null || settings.passwordFile() == null) {
            return;
        }
        Path file = settings.passwordFile();
        if (!Files.isRegularFile(file)) {
            problems.putIfAbsent("database.password_file", "no such file: " + file);
        } else if (!Files.isReadable(file)) {
            problems.putIfAbsent("database.password_file", "cannot be read by this user: " + file);
        }
    }

    /** The same settings with the password file resolved against the config file's folder. */
    DatabaseSettings resolvedAgainst(Path baseDir) {
        return passwordFile == null
                ? this
                : new DatabaseSettings(url, user, DaemonConfig.resolve(baseDir, passwordFile.toString()));
    }
}
