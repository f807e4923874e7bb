package dev.bulletproof.daemon.config;

import dev.bulletproof.daemon.BulletproofException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The config file's {@code database:} section: a PostgreSQL database shared by the daemons of a cluster.
 * Without it the daemon keeps its embedded SQLite file in the data folder. The password is never in the
 * config file (which is shown, saved, backed up and copied between machines): the file names a file that
 * holds it, and it is read from there only when the daemon connects.
 *
 * <p>The section also holds what this daemon is as a node of the cluster (decision 0019): they matter only
 * when nodes share a database, and like the rest of the section they are read at start only.
 *
 * @param url {@code jdbc:postgresql://host[:port]/database}
 * @param passwordFile absolute, resolved against the config file's folder
 * @param nodeName how this node is shown; null for the machine's host name
 * @param heartbeat how often the node writes that it is alive
 * @param nodeTimeout how long without a heartbeat before the node is taken for dead and its jobs rescued
 * @param pathMap {@code path_map:}, each cluster-wide (canonical) folder prefix and where this node mounts it
 *     (decision 0030); empty when every node sees the shared folders at the same paths
 */
public record DatabaseSettings(
        String url,
        String user,
        Path passwordFile,
        String nodeName,
        Duration heartbeat,
        Duration nodeTimeout,
        Map<String, String> pathMap) {

    static final String KEY = "database";
    static final Set<String> KEYS = Set.of(
            "url", "user", "password_file", "node_name", "heartbeat_seconds", "node_timeout_seconds", "path_map");
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_NODE_TIMEOUT = Duration.ofSeconds(20);

    public DatabaseSettings {
        heartbeat = heartbeat == null ? DEFAULT_HEARTBEAT : heartbeat;
        nodeTimeout = nodeTimeout == null ? DEFAULT_NODE_TIMEOUT : nodeTimeout;
        pathMap = pathMap == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pathMap));
    }

    public DatabaseSettings(
            String url, String user, Path passwordFile, String nodeName, Duration heartbeat, Duration nodeTimeout) {
        this(url, user, passwordFile, nodeName, heartbeat, nodeTimeout, Map.of());
    }

    public DatabaseSettings(String url, String user, Path passwordFile) {
        this(url, user, passwordFile, null, null, null);
    }

    /**
     * Adds the problems of a {@code path_map:} (canonical prefix to this node's mount): both sides absolute,
     * and no prefix equal to or inside another on the same side, so each path has exactly one translation
     * each way (decision 0030).
     */
    static void checkPathMap(Map<String, String> map, Map<String, String> problems) {
        String field = KEY + ".path_map";
        java.util.List<Path> canonicals = new java.util.ArrayList<>();
        java.util.List<Path> locals = new java.util.ArrayList<>();
        for (Map.Entry<String, String> entry : map.entrySet()) {
            String where = field + "." + entry.getKey();
            Path canonical = absolute(entry.getKey());
            Path local = absolute(entry.getValue());
            if (canonical == null) {
                problems.putIfAbsent(
                        where, "the cluster-wide prefix must be an absolute path (got '" + entry.getKey() + "')");
                continue;
            }
            if (local == null) {
                problems.putIfAbsent(
                        where, "this node's mount must be an absolute path (got '" + entry.getValue() + "')");
                continue;
            }
            overlap(canonicals, canonical, "cluster-wide prefix", where, problems);
            overlap(locals, local, "mount", where, problems);
            canonicals.add(canonical);
            locals.add(local);
        }
    }

    private static void overlap(
            java.util.List<Path> seen, Path path, String what, String where, Map<String, String> problems) {
        for (Path other : seen) {
            if (other.equals(path)) {
                problems.putIfAbsent(where, "the " + what + " " + path + " is named twice");
            } else if (path.startsWith(other) || other.startsWith(path)) {
                problems.putIfAbsent(
                        where,
                        "the " + what + " " + path + " overlaps " + other
                                + "; a path must translate one way only, so map folders that do not contain each other");
            }
        }
    }

    private static Path absolute(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Path path = Path.of(text).normalize();
            return path.isAbsolute() ? path : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

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
                : new DatabaseSettings(
                        url,
                        user,
                        DaemonConfig.resolve(baseDir, passwordFile.toString()),
                        nodeName,
                        heartbeat,
                        nodeTimeout,
                        pathMap);
    }
}
