package dev.bulletproof.daemon.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.Json;
import dev.bulletproof.model.ServerSettings;
import dev.bulletproof.model.WatchFolderModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A change of configuration asked for over the API, checked as strictly as the file (the same reader,
 * without the original tool's key names) and with one more rule: nothing the API accepts may make the
 * daemon run another program or listen elsewhere. {@code ffmpeg_path} and {@code server} are changed in
 * the config file only; a request may still carry them, since the clients post back the whole
 * configuration they were shown, as long as the value is the one in the file or the one the daemon runs
 * with (docs/decisions/0008).
 */
final class ConfigRequest {

    private static final ObjectMapper JSON = Json.mapper();
    private static final String FILE_ONLY = "set this in the config file; it cannot be changed over the API";

    private ConfigRequest() {}

    static ConfigModel model(
            ObjectNode body, ConfigModel file, DaemonConfig live, Path baseDir, Set<String> builtInProfiles) {
        ObjectNode merged = ConfigFileUpdate.written(file);
        mergeInto(merged, body);
        ConfigLoader.ParsedConfig parsed = new ConfigLoader().read(merged, ConfigLoader.Origin.REQUEST);
        Map<String, String> problems = new LinkedHashMap<>(parsed.problems());
        ConfigModel requested = parsed.model();
        ConfigModel model = new ConfigModel(
                requested.monitorFolder(),
                requested.outputFolder(),
                requested.maxWorkers(),
                requested.recursive(),
                requested.stableSeconds(),
                requested.scanIntervalSeconds(),
                requested.onSuccess(),
                requested.processedFolder(),
                requested.maxAttempts(),
                requested.stallTimeoutSeconds(),
                ffmpegKept(requested, file, live, baseDir, problems),
                serverKept(requested, file, live, problems),
                requested.profiles(),
                requested.rules(),
                folderSchedulesKept(requested.watchFolders(), file.watchFolders(), baseDir, problems));
        ConfigValidator.problems(model, baseDir, builtInProfiles).forEach(problems::putIfAbsent);
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems);
        }
        return model;
    }

    /** Mappings merge key by key; anything else (a value, a list, null) replaces what was there. */
    private static void mergeInto(ObjectNode target, JsonNode changes) {
        changes.properties().forEach(entry -> {
            JsonNode current = target.get(entry.getKey());
            if (current instanceof ObjectNode currentObject && entry.getValue().isObject()) {
                mergeInto(currentObject, entry.getValue());
            } else {
                target.set(entry.getKey(), entry.getValue());
            }
        });
    }

    /**
     * A folder's schedule is set in the config file only, as the global one is (decisions 0021, 0032): each
     * folder keeps the schedule the file gives the folder of the same path, whether the request carries it
     * (as it was shown) or leaves it out (a client that does not know it). One that differs is refused.
     */
    private static List<WatchFolderModel> folderSchedulesKept(
            List<WatchFolderModel> requested, List<WatchFolderModel> file, Path baseDir, Map<String, String> problems) {
        if (requested == null) {
            return null;
        }
        Map<Path, JsonNode> written = new LinkedHashMap<>();
        if (file != null) {
            file.stream()
                    .filter(folder -> folder != null && folder.schedule() != null)
                    .forEach(folder -> written.putIfAbsent(resolved(folder.path(), baseDir), folder.schedule()));
        }
        List<WatchFolderModel> kept = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            WatchFolderModel folder = requested.get(i);
            if (folder == null) {
                kept.add(null);
                continue;
            }
            JsonNode inFile = written.get(resolved(folder.path(), baseDir));
            JsonNode asked = folder.schedule();
            if (asked != null
                    && (inFile == null
                            || !YamlValues.same(ScheduleSection.meaning(asked), ScheduleSection.meaning(inFile)))) {
                problems.putIfAbsent(
                        "watch_folders[" + i + "]." + ScheduleSection.KEY,
                        "a folder's schedule is set in the config file only; override it for a while with the"
                                + " schedule override");
            }
            kept.add(folder.withSchedule(inFile));
        }
        return kept;
    }

    private static String ffmpegKept(
            ConfigModel requested, ConfigModel file, DaemonConfig live, Path baseDir, Map<String, String> problems) {
        Path asked = resolved(requested.ffmpegPath(), baseDir);
        if (Objects.equals(asked, resolved(file.ffmpegPath(), baseDir)) || Objects.equals(asked, live.ffmpegPath())) {
            return file.ffmpegPath();
        }
        problems.putIfAbsent("ffmpeg_path", FILE_ONLY + " (it chooses the program the daemon runs)");
        return file.ffmpegPath();
    }

    private static Path resolved(String path, Path baseDir) {
        if (path == null || path.isBlank()) {
            return null;
        }
        try {
            return DaemonConfig.resolve(baseDir, path);
        } catch (java.nio.file.InvalidPathException e) {
            return baseDir.resolve("(unusable path)");
        }
    }

    private static ServerSettings serverKept(
            ConfigModel requested, ConfigModel file, DaemonConfig live, Map<String, String> problems) {
        if (problems.keySet().stream().anyMatch(field -> field.equals("server") || field.startsWith("server."))) {
            return file.server();
        }
        ServerSettings asked = DaemonConfig.effectiveServer(requested.server());
        ServerSettings written = DaemonConfig.effectiveServer(file.server());
        if (asked.equals(written) || asked.equals(live.server())) {
            return file.server();
        }
        Map<String, Object> askedFields = JSON.convertValue(asked, Map.class);
        Map<String, Object> writtenFields = JSON.convertValue(written, Map.class);
        askedFields.forEach((key, value) -> {
            if (!Objects.equals(value, writtenFields.get(key))) {
                problems.putIfAbsent(
                        "server." + key, FILE_ONLY + " (it decides where the daemon listens and who may call it)");
            }
        });
        return file.server();
    }
}
