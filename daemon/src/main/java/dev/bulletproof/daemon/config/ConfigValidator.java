package dev.bulletproof.daemon.config;

import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.daemon.media.ProfileDefinitionException;
import dev.bulletproof.daemon.rules.OutputTemplate;
import dev.bulletproof.daemon.rules.RulePattern;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.PatternType;
import dev.bulletproof.model.RuleModel;
import dev.bulletproof.model.ServerSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a {@link ConfigModel} and reports every problem at once, keyed by field, so a user fixing a
 * config file (or the settings form) sees the whole list instead of one error per attempt.
 *
 * <p>Folders: a missing folder is fine when it can be created (the daemon creates it at start), but a
 * file standing where a folder should be, or a missing folder under a parent that is a file, is an error.
 * The output and processed folders must not be inside the monitor folder, or the daemon would pick up
 * its own outputs as new inputs.
 */
public final class ConfigValidator {

    /** DNS labels of letters, digits and inner hyphens, joined by dots. */
    private static final Pattern HOST_NAME =
            Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    static final int MAX_WORKERS_LIMIT = 64;
    static final int MAX_ATTEMPTS_LIMIT = 100;

    private ConfigValidator() {}

    /**
     * All problems of {@code model}, field to message; empty when it is usable.
     *
     * @param baseDir the config file's folder, against which relative paths are taken
     * @param builtInProfiles names of the built-in profiles (the media package owns them); custom profiles
     *     declared in the model are added to these
     */
    public static Map<String, String> problems(ConfigModel model, Path baseDir, Set<String> builtInProfiles) {
        Map<String, String> problems = new LinkedHashMap<>();
        DaemonConfig config = DaemonConfig.fromModel(withSafeValues(model, problems), baseDir);
        Set<String> knownProfiles = new TreeSet<>(builtInProfiles);
        if (model.watchFolders() == null) {
            checkFolders(config, problems);
        } else {
            checkTopLevelFolders(model, config, problems);
        }
        checkRange(problems, "max_workers", model.maxWorkers(), 1, MAX_WORKERS_LIMIT);
        checkRange(problems, "max_attempts", model.maxAttempts(), 1, MAX_ATTEMPTS_LIMIT);
        checkPositive(problems, "stable_seconds", model.stableSeconds(), 3600);
        checkPositive(problems, "scan_interval_seconds", model.scanIntervalSeconds(), 3600);
        checkPositive(problems, "stall_timeout_seconds", model.stallTimeoutSeconds(), 86_400);
        checkFfmpeg(config.ffmpegPath(), problems);
        checkServer(model.server(), problems);
        checkProfiles(model.profiles(), knownProfiles, problems);
        checkRules(model.rules(), "rules", knownProfiles, problems);
        if (model.watchFolders() != null) {
            WatchFolderChecks.check(model, config, baseDir, knownProfiles, problems);
        }
        return problems;
    }

