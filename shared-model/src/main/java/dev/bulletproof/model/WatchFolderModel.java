package dev.bulletproof.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One entry of the config's {@code watch_folders:} list, as the API and the YAML file carry it. A key left
 * out (null) takes the top-level value of the same name, so a list of folders can share one output folder,
 * one stable time or one rule set.
 *
 * @param path the folder watched for new files
 * @param outputFolder where this folder's outputs are published; null means the top-level output_folder
 * @param rules this folder's own rules; null means the shared top-level rules (an empty list means none:
 *     every file gets the default rule)
 * @param processedFolder where on_success: move puts this folder's inputs; null means the top-level one
 * @param enabled false keeps the folder in the file but stops watching it; null means true
 * @param schedule the folder's own {@code schedule:} section as the file writes it (outside, windows);
 *     null means the folder follows the global schedule. Set in the config file only: a client posts it
 *     back as it was shown.
 */
public record WatchFolderModel(
        String path,
        String outputFolder,
        List<RuleModel> rules,
        Boolean recursive,
        Double stableSeconds,
        OnSuccess onSuccess,
        String processedFolder,
        Boolean enabled,
        JsonNode schedule) {

    public WatchFolderModel {
        schedule = schedule == null || schedule.isNull() || schedule.isMissingNode() ? null : schedule;
    }

    public WatchFolderModel withSchedule(JsonNode section) {
        return new WatchFolderModel(
                path, outputFolder, rules, recursive, stableSeconds, onSuccess, processedFolder, enabled, section);
    }

    /** A folder that follows the global schedule. */
    public WatchFolderModel(
            String path,
            String outputFolder,
            List<RuleModel> rules,
            Boolean recursive,
            Double stableSeconds,
            OnSuccess onSuccess,
            String processedFolder,
            Boolean enabled) {
        this(path, outputFolder, rules, recursive, stableSeconds, onSuccess, processedFolder, enabled, null);
    }
}
