package dev.bulletproof.daemon.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.Json;
import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.ServerSettings;
import dev.bulletproof.model.WatchFolderModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns "the file says {@code before}, it must now say {@code after}" into an edit of the file's text that
 * touches only the keys whose meaning changed (docs/decisions/0009). Meaning, not spelling: {@code ./in}
 * and the same folder written absolute are the same value, so is {@code 2} and {@code 2.0}; such a key is
 * left as the user wrote it.
 */
final class ConfigFileUpdate {

    private static final ObjectMapper JSON = Json.mapper();
    private static final List<String> KEYS = ConfigLoader.KEYS_IN_ORDER;
    private static final Map<String, List<String>> ALIASES = Map.of(
            "monitor_folder", List.of("watch_directory"),
            "output_folder", List.of("output_directory"),
            "scan_interval_seconds", List.of("poll_interval"),
            "on_success", List.of("delete_input"));
    private static final Set<String> PATH_KEYS =
            Set.of("monitor_folder", "output_folder", "processed_folder", "ffmpeg_path");

    /**
     * A key set back to its default is written with the default value rather than removed, so the comment
     * above it stays and the file shows what is in effect.
     */
    private static final ObjectNode DEFAULTS_AS_WRITTEN = written(new ConfigModel(
            DaemonConfig.DEFAULT_MONITOR_FOLDER,
            DaemonConfig.DEFAULT_OUTPUT_FOLDER,
            DaemonConfig.DEFAULT_MAX_WORKERS,
            false,
            DaemonConfig.DEFAULT_STABLE_SECONDS,
            DaemonConfig.DEFAULT_SCAN_INTERVAL_SECONDS,
            OnSuccess.KEEP,
            DaemonConfig.DEFAULT_PROCESSED_FOLDER,
            DaemonConfig.DEFAULT_MAX_ATTEMPTS,
            DaemonConfig.DEFAULT_STALL_TIMEOUT_SECONDS,
            null,
            ServerSettings.defaults(),
            List.of(),
            List.of(),
            null));

    /** Keys of a watch_folders entry that name folders (written relative when the file had them so). */
    private static final Set<String> FOLDER_PATH_KEYS = Set.of("path", "output_folder", "processed_folder");

    private ConfigFileUpdate() {}

    /**
     * @param before what {@code text} says (as the loader read it)
     * @param after the validated configuration to write
     */
    static String apply(String text, ConfigModel before, ConfigModel after, Path baseDir) {
        ObjectNode meantBefore = meaning(before, baseDir);
        ObjectNode meantAfter = meaning(after, baseDir);
        ObjectNode writtenBefore = written(before);
        ObjectNode writtenAfter = written(after);
        leaveDefaultPatternTypesOut(writtenBefore, writtenAfter);
        keepUnchangedFolderKeysAsWritten(writtenBefore, writtenAfter, meantBefore, meantAfter, baseDir);
        YamlTextEdit edit = new YamlTextEdit(text);
        for (String key : KEYS) {
            if (YamlValues.same(meantBefore.get(key), meantAfter.get(key))) {
                continue;
            }
            JsonNode value = writtenAfter.get(key);
            if (removedWithTheShape(key, after)) {
                // The two shapes are never written together (decision 0022): the list replaces the single
                // folder's key, and going back to one folder drops the list.
                edit.remove(key, ALIASES.getOrDefault(key, List.of()));
                continue;
            }
            if (value == null || value.isNull()) {
                value = DEFAULTS_AS_WRITTEN.get(key);
            } else if (PATH_KEYS.contains(key)) {
                value = JSON.getNodeFactory()
                        .textNode(
                                portable(value.asText(), writtenBefore.path(key).asText(null), baseDir));
            }
            edit.set(
                    key,
                    ALIASES.getOrDefault(key, List.of()),
                    key.equals("on_success") ? "delete_input" : null,
                    writtenBefore.get(key),
                    value);
        }
        return edit.result();
    }

    private static boolean removedWithTheShape(String key, ConfigModel after) {
        return switch (key) {
            case "watch_folders" -> after.watchFolders() == null;
            case "monitor_folder" -> after.watchFolders() != null && after.monitorFolder() == null;
            default -> false;
        };
    }

    /**
     * Clients post back the folders they were shown, with paths made absolute and defaults filled in; an
     * entry key that still means what the file says keeps the file's spelling, so saving one folder's
     * change does not rewrite the others. A changed folder path is written relative when the file had it so.
     */
    private static void keepUnchangedFolderKeysAsWritten(
            ObjectNode writtenBefore,
            ObjectNode writtenAfter,
            ObjectNode meantBefore,
            ObjectNode meantAfter,
            Path baseDir) {
        JsonNode oldItems = writtenBefore.path("watch_folders");
        JsonNode newItems = writtenAfter.path("watch_folders");
        for (int i = 0; i < Math.min(oldItems.size(), newItems.size()); i++) {
            if (!(newItems.get(i) instanceof ObjectNode item)
                    || !oldItems.get(i).isObject()) {
                continue;
            }
            JsonNode old = oldItems.get(i);
            JsonNode oldMeaning = meantBefore.path("watch_folders").path(i);
            JsonNode newMeaning = meantAfter.path("watch_folders").path(i);
            for (String key : ConfigLoader.WATCH_FOLDER_KEYS) {
                if (YamlValues.same(oldMeaning.path(key), newMeaning.path(key))) {
                    item.set(key, old.path(key).isMissingNode() ? null : old.get(key));
                } else if (FOLDER_PATH_KEYS.contains(key) && item.path(key).isTextual()) {
                    item.put(key, portable(item.get(key).asText(), old.path(key).asText(null), baseDir));
                }
            }
            if (item.get("rules") != null
                    && item.get("rules").isArray()
                    && old.path("rules").isArray()) {
                leaveDefaultPatternTypesOut((ObjectNode) old, item);
            }
        }
        // A folder new to the file is written like a key new to the file: relative when inside its folder.
        for (int i = oldItems.size(); i < newItems.size(); i++) {
            if (newItems.get(i) instanceof ObjectNode item) {
                for (String key : FOLDER_PATH_KEYS) {
                    if (item.path(key).isTextual()) {
                        item.put(key, portable(item.get(key).asText(), null, baseDir));
                    }
                }
            }
        }
    }

