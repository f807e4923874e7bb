package dev.bulletproof.model;

import java.util.List;
import java.util.Map;

/**
 * The daemon's configuration as the API and the YAML file carry it. The seed's shape is
 * {@code {monitor_folder, output_folder, max_workers}}; the other keys are the architecture's.
 *
 * @param profiles custom profiles, each a map of the same fields the built-in profiles have
 * @param watchFolders several watched folders, each with its own output and rules; null when the file
 *     describes its one folder with the single-folder keys (monitor_folder, output_folder...)
 */
public record ConfigModel(
        String monitorFolder,
        String outputFolder,
        Integer maxWorkers,
        Boolean recursive,
        Double stableSeconds,
        Double scanIntervalSeconds,
        OnSuccess onSuccess,
        String processedFolder,
        Integer maxAttempts,
        Double stallTimeoutSeconds,
        String ffmpegPath,
        ServerSettings server,
        List<Map<String, Object>> profiles,
        List<RuleModel> rules,
        List<WatchFolderModel> watchFolders) {

    /** A configuration of one watch folder, described by the single-folder keys. */
    public ConfigModel(
            String monitorFolder,
            String outputFolder,
            Integer maxWorkers,
            Boolean recursive,
            Double stableSeconds,
            Double scanIntervalSeconds,
            OnSuccess onSuccess,
            String processedFolder,
            Integer maxAttempts,
            Double stallTimeoutSeconds,
            String ffmpegPath,
            ServerSettings server,
            List<Map<String, Object>> profiles,
            List<RuleModel> rules) {
        this(
                monitorFolder,
                outputFolder,
                maxWorkers,
                recursive,
                stableSeconds,
                scanIntervalSeconds,
                onSuccess,
                processedFolder,
                maxAttempts,
                stallTimeoutSeconds,
                ffmpegPath,
                server,
                profiles,
                rules,
                null);
    }

    /** The same configuration with another list of watch folders. */
    public ConfigModel withWatchFolders(List<WatchFolderModel> folders) {
        return new ConfigModel(
                monitorFolder,
                outputFolder,
                maxWorkers,
                recursive,
                stableSeconds,
                scanIntervalSeconds,
                onSuccess,
                processedFolder,
                maxAttempts,
                stallTimeoutSeconds,
                ffmpegPath,
                server,
                profiles,
                rules,
                folders);
    }
}
