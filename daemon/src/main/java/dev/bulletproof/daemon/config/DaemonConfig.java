package dev.bulletproof.daemon.config;

import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.RuleModel;
import dev.bulletproof.model.ServerSettings;
import dev.bulletproof.model.WatchFolderModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration the daemon runs with: typed, with every path absolute (relative ones in the file are
 * taken from the config file's folder, so the daemon behaves the same whatever folder it was started
 * from) and every omitted key replaced by its default. Build it from a validated {@link ConfigModel}.
 *
 * @param ffmpegPath null means "bundled ffmpeg, else the one on PATH"
 * @param profiles custom profiles as the media package reads them (name, extension, ffmpeg arguments...)
 * @param monitorFolder the one watched folder of a single-folder config; with {@code watch_folders} the first
 *     listed folder (or the default when the list is empty), kept for what names "the" folder (the banner)
 * @param watchFolders the {@code watch_folders:} list as written; null when the single-folder keys describe
 *     the one folder. {@link #folders()} is what is watched either way.
 */
public record DaemonConfig(
        Path monitorFolder,
        Path outputFolder,
        Path processedFolder,
        int maxWorkers,
        boolean recursive,
        Duration stableTime,
        Duration scanInterval,
        OnSuccess onSuccess,
        int maxAttempts,
        Duration stallTimeout,
        Path ffmpegPath,
        ServerSettings server,
        List<Map<String, Object>> profiles,
        List<RuleModel> rules,
        List<WatchFolderSettings> watchFolders) {

    public static final String DEFAULT_MONITOR_FOLDER = "./videos/incoming";
    public static final String DEFAULT_OUTPUT_FOLDER = "./videos/output";
    public static final String DEFAULT_PROCESSED_FOLDER = "./videos/processed";
    public static final int DEFAULT_MAX_WORKERS = 2;
    public static final double DEFAULT_STABLE_SECONDS = 2;
    public static final double DEFAULT_SCAN_INTERVAL_SECONDS = 5;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final double DEFAULT_STALL_TIMEOUT_SECONDS = 120;

    public DaemonConfig {
        Objects.requireNonNull(monitorFolder, "monitorFolder");
        Objects.requireNonNull(outputFolder, "outputFolder");
        Objects.requireNonNull(processedFolder, "processedFolder");
        Objects.requireNonNull(onSuccess, "onSuccess");
        Objects.requireNonNull(server, "server");
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        rules = rules == null ? List.of() : List.copyOf(rules);
        watchFolders = watchFolders == null ? null : List.copyOf(watchFolders);
    }

    /** Whether the file lists its folders under {@code watch_folders:} rather than with monitor_folder. */
    public boolean listsFolders() {
        return watchFolders != null;
    }

    /**
     * Every watched folder with its settings in effect, in the file's order, disabled ones included. A key a
     * folder leaves out takes the top-level value: output_folder, processed_folder, recursive,
     * stable_seconds, on_success and rules.
     */
    public List<WatchFolder> folders() {
        if (watchFolders == null) {
            return List.of(new WatchFolder(
                    monitorFolder,
                    outputFolder,
                    processedFolder,
                    recursive,
                    stableTime,
                    onSuccess,
                    rules,
                    false,
                    true));
        }
        return watchFolders.stream()
                .map(f -> new WatchFolder(
                        f.path(),
                        or(f.outputFolder(), outputFolder),
                        or(f.processedFolder(), processedFolder),
                        or(f.recursive(), recursive),
                        or(f.stableTime(), stableTime),
                        or(f.onSuccess(), onSuccess),
                        or(f.rules(), rules),
                        f.rules() != null,
                        f.isEnabled()))
                .toList();
    }

    /** The folders the daemon watches now. */
    public List<WatchFolder> enabledFolders() {
        return folders().stream().filter(WatchFolder::enabled).toList();
    }

    /**
     * The folder a job came from: the one it recorded, else the one holding its input, else the first one
     * (a job recorded before folders were, or added by hand). Used for what on_success does with the input.
     */
    public WatchFolder folderOf(String recorded, Path input) {
        List<WatchFolder> all = folders();
        return all.stream()
                .filter(f -> f.key().equals(recorded))
                .findFirst()
                .or(() -> all.stream()
                        .filter(f -> input != null && input.startsWith(f.path()))
                        .findFirst())
                .orElseGet(() -> new WatchFolder(
                        recorded == null ? monitorFolder : Path.of(recorded),
                        outputFolder,
                        processedFolder,
                        recursive,
                        stableTime,
                        onSuccess,
                        rules,
                        false,
                        false));
    }

    /** Every key at its default, relative folders taken from {@code baseDir}. */
    public static DaemonConfig defaults(Path baseDir) {
        return fromModel(emptyModel(), baseDir);
    }

    /** A model with no key set: what an empty or missing config file means. */
    public static ConfigModel emptyModel() {
        return new ConfigModel(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Fills omitted keys with defaults and resolves paths against {@code baseDir}. Does not validate:
     * run {@link ConfigValidator} first; values it would reject may fail here with an unchecked exception.
     */
    public static DaemonConfig fromModel(ConfigModel model, Path baseDir) {
        List<WatchFolderSettings> folders = model.watchFolders() == null
                ? null
                : model.watchFolders().stream()
                        .map(f -> folderFromModel(f, baseDir))
                        .toList();
        Path monitor = folders == null || folders.isEmpty()
                ? resolve(baseDir, or(model.monitorFolder(), DEFAULT_MONITOR_FOLDER))
                : folders.getFirst().path();
        return new DaemonConfig(
                monitor,
                resolve(baseDir, or(model.outputFolder(), DEFAULT_OUTPUT_FOLDER)),
                resolve(baseDir, or(model.processedFolder(), DEFAULT_PROCESSED_FOLDER)),
                or(model.maxWorkers(), DEFAULT_MAX_WORKERS),
                or(model.recursive(), false),
                seconds(or(model.stableSeconds(), DEFAULT_STABLE_SECONDS)),
                seconds(or(model.scanIntervalSeconds(), DEFAULT_SCAN_INTERVAL_SECONDS)),
                or(model.onSuccess(), OnSuccess.KEEP),
                or(model.maxAttempts(), DEFAULT_MAX_ATTEMPTS),
                seconds(or(model.stallTimeoutSeconds(), DEFAULT_STALL_TIMEOUT_SECONDS)),
                blank(model.ffmpegPath()) ? null : resolve(baseDir, model.ffmpegPath()),
                effectiveServer(model.server()),
                model.profiles(),
                model.rules(),
                folders);
    }

    private static WatchFolderSettings folderFromModel(WatchFolderModel f, Path baseDir) {
        return new WatchFolderSettings(
                resolve(baseDir, f.path()),
                blank(f.outputFolder()) ? null : resolve(baseDir, f.outputFolder()),
                blank(f.processedFolder()) ? null : resolve(baseDir, f.processedFolder()),
                f.recursive(),
                f.stableSeconds() == null ? null : seconds(f.stableSeconds()),
                f.onSuccess(),
                f.rules(),
                f.enabled(),
                f.schedule());
    }

    private static WatchFolderModel folderToModel(WatchFolderSettings f) {
        return new WatchFolderModel(
                f.path().toString(),
                f.outputFolder() == null ? null : f.outputFolder().toString(),
                f.rules(),
                f.recursive(),
                f.stableTime() == null ? null : toSeconds(f.stableTime()),
                f.onSuccess(),
                f.processedFolder() == null ? null : f.processedFolder().toString(),
                f.enabled(),
                f.schedule());
    }

    /**
     * The API/YAML shape, with absolute paths. With {@code watch_folders} there is no monitor_folder: the two
     * shapes are never written together.
     */
    public ConfigModel toModel() {
        return new ConfigModel(
                watchFolders == null ? monitorFolder.toString() : null,
                outputFolder.toString(),
                maxWorkers,
                recursive,
                toSeconds(stableTime),
                toSeconds(scanInterval),
                onSuccess,
                processedFolder.toString(),
                maxAttempts,
                toSeconds(stallTimeout),
                ffmpegPath == null ? null : ffmpegPath.toString(),
                server,
                profiles.stream()
                        .map(p -> (Map<String, Object>) new LinkedHashMap<>(p))
                        .toList(),
                rules,
                watchFolders == null
                        ? null
                        : watchFolders.stream().map(DaemonConfig::folderToModel).toList());
    }

    /**
     * Creates the monitor, output and processed folders when missing, so a first start with the defaults
     * just works. A folder that cannot be created (a file in the way, no permission) is a configuration
     * error naming the field.
     */
    public void createMissingFolders() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (watchFolders == null) {
            create("monitor_folder", monitorFolder, problems);
        }
        // Also the output of jobs added by hand, whatever the shape.
        create("output_folder", outputFolder, problems);
        if (watchFolders == null && usesMove(onSuccess, rules)) {
            create("processed_folder", processedFolder, problems);
        }
        List<WatchFolder> all = folders();
        for (int i = 0; watchFolders != null && i < all.size(); i++) {
            WatchFolder folder = all.get(i);
            if (!folder.enabled()) {
                continue;
            }
            String field = "watch_folders[" + i + "].";
            create(field + "path", folder.path(), problems);
            create(field + "output_folder", folder.outputFolder(), problems);
            if (usesMove(folder.onSuccess(), folder.rules())) {
                create(field + "processed_folder", folder.processedFolder(), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems);
        }
    }

    private static boolean usesMove(OnSuccess onSuccess, List<RuleModel> rules) {
        return onSuccess == OnSuccess.MOVE || rules.stream().anyMatch(r -> r.onSuccess() == OnSuccess.MOVE);
    }

    private static void create(String field, Path folder, Map<String, String> problems) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            problems.put(field, "cannot create folder " + folder + ": " + e);
        }
    }

    /** Resolves {@code value} against {@code baseDir}, expanding a leading "~" to the user's home. */
    static Path resolve(Path baseDir, String value) {
        String trimmed = value.trim();
        if (trimmed.equals("~") || trimmed.startsWith("~/")) {
            trimmed = System.getProperty("user.home") + trimmed.substring(1);
        }
        return baseDir.toAbsolutePath().resolve(trimmed).normalize();
    }

    /** The server settings in effect: each key not given takes its default. */
    static ServerSettings effectiveServer(ServerSettings server) {
        ServerSettings defaults = ServerSettings.defaults();
        if (server == null) {
            return defaults;
        }
        return new ServerSettings(
                blank(server.host()) ? defaults.host() : server.host(),
                server.port() == 0 ? defaults.port() : server.port(),
                blank(server.auth()) ? defaults.auth() : server.auth(),
                server.allowedHosts());
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
    }

    private static double toSeconds(Duration duration) {
        return duration.toNanos() / 1_000_000_000d;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
