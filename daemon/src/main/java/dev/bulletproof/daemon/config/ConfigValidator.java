package dev.bulletproof.daemon.config;

import dev.bulletproof.daemon.rules.OutputTemplate;
import dev.bulletproof.daemon.rules.RulePattern;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.PatternType;
import dev.bulletproof.model.RuleModel;
import dev.bulletproof.model.ServerSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
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
        DaemonConfig config = DaemonConfig.fromModel(withSafeNumbers(model), baseDir);
        checkFolders(config, problems);
        checkRange(problems, "max_workers", model.maxWorkers(), 1, MAX_WORKERS_LIMIT);
        checkRange(problems, "max_attempts", model.maxAttempts(), 1, MAX_ATTEMPTS_LIMIT);
        checkPositive(problems, "stable_seconds", model.stableSeconds(), 3600);
        checkPositive(problems, "scan_interval_seconds", model.scanIntervalSeconds(), 3600);
        checkPositive(problems, "stall_timeout_seconds", model.stallTimeoutSeconds(), 86_400);
        checkFfmpeg(config.ffmpegPath(), problems);
        checkServer(model.server(), problems);
        Set<String> knownProfiles = new TreeSet<>(builtInProfiles);
        checkProfiles(model.profiles(), knownProfiles, problems);
        checkRules(model.rules(), knownProfiles, problems);
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

    /** Out-of-range numbers are reported by the range checks; the conversion must not trip over them. */
    private static ConfigModel withSafeNumbers(ConfigModel m) {
        return new ConfigModel(
                m.monitorFolder(),
                m.outputFolder(),
                m.maxWorkers(),
                m.recursive(),
                positiveOrNull(m.stableSeconds()),
                positiveOrNull(m.scanIntervalSeconds()),
                m.onSuccess(),
                m.processedFolder(),
                m.maxAttempts(),
                positiveOrNull(m.stallTimeoutSeconds()),
                m.ffmpegPath(),
                null,
                null,
                null);
    }

    private static Double positiveOrNull(Double value) {
        return value == null || !(value > 0) || value > 1e9 ? null : value;
    }

    private static void checkFolders(DaemonConfig config, Map<String, String> problems) {
        checkFolder("monitor_folder", config.monitorFolder(), problems);
        checkFolder("output_folder", config.outputFolder(), problems);
        checkFolder("processed_folder", config.processedFolder(), problems);
        if (config.outputFolder().startsWith(config.monitorFolder())) {
            problems.putIfAbsent("output_folder", "must not be inside monitor_folder (outputs would be re-ingested)");
        }
        if (config.processedFolder().startsWith(config.monitorFolder())) {
            problems.putIfAbsent(
                    "processed_folder", "must not be inside monitor_folder (moved inputs would be re-ingested)");
        }
    }

    private static void checkFolder(String field, Path folder, Map<String, String> problems) {
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

    private static void checkPositive(Map<String, String> problems, String field, Double value, double max) {
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

    private static void checkProfiles(
            List<Map<String, Object>> profiles, Set<String> knownProfiles, Map<String, String> problems) {
        if (profiles == null) {
            return;
        }
        for (int i = 0; i < profiles.size(); i++) {
            Object name = profiles.get(i) == null ? null : profiles.get(i).get("name");
            if (!(name instanceof String s) || s.isBlank()) {
                problems.put("profiles[" + i + "].name", "required");
            } else {
                knownProfiles.add(s);
            }
        }
    }

    private static void checkRules(List<RuleModel> rules, Set<String> knownProfiles, Map<String, String> problems) {
        if (rules == null) {
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            RuleModel rule = rules.get(i);
            String prefix = "rules[" + i + "].";
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