    /**
     * A folder given absolute but inside the config file's folder is written relative when the file had it
     * relative, so a show folder that carries its config can still be moved as a whole.
     */
    private static String portable(String value, String before, Path baseDir) {
        Path path = Path.of(value);
        boolean wasRelative = before == null || !Path.of(before).isAbsolute();
        if (!path.isAbsolute() || !wasRelative) {
            return value;
        }
        Path normal = path.normalize();
        if (!normal.startsWith(baseDir) || normal.equals(baseDir)) {
            return value;
        }
        return "./" + baseDir.relativize(normal).toString().replace('\\', '/');
    }

    /** Whether two configurations mean the same, whatever the spelling (see {@link #meaning}). */
    static boolean sameMeaning(ConfigModel a, ConfigModel b, Path baseDir) {
        return YamlValues.same(meaning(a, baseDir), meaning(b, baseDir));
    }

    /**
     * The desktop client fills in {@code pattern_type: glob} for a rule that had none; that is the default
     * and not a change, so the file's rule stays without it.
     */
    private static void leaveDefaultPatternTypesOut(ObjectNode before, ObjectNode after) {
        JsonNode oldRules = before.path("rules");
        JsonNode newRules = after.path("rules");
        for (int i = 0; i < Math.min(oldRules.size(), newRules.size()); i++) {
            if (newRules.get(i) instanceof ObjectNode rule
                    && oldRules.get(i).path("pattern_type").isNull()
                    && rule.path("pattern_type").asText("").equals("glob")) {
                rule.putNull("pattern_type");
            }
        }
    }

    /** The configuration each key stands for: defaults filled in, paths resolved, durations in seconds. */
    private static ObjectNode meaning(ConfigModel m, Path baseDir) {
        DaemonConfig scalars = DaemonConfig.fromModel(
                new ConfigModel(
                        m.monitorFolder(),
                        m.outputFolder(),
                        m.maxWorkers(),
                        m.recursive(),
                        m.stableSeconds(),
                        m.scanIntervalSeconds(),
                        m.onSuccess(),
                        m.processedFolder(),
                        m.maxAttempts(),
                        m.stallTimeoutSeconds(),
                        m.ffmpegPath(),
                        m.server(),
                        null,
                        null,
                        null),
                baseDir);
        ObjectNode tree = written(scalars.toModel());
        if (m.watchFolders() != null) {
            tree.remove("monitor_folder");
            tree.set("watch_folders", foldersMeaning(m.watchFolders(), baseDir));
        }
        tree.set("profiles", JSON.valueToTree(m.profiles() == null ? List.of() : m.profiles()));
        JsonNode rules = JSON.valueToTree(m.rules() == null ? List.of() : m.rules());
        rules.forEach(rule -> {
            if (rule instanceof ObjectNode r && r.path("pattern_type").isNull()) {
                r.put("pattern_type", "glob");
            }
        });
        tree.set("rules", rules);
        return tree;
    }

    /**
     * Each folder's keys as they mean: folders resolved, enabled filled in, rules with their default pattern
     * type. A key left out stays null, since it means "the top-level value" and goes on following it.
     */
    private static JsonNode foldersMeaning(List<WatchFolderModel> folders, Path baseDir) {
        var list = JSON.createArrayNode();
        for (WatchFolderModel folder : folders) {
            if (folder == null) {
                list.addNull();
                continue;
            }
            ObjectNode item = JSON.valueToTree(folder);
            for (String key : FOLDER_PATH_KEYS) {
                if (item.path(key).isTextual()) {
                    item.put(key, resolvedText(item.get(key).asText(), baseDir));
                }
            }
            if (item.path("enabled").isNull()) {
                item.put("enabled", true);
            }
            if (!item.path(ScheduleSection.KEY).isNull()) {
                item.set(ScheduleSection.KEY, ScheduleSection.meaning(item.get(ScheduleSection.KEY)));
            }
            item.path("rules").forEach(rule -> {
                if (rule instanceof ObjectNode r && r.path("pattern_type").isNull()) {
                    r.put("pattern_type", "glob");
                }
            });
            list.add(item);
        }
        return list;
    }

    private static String resolvedText(String value, Path baseDir) {
        try {
            return DaemonConfig.resolve(baseDir, value).toString();
        } catch (java.nio.file.InvalidPathException e) {
            return value;
        }
    }

    /** The model as the file's keys; an unset port (0) is not a value to write. */
    static ObjectNode written(ConfigModel model) {
        ObjectNode tree = JSON.valueToTree(model);
        if (tree.get("server") instanceof ObjectNode server
                && server.path("port").asInt() == 0) {
            server.putNull("port");
        }
        return tree;
    }
}
