package dev.bulletproof.daemon.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bulletproof.daemon.Spelling;
import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.daemon.schedule.Schedule;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.PatternType;
import dev.bulletproof.model.RuleModel;
import dev.bulletproof.model.ServerSettings;
import dev.bulletproof.model.WatchFolderModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the YAML config file into a {@link ConfigModel}. Accepts the original Python tool's keys
 * (watch_directory, output_directory, poll_interval, delete_input) so its users can keep their files, and
 * rejects every unknown key by name: a typo such as {@code max_worker} silently falling back to a default
 * is exactly the kind of surprise a show day cannot afford.
 *
 * <p>The old tool's persist_path (its JSON queue file), log_level and log_file are accepted and ignored
 * with a note: the queue now lives in the SQLite database in the data folder, and logging is set on the
 * command line (so a config file shared between machines does not decide where logs go).
 */
public final class ConfigLoader {

    /** The top-level keys in the order the example config and a saved file list them. */
    static final List<String> KEYS_IN_ORDER = List.of(
            "monitor_folder",
            "watch_folders",
            "output_folder",
            "max_workers",
            "recursive",
            "stable_seconds",
            "scan_interval_seconds",
            "on_success",
            "processed_folder",
            "max_attempts",
            "stall_timeout_seconds",
            "ffmpeg_path",
            "server",
            "profiles",
            "rules");

    private static final Set<String> TOP_LEVEL_KEYS = Set.copyOf(KEYS_IN_ORDER);
    private static final Map<String, String> ALIASES = Map.of(
            "watch_directory", "monitor_folder",
            "output_directory", "output_folder",
            "poll_interval", "scan_interval_seconds");
    private static final Map<String, String> IGNORED_KEYS = Map.of(
            "persist_path", "the job queue is kept in the SQLite database in the data folder",
            "log_level", "logging is configured on the command line",
            "log_file", "logging is configured on the command line");
    private static final Set<String> SERVER_KEYS = Set.of("host", "port", "auth", "allowed_hosts");
    private static final Set<String> RULE_KEYS =
            Set.of("pattern", "pattern_type", "profile", "output_pattern", "priority", "on_success");
    private static final Set<String> FILE_RULE_KEYS =
            Set.of("pattern", "pattern_type", "profile", "output_pattern", "priority", "on_success", "delete_input");

    /** An entry of watch_folders: the single-folder keys a folder may set for itself, plus path and enabled. */
    static final Set<String> WATCH_FOLDER_KEYS = Set.of(
            "path",
            "output_folder",
            "rules",
            "recursive",
            "stable_seconds",
            "on_success",
            "processed_folder",
            "enabled",
            ScheduleSection.KEY);

    private final ObjectMapper yaml = YAMLMapper.builder().build();

    /** Longer text than this in any value is refused: no path, pattern or name needs it (PATH_MAX is 4096). */
    static final int MAX_TEXT_LENGTH = 4096;

    /**
     * Where a configuration comes from. The config file may use the original tool's key names and keys
     * that are ignored with a note; a request to the API speaks only the current names.
     */
    public enum Origin {
        FILE,
        REQUEST
    }

    /**
     * What a config file said, plus notes about keys that were accepted but have no effect.
     *
     * @param model every well-formed value; a key with a problem is left out (null), so the value checks
     *     can still run on the rest and report in the same round
     * @param notes human sentences, one per ignored key
     * @param problems field to message for unknown keys, alias clashes and badly typed values
     * @param database the file's {@code database:} section, password file not yet resolved; null when it has
     *     none (the embedded SQLite database) or when the section has a problem
     * @param schedule the file's {@code schedule:} section; null when it has none (always open) or when the
     *     section has a problem
     */
    public record ParsedConfig(
            ConfigModel model,
            List<String> notes,
            Map<String, String> problems,
            DatabaseSettings database,
            Schedule schedule) {
        public ParsedConfig {
            notes = List.copyOf(notes);
            problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
        }

        public ParsedConfig(
                ConfigModel model, List<String> notes, Map<String, String> problems, DatabaseSettings database) {
            this(model, notes, problems, database, null);
        }

        public ParsedConfig(ConfigModel model, List<String> notes, Map<String, String> problems) {
            this(model, notes, problems, null);
        }
    }