    /** Validates and converts, or throws with every problem found. */
    public static DaemonConfig validated(ConfigModel model, Path baseDir, Set<String> builtInProfiles) {
        Map<String, String> problems = problems(model, baseDir, builtInProfiles);
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems);
        }
        return DaemonConfig.fromModel(model, baseDir);
    }

    /**
     * Out-of-range numbers are reported by the range checks and unusable paths here; the conversion must
     * not trip over either (a NUL byte in a path would otherwise surface as an InvalidPathException).
     */
    private static ConfigModel withSafeValues(ConfigModel m, Map<String, String> problems) {
        return new ConfigModel(
                usablePath("monitor_folder", m.monitorFolder(), problems),
                usablePath("output_folder", m.outputFolder(), problems),
                m.maxWorkers(),
                m.recursive(),
                positiveOrNull(m.stableSeconds()),
                positiveOrNull(m.scanIntervalSeconds()),
                m.onSuccess(),
                usablePath("processed_folder", m.processedFolder(), problems),
                m.maxAttempts(),
                positiveOrNull(m.stallTimeoutSeconds()),
                usablePath("ffmpeg_path", m.ffmpegPath(), problems),
                null,
                null,
                null,
                // The folders are checked one by one (WatchFolderChecks); only the shape is needed here.
                m.watchFolders() == null ? null : List.of());
    }

    /** The path when the file system can name it, else null with a problem (the default is checked instead). */
    static String usablePath(String field, String value, Map<String, String> problems) {
        if (value == null) {
            return null;
        }
        if (value.length() > ConfigLoader.MAX_TEXT_LENGTH) {
            problems.put(field, "is too long (" + value.length() + " characters)");
            return null;
        }
        try {
            Path.of(value.trim());
            return value;
        } catch (InvalidPathException e) {
            problems.put(
                    field,
                    value.indexOf('\u0000') >= 0
                            ? "must not contain a NUL character"
                            : "is not a usable path: " + e.getReason());
            return null;
        }
    }

    private static Double positiveOrNull(Double value) {
        return value == null || !(value > 0) || value > 1e9 ? null : value;
    }

    private static void checkFolders(DaemonConfig config, Map<String, String> problems) {
        checkFolder("monitor_folder", config.monitorFolder(), problems);
        checkFolder("output_folder", config.outputFolder(), problems);
        checkFolder("processed_folder", config.processedFolder(), problems);
        SystemFolders.problem(config.monitorFolder()).ifPresent(p -> problems.putIfAbsent("monitor_folder", p));
        SystemFolders.problem(config.outputFolder()).ifPresent(p -> problems.putIfAbsent("output_folder", p));
        SystemFolders.problem(config.processedFolder()).ifPresent(p -> problems.putIfAbsent("processed_folder", p));
        checkApartFromWatchFolder(
                "output_folder",
                config.outputFolder(),
                config.monitorFolder(),
                "outputs would be re-ingested",
                problems);
        checkApartFromWatchFolder(
                "processed_folder",
                config.processedFolder(),
                config.monitorFolder(),
                "moved inputs would be re-ingested",
                problems);
    }

    /**
     * Inside the watch folder, outputs come back as inputs; a folder that contains the watch folder is worse:
     * the watcher skips everything under the output folders, so every watched file would be ignored and
     * intake would stop without a word. Compared as written and with symbolic links resolved.
     */
    private static void checkApartFromWatchFolder(
            String field, Path folder, Path monitor, String inside, Map<String, String> problems) {
        checkApartFromWatchFolder(field, folder, "monitor_folder", monitor, inside, problems);
    }

    /** @param watchedField how the message names the watched folder ("monitor_folder", "watch_folders[1].path") */
    static void checkApartFromWatchFolder(
            String field, Path folder, String watchedField, Path monitor, String inside, Map<String, String> problems) {
        Path real = SystemFolders.canonical(folder);
        Path realMonitor = SystemFolders.canonical(monitor);
        if (folder.startsWith(monitor) || real.startsWith(realMonitor)) {
            problems.putIfAbsent(field, "must not be inside " + watchedField + " (" + inside + ")");
        } else if (monitor.startsWith(folder) || realMonitor.startsWith(real)) {
            problems.putIfAbsent(
                    field,
                    "must not contain " + watchedField + " (" + monitor
                            + "): files under it would be skipped as outputs and nothing would be picked up");
        }
    }

    /**
     * With watch_folders, the top-level output folder is where jobs added by hand go and what folders that
     * set none share; the processed folder likewise. Whether they sit apart from the watched folders is
     * checked with the folders (WatchFolderChecks).
     */
    private static void checkTopLevelFolders(ConfigModel model, DaemonConfig config, Map<String, String> problems) {
        checkFolder("output_folder", config.outputFolder(), problems);
        SystemFolders.problem(config.outputFolder()).ifPresent(p -> problems.putIfAbsent("output_folder", p));
        if (model.processedFolder() != null) {
            checkFolder("processed_folder", config.processedFolder(), problems);
            SystemFolders.problem(config.processedFolder()).ifPresent(p -> problems.putIfAbsent("processed_folder", p));
        }
    }

    static void checkFolder(String field, Path folder, Map<String, String> problems) {
        if (Files.exists(folder)) {
            if (!Files.isDirectory(folder)) {
                problems.put(field, "is a file, not a folder: " + folder);
            }
            return;
        }
        Path ancestor = folder.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor) || !Files.isWritable(ancestor)) {
            problems.put(field, "folder does not exist and cannot be created: " + folder);
        }
    }

    private static void checkRange(Map<String, String> problems, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            problems.put(field, "must be between " + min + " and " + max);
        }
    }

    static void checkPositive(Map<String, String> problems, String field, Double value, double max) {
        if (value != null && !(value > 0 && value <= max)) {
            problems.put(field, "must be greater than 0 and at most " + (long) max);
        }
    }

    private static void checkFfmpeg(Path ffmpeg, Map<String, String> problems) {
        if (ffmpeg != null && !(Files.isRegularFile(ffmpeg) && Files.isExecutable(ffmpeg))) {
            problems.put("ffmpeg_path", "not an executable file: " + ffmpeg);
        }
    }

    private static void checkServer(ServerSettings server, Map<String, String> problems) {
        if (server == null) {
            return;
        }
        if (server.port() < 0 || server.port() > 65_535) {
            problems.put("server.port", "must be between 1 and 65535");
        }
        String auth = server.auth() == null ? "token" : server.auth();
        if (!auth.equals("token") && !auth.equals("none")) {
            problems.put("server.auth", "must be 'token' or 'none'");
        }
        if (server.host() != null && server.host().isBlank()) {
            problems.put("server.host", "must not be empty");
        } else if (auth.equals("none") && server.host() != null && !isLoopback(server.host())) {
            problems.put("server.auth", "'none' is only allowed on a loopback host (127.0.0.1, ::1, localhost)");
        }
        for (String name : server.allowedHosts()) {
            if (name == null || !HOST_NAME.matcher(name.strip()).matches()) {
                problems.put(
                        "server.allowed_hosts",
                        "'" + name + "' is not a host name; give names only, without scheme, port or wildcard"
                                + " (for example ingest.local)");
                break;
            }
        }
    }

    /** Decided by the literal name/address, without DNS: "0.0.0.0" or a LAN name are never loopback. */
    private static boolean isLoopback(String host) {
        String h = host.trim();
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(h.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Names first (rules refer to them), then the definitions themselves through the media package, so a
     * bad codec or bitrate is reported in the same round as the rest of the file.
     */
    private static void checkProfiles(
            List<Map<String, Object>> profiles, Set<String> knownProfiles, Map<String, String> problems) {
        if (profiles == null) {
            return;
        }
        List<Map<String, Object>> definitions = new java.util.ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            Map<String, Object> profile = profiles.get(i);
            if (profile == null) {
                problems.put("profiles[" + i + "]", "must be a mapping with a name, an extension and codecs");
                continue;
            }
            Object name = profile.get("name");
            if (!(name instanceof String s) || s.isBlank()) {
                problems.put("profiles[" + i + "].name", "required");
            } else {
                knownProfiles.add(s);
            }
            Map<String, Object> known = new LinkedHashMap<>();
            String where = "profiles[" + i + "]";
            profile.forEach((key, value) -> {
                if (ProfileCatalog.customProfileKeys().contains(key)) {
                    known.put(key, value);
                } else {
                    problems.putIfAbsent(
                            where + "." + key,
                            ConfigLoader.unknownKey(key, where, ProfileCatalog.customProfileKeys(), null));
                }
            });
            definitions.add(known);
        }
        try {
            ProfileCatalog.builtins().withCustom(definitions);
        } catch (ProfileDefinitionException e) {
            problems.putIfAbsent("profiles", String.join("; ", e.problems()));
        }
    }

    /** @param field "rules", or "watch_folders[1].rules" for a folder's own rules */
    static void checkRules(
            List<RuleModel> rules, String field, Set<String> knownProfiles, Map<String, String> problems) {
        if (rules == null) {
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            RuleModel rule = rules.get(i);
            String prefix = field + "[" + i + "].";
            if (rule == null) {
                problems.putIfAbsent(field + "[" + i + "]", "must be a mapping with pattern and profile");
                continue;
            }
            if (rule.pattern() == null || rule.pattern().isBlank()) {
                problems.put(prefix + "pattern", "required");
            } else {
                PatternType type = rule.patternType() == null ? PatternType.GLOB : rule.patternType();
                RulePattern.problem(rule.pattern(), type).ifPresent(p -> problems.put(prefix + "pattern", p));
            }
            if (rule.profile() == null || rule.profile().isBlank()) {
                problems.put(prefix + "profile", "required; known: " + String.join(", ", knownProfiles));
            } else if (!knownProfiles.contains(rule.profile())) {
                problems.put(
                        prefix + "profile",
                        "unknown profile '" + rule.profile() + "'; known: " + String.join(", ", knownProfiles));
            }
            if (rule.outputPattern() != null) {
                OutputTemplate.problem(rule.outputPattern()).ifPresent(p -> problems.put(prefix + "output_pattern", p));
            }
        }
    }
}
