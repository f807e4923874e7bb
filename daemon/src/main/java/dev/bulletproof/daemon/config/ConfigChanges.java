package dev.bulletproof.daemon.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Which keys a config change touched, so the daemon re-applies only what changed: rewatch the folder,
 * resize the worker pool, rebuild the rules. Everything applies live except the server's address and
 * auth, which need a restart (rebinding under the clients' feet would drop every connection).
 *
 * @param changedKeys the config file's key names ("monitor_folder", "rules"...), in file order
 */
public record ConfigChanges(List<String> changedKeys) {

    private static final Set<String> WATCH_KEYS = Set.of(
            "monitor_folder",
            "watch_folders",
            "recursive",
            "scan_interval_seconds",
            "output_folder",
            "processed_folder");
    private static final Set<String> RULE_KEYS = Set.of("rules", "on_success", "profiles");

    public ConfigChanges {
        changedKeys = List.copyOf(changedKeys);
    }

    public static ConfigChanges between(DaemonConfig before, DaemonConfig after) {
        List<String> changed = new ArrayList<>();
        compare(changed, "monitor_folder", before, after, DaemonConfig::monitorFolder);
        compare(changed, "watch_folders", before, after, DaemonConfig::watchFolders);
        compare(changed, "output_folder", before, after, DaemonConfig::outputFolder);
        compare(changed, "max_workers", before, after, DaemonConfig::maxWorkers);
        compare(changed, "recursive", before, after, DaemonConfig::recursive);
        compare(changed, "stable_seconds", before, after, DaemonConfig::stableTime);
        compare(changed, "scan_interval_seconds", before, after, DaemonConfig::scanInterval);
        compare(changed, "on_success", before, after, DaemonConfig::onSuccess);
        compare(changed, "processed_folder", before, after, DaemonConfig::processedFolder);
        compare(changed, "max_attempts", before, after, DaemonConfig::maxAttempts);
        compare(changed, "stall_timeout_seconds", before, after, DaemonConfig::stallTimeout);
        compare(changed, "ffmpeg_path", before, after, DaemonConfig::ffmpegPath);
        compare(changed, "server", before, after, DaemonConfig::server);
        compare(changed, "profiles", before, after, DaemonConfig::profiles);
        compare(changed, "rules", before, after, DaemonConfig::rules);
        return new ConfigChanges(changed);
    }

    public boolean isEmpty() {
        return changedKeys.isEmpty();
    }

    /** The folder watcher must be pointed again (folder, recursion, rescan interval or exclusions). */
    public boolean watchChanged() {
        return changedKeys.stream().anyMatch(WATCH_KEYS::contains);
    }

    public boolean stabilityChanged() {
        return changedKeys.contains("stable_seconds");
    }

    public boolean workersChanged() {
        return changedKeys.contains("max_workers");
    }

    /** The rule set must be rebuilt (and files no rule matched deserve one new report). */
    public boolean rulesChanged() {
        return changedKeys.stream().anyMatch(RULE_KEYS::contains) || changedKeys.contains("watch_folders");
    }

    /** Only takes effect after a restart of the daemon. */
    public boolean restartRequired() {
        return changedKeys.contains("server");
    }

    private static void compare(
            List<String> changed,
            String key,
            DaemonConfig before,
            DaemonConfig after,
            Function<DaemonConfig, Object> value) {
        if (!Objects.equals(value.apply(before), value.apply(after))) {
            changed.add(key);
        }
    }
}