    /**
     * Parses YAML text. An empty document means "all defaults".
     *
     * @throws ConfigValidationException listing every unknown key, alias clash and badly typed value
     */
    public ParsedConfig parse(String yamlText) {
        ParsedConfig parsed = read(yamlText);
        if (!parsed.problems().isEmpty()) {
            throw new ConfigValidationException(parsed.problems());
        }
        return parsed;
    }

    /** Like {@link #parse(String)}, but returns the problems instead of throwing them. */
    public ParsedConfig read(String yamlText) {
        JsonNode root;
        try {
            root = yaml.readTree(yamlText);
        } catch (JsonProcessingException e) {
            return unusable("not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ParsedConfig(DaemonConfig.emptyModel(), List.of(), Map.of());
        }
        if (!root.isObject()) {
            return unusable("must be a mapping of keys to values");
        }
        return new Reader(Origin.FILE).read((ObjectNode) root);
    }

    /** Reads an already parsed tree (a request body merged over the file's values); never throws. */
    public ParsedConfig read(ObjectNode root, Origin origin) {
        return new Reader(origin).read(root);
    }

    private static ParsedConfig unusable(String why) {
        return new ParsedConfig(DaemonConfig.emptyModel(), List.of(), Map.of("(file)", why));
    }

    /** One parse: collects problems and notes, so all of them are reported together. */
    private final class Reader {
        private final Origin origin;
        private final Map<String, String> problems = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();
        private DatabaseSettings database;
        private Schedule schedule;
        /** How the file named the single watched folder (monitor_folder or watch_directory), if it did. */
        private String singleFolderKey;

        Reader(Origin origin) {
            this.origin = origin;
        }

        ParsedConfig read(ObjectNode root) {
            ObjectNode config = normalizeTopLevel(root);
            ConfigModel model = new ConfigModel(
                    value(config, "monitor_folder", String.class),
                    value(config, "output_folder", String.class),
                    value(config, "max_workers", Integer.class),
                    value(config, "recursive", Boolean.class),
                    value(config, "stable_seconds", Double.class),
                    value(config, "scan_interval_seconds", Double.class),
                    value(config, "on_success", OnSuccess.class),
                    value(config, "processed_folder", String.class),
                    value(config, "max_attempts", Integer.class),
                    value(config, "stall_timeout_seconds", Double.class),
                    value(config, "ffmpeg_path", String.class),
                    server(config.get("server")),
                    profiles(config.get("profiles")),
                    rules(config.get("rules"), "rules"),
                    watchFolders(config.get("watch_folders")));
            return new ParsedConfig(model, notes, problems, database, schedule);
        }

        /**
         * The list of watched folders. It replaces monitor_folder rather than adding to it: a file that gives
         * both would leave the reader guessing whether the single folder is one more in the list.
         */
        private List<WatchFolderModel> watchFolders(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (singleFolderKey != null) {
                problems.put(
                        singleFolderKey,
                        "watch_folders lists the watched folders, so '" + singleFolderKey + "' cannot be set too;"
                                + " move this folder into watch_folders as its path");
            }
            if (!node.isArray()) {
                problems.put("watch_folders", "must be a list of folders, each a mapping with a path");
                return null;
            }
            List<WatchFolderModel> folders = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String where = "watch_folders[" + i + "]";
                JsonNode item = node.get(i);
                if (!item.isObject()) {
                    // Kept as null so indexes stay those of the file; the validator reports nothing more for it.
                    problems.put(where, "must be a mapping with a path (and output_folder, rules...)");
                    folders.add(null);
                    continue;
                }
                rejectUnknown((ObjectNode) item, WATCH_FOLDER_KEYS, where);
                String field = where + ".";
                folders.add(new WatchFolderModel(
                        value(item, "path", String.class, field + "path"),
                        value(item, "output_folder", String.class, field + "output_folder"),
                        rules(item.get("rules"), field + "rules"),
                        value(item, "recursive", Boolean.class, field + "recursive"),
                        value(item, "stable_seconds", Double.class, field + "stable_seconds"),
                        value(item, "on_success", OnSuccess.class, field + "on_success"),
                        value(item, "processed_folder", String.class, field + "processed_folder"),
                        value(item, "enabled", Boolean.class, field + "enabled"),
                        folderSchedule(item.get(ScheduleSection.KEY), field + ScheduleSection.KEY)));
            }
            return folders;
        }

        /**
         * A folder's own schedule, checked as the global one is and kept as written, so that saving the
         * list writes it back unchanged. That it is the file's own when a request carries it is checked by
         * {@link ConfigRequest}, which knows the file (decision 0032).
         */
        private JsonNode folderSchedule(JsonNode node, String field) {
            if (node == null || node.isNull()) {
                return null;
            }
            return ScheduleSection.read(node, field, problems) == null ? null : node;
        }

        private ObjectNode normalizeTopLevel(ObjectNode root) {
            ObjectNode config = yaml.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String key = entry.getKey();
                if (key.equals(DatabaseSettings.KEY)) {
                    database(entry.getValue());
                } else if (AutomationSettings.KEYS.contains(key) || SegmentSection.KEYS.contains(key)) {
                    // Read on their own by AutomationSettings; over the API they are refused (decision 0023).
                    if (origin == Origin.REQUEST) {
                        problems.put(key, AutomationSettings.FILE_ONLY);
                    }
                } else if (key.equals(ScheduleSection.KEY)) {
                    schedule(entry.getValue());
                } else if (TOP_LEVEL_KEYS.contains(key)) {
                    putOnce(config, key, key, entry.getValue());
                } else if (origin == Origin.REQUEST) {
                    problems.put(
                            key,
                            unknownKey(
                                    key,
                                    "",
                                    TOP_LEVEL_KEYS,
                                    key.equals("delete_input") ? "on_success" : ALIASES.get(key)));
                } else if (ALIASES.containsKey(key)) {
                    putOnce(config, ALIASES.get(key), key, entry.getValue());
                } else if (key.equals("delete_input")) {
                    onSuccessFromDeleteInput(entry.getValue(), "delete_input")
                            .ifPresent(node -> putOnce(config, "on_success", key, node));
                } else if (IGNORED_KEYS.containsKey(key)) {
                    notes.add("'" + key + "' is ignored: " + IGNORED_KEYS.get(key));
                } else {
                    problems.put(key, unknownKey(key, "", TOP_LEVEL_KEYS, null));
                }
            }
            return config;
        }

