package dev.bulletproof.daemon.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.RuleModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code watch_folders:} as the file gives it, paths made absolute; a null value takes the
 * top-level key of the same name (see {@link DaemonConfig#folders()}). Kept apart from {@link WatchFolder}
 * so that saving writes back what the user wrote: a folder that shared the top-level rules goes on
 * sharing them after a save, instead of getting a copy.
 *
 * @param schedule the folder's own schedule section as written (read with {@link ScheduleSection}); null
 *     when it follows the global schedule
 */
public record WatchFolderSettings(
        Path path,
        Path outputFolder,
        Path processedFolder,
        Boolean recursive,
        Duration stableTime,
        OnSuccess onSuccess,
        List<RuleModel> rules,
        Boolean enabled,
        JsonNode schedule) {

    public WatchFolderSettings {
        Objects.requireNonNull(path, "path");
        rules = rules == null ? null : List.copyOf(rules);
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }
}
