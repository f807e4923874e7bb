package dev.bulletproof.daemon.config;

import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.RuleModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One folder the daemon watches, with every setting in effect: what the folder's entry says, else the
 * top-level value of the same key, else the default. A config written with the single-folder keys has
 * exactly one, made of those keys.
 *
 * @param rules the folder's own rules, or the shared top-level ones when {@code ownRules} is false
 */
public record WatchFolder(
        Path path,
        Path outputFolder,
        Path processedFolder,
        boolean recursive,
        Duration stableTime,
        OnSuccess onSuccess,
        List<RuleModel> rules,
        boolean ownRules,
        boolean enabled) {

    public WatchFolder {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(outputFolder, "outputFolder");
        Objects.requireNonNull(processedFolder, "processedFolder");
        Objects.requireNonNull(stableTime, "stableTime");
        Objects.requireNonNull(onSuccess, "onSuccess");
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The name jobs record as their folder (the folder's absolute path). */
    public String key() {
        return path.toString();
    }
}