        /** Stores a value under its canonical key, refusing a key given twice under two spellings. */
        private void putOnce(ObjectNode config, String canonical, String givenAs, JsonNode value) {
            if (canonical.equals("monitor_folder") && !value.isNull()) {
                singleFolderKey = givenAs;
            }
            if (config.has(canonical)) {
                problems.put(givenAs, "'" + canonical + "' is already set (under another name); keep one of them");
                return;
            }
            config.set(canonical, value);
        }

        /** The old tool's delete_input: true means on_success: delete, false means keep. */
        private java.util.Optional<JsonNode> onSuccessFromDeleteInput(JsonNode value, String field) {
            if (value.isNull()) {
                return java.util.Optional.empty();
            }
            if (!value.isBoolean()) {
                problems.put(field, "must be true or false");
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(yaml.getNodeFactory().textNode(value.booleanValue() ? "delete" : "keep"));
        }

        /**
         * The shared PostgreSQL database. Only the config file sets it (the daemon opens its database once,
         * at start), and a password written in it is refused: the file names a file holding the password.
         */
        private void database(JsonNode node) {
            if (origin == Origin.REQUEST) {
                problems.put(DatabaseSettings.KEY, "the database is set in the config file only");
                return;
            }
            if (node == null || node.isNull()) {
                return;
            }
            if (!node.isObject()) {
                problems.put(DatabaseSettings.KEY, "must be a mapping with url, user and password_file");
                return;
            }
            if (node.has("password")) {
                problems.put(
                        "database.password",
                        "a password is never written in the config file; put it alone in a file only the daemon's"
                                + " user can read and name that file in database.password_file");
            }
            ObjectNode section = ((ObjectNode) node).deepCopy();
            section.remove("password");
            int before = problems.size();
            rejectUnknown(section, DatabaseSettings.KEYS, DatabaseSettings.KEY);
            String url = value(section, "url", String.class, "database.url");
            String user = value(section, "user", String.class, "database.user");
            String passwordFile = value(section, "password_file", String.class, "database.password_file");
            if (url == null || url.isBlank()) {
                problems.putIfAbsent("database.url", "is required, for example jdbc:postgresql://db.local/bulletproof");
            } else if (!url.startsWith(DatabaseSettings.URL_PREFIX)) {
                problems.put(
                        "database.url",
                        "must be a PostgreSQL JDBC URL starting with " + DatabaseSettings.URL_PREFIX + " (got '"
                                + abbreviated(url) + "')");
            } else if (url.contains("password=")) {
                problems.put("database.url", "must not hold the password; name a file in database.password_file");
            }
            if (user == null || user.isBlank()) {
                problems.putIfAbsent("database.user", "is required: the PostgreSQL role the daemon connects as");
            }
            if (passwordFile == null || passwordFile.isBlank()) {
                problems.putIfAbsent(
                        "database.password_file", "is required: a file holding the password of database.user");
            }
            String nodeName = value(section, "node_name", String.class, "database.node_name");
            Integer heartbeat = value(section, "heartbeat_seconds", Integer.class, "database.heartbeat_seconds");
            Integer timeout = value(section, "node_timeout_seconds", Integer.class, "database.node_timeout_seconds");
            if (nodeName != null && nodeName.isBlank()) {
                problems.put("database.node_name", "must not be blank; leave it out to use the host name");
            }
            if (heartbeat != null && heartbeat < 1) {
                problems.put("database.heartbeat_seconds", "must be at least 1");
            }
            int beat = heartbeat == null ? (int) DatabaseSettings.DEFAULT_HEARTBEAT.toSeconds() : heartbeat;
            if (timeout != null && timeout < 3 * beat) {
                // Fewer than three missed beats would take a node for dead after one slow write.
                problems.put(
                        "database.node_timeout_seconds",
                        "must be at least three heartbeats (" + 3 * beat + " s with heartbeat_seconds " + beat + ")");
            }
            java.util.Map<String, String> pathMap = pathMap(section.get("path_map"));
            if (problems.size() == before) {
                database = new DatabaseSettings(
                        url,
                        user,
                        java.nio.file.Path.of(passwordFile),
                        nodeName,
                        heartbeat == null ? null : java.time.Duration.ofSeconds(heartbeat),
                        timeout == null ? null : java.time.Duration.ofSeconds(timeout),
                        pathMap);
            }
        }

        /** {@code database.path_map}: a mapping of absolute folder prefixes (decision 0030). */
        private java.util.Map<String, String> pathMap(JsonNode node) {
            java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
            if (node == null || node.isNull()) {
                return map;
            }
            if (!node.isObject()) {
                problems.put(
                        "database.path_map",
                        "must be a mapping of cluster-wide folder to this node's mount, for example"
                                + " { \"/mnt/media\": \"/Volumes/media\" }");
                return map;
            }
            node.properties().forEach(entry -> {
                if (!entry.getValue().isTextual()) {
                    problems.putIfAbsent("database.path_map." + entry.getKey(), "must be a folder path (text)");
                } else {
                    map.put(entry.getKey(), entry.getValue().textValue());
                }
            });
            DatabaseSettings.checkPathMap(map, problems);
            return map;
        }

        /**
         * The weekly windows. Only the config file sets them; over the API a person overrides the schedule
         * for a while instead (run now, hold until), which is what a show day needs.
         */
        private void schedule(JsonNode node) {
            if (origin == Origin.REQUEST) {
                problems.put(
                        ScheduleSection.KEY,
                        "the schedule is set in the config file only; override it for a while with the schedule"
                                + " override");
                return;
            }
            schedule = ScheduleSection.read(node, ScheduleSection.KEY, problems);
        }

        private ServerSettings server(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                problems.put("server", "must be a mapping with host, port, auth and allowed_hosts");
                return null;
            }
            rejectUnknown((ObjectNode) node, SERVER_KEYS, "server");
            String host = value(node, "host", String.class, "server.host");
            Integer port = value(node, "port", Integer.class, "server.port");
            String auth = value(node, "auth", String.class, "server.auth");
            return new ServerSettings(host, port == null ? 0 : port, auth, textList(node.get("allowed_hosts")));
        }

