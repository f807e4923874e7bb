package dev.bulletproof.model;

import java.util.List;
import java.util.Map;

/**
 * The daemon's configuration as the API and the YAML file carry it. The seed's shape is
 * {@code {monitor_folder, output_folder, max_workers}}; the other keys are the architecture's.
 *
 * @param profiles custom profiles, each a map of the same fields the built-in profiles have
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
        List<RuleModel> rules) {}
