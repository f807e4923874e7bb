package dev.bulletproof.daemon.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.PatternType;
import dev.bulletproof.model.RuleModel;
import dev.bulletproof.model.ServerSettings;
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

    private static final Set<String> TOP_LEVEL_KEYS = Set.of(
            "monitor_folder",
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
            Set.of("pattern", "pattern_type", "profile", "output_pattern", "priority", "on_success", "delete_input");

    private final ObjectMapper yaml = YAMLMapper.builder().build();

    /**
     * What a config file said, plus notes about keys that were accepted but have no effect.
     *
     * @param notes human sentences, one per ignored key
     */
    public record ParsedConfig(ConfigModel model, List<String> notes) {}

    /**
     * Parses YAML text. An empty document means "all defaults".
     *
     * @throws ConfigValidationException listing every unknown key, alias clash and badly typed value
     */
    public ParsedConfig parse(String yamlText) {
        JsonNode root;
        try {
            root = yaml.readTree(yamlText);
        } catch (JsonProcessingException e) {
            throw new ConfigValidationException(Map.of("(file)", "not valid YAML: " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ParsedConfig(DaemonConfig.emptyModel(), List.of());
        }
        if (!root.isObject()) {
            throw new ConfigValidationException(Map.of("(file)", "must be a mapping of keys to values"));
        }
        return new Reader().read((ObjectNode) root);
    }

    /** One parse: collects problems and notes, so all of them are reported together. */
    private final class Reader {
        private final Map<String, String> problems = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();

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
                    rules(config.get("rules")));
            if (!problems.isEmpty()) {
                throw new ConfigValidationException(problems);
            }
            return new ParsedConfig(model, List.copyOf(notes));
        }

        private ObjectNode normalizeTopLevel(ObjectNode root) {
            ObjectNode config = yaml.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String key = entry.getKey();
                if (TOP_LEVEL_KEYS.contains(key)) {
                    putOnce(config, key, key, entry.getValue());
                } else if (ALIASES.containsKey(key)) {
                    putOnce(config, ALIASES.get(key), key, entry.getValue());
                } else if (key.equals("delete_input")) {
                    onSuccessFromDeleteInput(entry.getValue(), "delete_input")
                            .ifPresent(node -> putOnce(config, "on_success", key, node));
                } else if (IGNORED_KEYS.containsKey(key)) {
                    notes.add("'" + key + "' is ignored: " + IGNORED_KEYS.get(key));
                } else {
                    problems.put(key, unknownKey(key, TOP_LEVEL_KEYS));
                }
            }
            return config;
        }

        /** Stores a value under its canonical key, refusing a key given twice under two spellings. */
        private void putOnce(ObjectNode config, String canonical, String givenAs, JsonNode value) {
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

        private ServerSettings server(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                problems.put("server", "must be a mapping with host, port, auth and allowed_hosts");
                return null;
            }
            rejectUnknown((ObjectNode) node, SERVER_KEYS, "server.");
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
                    values.add(item.asText());
                }
                return values;
            }
            problems.put("server.allowed_hosts", "must be a list of host names, for example [ingest.local]");
            return List.of();
        }

        private List<Map<String, Object>> profiles(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            try {
                return yaml.convertValue(node, new TypeReference<List<Map<String, Object>>>() {});
            } catch (IllegalArgumentException e) {
                problems.put("profiles", "must be a list of profiles (each a mapping with a name)");
                return null;
            }
        }

        private List<RuleModel> rules(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isArray()) {
                problems.put("rules", "must be a list of rules");
                return null;
            }
            List<RuleModel> rules = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                rules.add(rule(node.get(i), "rules[" + i + "]."));
            }
            return rules;
        }

        private RuleModel rule(JsonNode node, String prefix) {
            if (!node.isObject()) {
                problems.put(prefix.substring(0, prefix.length() - 1), "must be a mapping with pattern and profile");
                return new RuleModel(null, null, null, null, 0, null);
            }
            rejectUnknown((ObjectNode) node, RULE_KEYS, prefix);
            OnSuccess onSuccess = value(node, "on_success", OnSuccess.class, prefix + "on_success");
            if (node.has("delete_input")) {
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

        private void rejectUnknown(ObjectNode node, Set<String> known, String prefix) {
            node.fieldNames().forEachRemaining(key -> {
                if (!known.contains(key)) {
                    problems.put(prefix + key, unknownKey(key, known));
                }
            });
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
            try {
                return yaml.treeToValue(node, type);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                problems.put(field, "must be " + describe(type) + " (got '" + node.asText() + "')");
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

    private static String unknownKey(String key, Set<String> known) {
        String closest = known.stream()
                .min(java.util.Comparator.comparingInt(k -> editDistance(k, key)))
                .filter(k -> editDistance(k, key) <= 3)
                .map(k -> "; did you mean '" + k + "'?")
                .orElse("; known keys: " + known.stream().sorted().toList());
        return "unknown key '" + key + "'" + closest;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