        /** A YAML sequence of strings; anything else is reported and read as empty. */
        private List<String> textList(JsonNode node) {
            if (node == null || node.isNull()) {
                return List.of();
            }
            List<String> values = new ArrayList<>();
            if (node.isArray()) {
                for (JsonNode item : node) {
                    if (!item.isTextual()) {
                        problems.put("server.allowed_hosts", "must be a list of host names");
                        return List.of();
                    }
                    if (checkText("server.allowed_hosts", item.asText()) == null) {
                        return List.of();
                    }
                    values.add(item.asText());
                }
                return values;
            }
            problems.put("server.allowed_hosts", "must be a list of host names, for example [ingest.local]");
            return List.of();
        }

        /**
         * Custom profiles: the media package checks their values, but the keys are checked here, with the
         * rest of the file, so a misspelt profile field is reported in the same round as everything else.
         */
        private List<Map<String, Object>> profiles(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isArray()) {
                problems.put("profiles", "must be a list of profiles (each a mapping with a name)");
                return null;
            }
            List<Map<String, Object>> profiles = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String field = "profiles[" + i + "]";
                JsonNode item = node.get(i);
                if (!item.isObject()) {
                    // Kept as null so indexes stay those of the file; the validator skips null entries.
                    problems.put(field, "must be a mapping with a name, an extension and codecs");
                    profiles.add(null);
                    continue;
                }
                rejectUnknown((ObjectNode) item, ProfileCatalog.customProfileKeys(), field);
                boolean wellFormed = true;
                for (Map.Entry<String, JsonNode> entry : item.properties()) {
                    JsonNode value = entry.getValue();
                    String key = field + "." + entry.getKey();
                    if (value.isContainerNode()) {
                        problems.put(key, "must be a single value, not a list or mapping");
                        wellFormed = false;
                    } else if (value.isTextual() && checkText(key, value.asText()) == null) {
                        wellFormed = false;
                    }
                }
                profiles.add(wellFormed ? yaml.convertValue(item, new TypeReference<Map<String, Object>>() {}) : null);
            }
            return profiles;
        }

        /** @param field "rules", or "watch_folders[1].rules" for a folder's own rules */
        private List<RuleModel> rules(JsonNode node, String field) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isArray()) {
                problems.put(field, "must be a list of rules");
                return null;
            }
            List<RuleModel> rules = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                rules.add(rule(node.get(i), field + "[" + i + "]."));
            }
            return rules;
        }

        /** A rule that is not a mapping is reported and read as null (the validator skips null rules). */
        private RuleModel rule(JsonNode node, String prefix) {
            if (!node.isObject()) {
                problems.put(prefix.substring(0, prefix.length() - 1), "must be a mapping with pattern and profile");
                return null;
            }
            rejectUnknown((ObjectNode) node, FILE_RULE_KEYS, prefix.substring(0, prefix.length() - 1));
            String where = prefix.substring(0, prefix.length() - 1);
            OnSuccess onSuccess = value(node, "on_success", OnSuccess.class, prefix + "on_success");
            if (origin == Origin.REQUEST && node.has("delete_input")) {
                problems.put(prefix + "delete_input", unknownKey("delete_input", where, RULE_KEYS, "on_success"));
            } else if (node.has("delete_input")) {
                if (onSuccess != null) {
                    problems.put(prefix + "delete_input", "'on_success' is already set; keep one of them");
                } else {
                    onSuccess = onSuccessFromDeleteInput(node.get("delete_input"), prefix + "delete_input")
                            .map(n -> OnSuccess.fromWire(n.asText()))
                            .orElse(null);
                }
            }
            Integer priority = value(node, "priority", Integer.class, prefix + "priority");
            return new RuleModel(
                    value(node, "pattern", String.class, prefix + "pattern"),
                    value(node, "pattern_type", PatternType.class, prefix + "pattern_type"),
                    value(node, "profile", String.class, prefix + "profile"),
                    value(node, "output_pattern", String.class, prefix + "output_pattern"),
                    priority == null ? 0 : priority,
                    onSuccess);
        }

        /** @param where the mapping's field name ("server", "rules[0]"), for the field and the message */
        private void rejectUnknown(ObjectNode node, Set<String> known, String where) {
            node.fieldNames().forEachRemaining(key -> {
                if (!known.contains(key)) {
                    problems.put(where + "." + key, unknownKey(key, where, known, null));
                }
            });
        }

        /** Text a path or name can hold: no NUL (no file system accepts it) and of a sane length. */
        private String checkText(String field, String text) {
            if (text.indexOf('\u0000') >= 0) {
                problems.put(field, "must not contain a NUL character");
                return null;
            }
            if (text.length() > MAX_TEXT_LENGTH) {
                problems.put(field, "is too long (" + text.length() + " characters; at most " + MAX_TEXT_LENGTH + ")");
                return null;
            }
            return text;
        }

        private <T> T value(JsonNode parent, String key, Class<T> type) {
            return value(parent, key, type, key);
        }

        private <T> T value(JsonNode parent, String key, Class<T> type, String field) {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                return null;
            }
            boolean wrongShape = node.isContainerNode()
                    || (type != String.class && !type.isEnum() && node.isTextual())
                    || (type == Integer.class && !node.isIntegralNumber());
            if (wrongShape) {
                problems.put(field, "must be " + describe(type));
                return null;
            }
            if (node.isTextual() && checkText(field, node.asText()) == null) {
                return null;
            }
            try {
                return yaml.treeToValue(node, type);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                problems.put(field, "must be " + describe(type) + " (got '" + abbreviated(node.asText()) + "')");
                return null;
            }
        }
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class) {
            return "a whole number";
        }
        if (type == Double.class) {
            return "a number";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT))
                            .toList();
        }
        return "text";
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    /**
     * "unknown key 'prot' in server; did you mean 'port'?"
     *
     * @param where the enclosing mapping ("" at the top level)
     * @param replacement the current name of an old key, suggested whatever the spelling distance
     */
    static String unknownKey(String key, String where, Set<String> known, String replacement) {
        String closest = java.util.Optional.ofNullable(replacement)
                .or(() -> Spelling.closest(key, known, 3))
                .map(k -> "; did you mean '" + k + "'?")
                .orElse("; known keys: " + known.stream().sorted().toList());
        String in = where.isEmpty() ? "" : " in " + where;
        return "unknown key '" + abbreviated(key) + "'" + in + closest;
    }
}
