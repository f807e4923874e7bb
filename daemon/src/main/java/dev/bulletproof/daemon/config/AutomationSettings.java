package dev.bulletproof.daemon.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.daemon.Spelling;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The config file's {@code webhooks:}, {@code hooks:} and {@code min_free_space:}: what the daemon does
 * around jobs. All three are read from the file only (a request to the API that carries them is refused):
 * a webhook makes the daemon send requests, a hook makes it run a program (decisions 0023 and 0024). They
 * are read when the daemon starts.
 */
public record AutomationSettings(
        List<WebhookEndpoint> webhooks, List<HookCommand> hooks, FreeSpaceThreshold minFreeSpace) {

    public static final Set<String> KEYS = Set.of("webhooks", "hooks", "min_free_space");
    static final String FILE_ONLY = "set this in the config file; it cannot be changed over the API";

    private static final Set<String> WEBHOOK_KEYS =
            Set.of("url", "events", "secret", "timeout_seconds", "max_attempts", "retry_seconds");
    private static final Set<String> HOOK_KEYS = Set.of("command", "events", "timeout_seconds");
    private static final Pattern SIZE = Pattern.compile("(?i)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(%|b|kb|mb|gb|tb)?\\s*");

    public AutomationSettings {
        webhooks = List.copyOf(webhooks);
        hooks = List.copyOf(hooks);
    }

    public static AutomationSettings none() {
        return new AutomationSettings(List.of(), List.of(), FreeSpaceThreshold.defaults());
    }

    /** Reads the three keys from the file's top level; every problem goes into {@code problems} by field. */
    static AutomationSettings read(ObjectNode root, Map<String, String> problems) {
        if (root == null) {
            return none();
        }
        return new AutomationSettings(
                webhooks(root.get("webhooks"), problems),
                hooks(root.get("hooks"), problems),
                minFreeSpace(root.get("min_free_space"), problems));
    }

    private static List<WebhookEndpoint> webhooks(JsonNode node, Map<String, String> problems) {
        List<WebhookEndpoint> endpoints = new ArrayList<>();
        for (JsonNode entry : list(node, "webhooks", problems)) {
            String field = "webhooks[" + endpoints.size() + "]";
            int before = problems.size();
            if (!entry.isObject()) {
                problems.put(field, "must be a mapping with url and events");
                endpoints.add(null);
                continue;
            }
            rejectUnknown(entry, WEBHOOK_KEYS, field, problems);
            URI url = url(entry.get("url"), field + ".url", problems);
            Set<String> events = events(entry.get("events"), field + ".events", WebhookEndpoint.EVENTS, problems);
            String secret = text(entry.get("secret"), field + ".secret", problems);
            Duration timeout = seconds(
                    entry.get("timeout_seconds"),
                    field + ".timeout_seconds",
                    WebhookEndpoint.DEFAULT_TIMEOUT,
                    problems);
            int attempts = count(
                    entry.get("max_attempts"), field + ".max_attempts", WebhookEndpoint.DEFAULT_MAX_ATTEMPTS, problems);
            Duration retry = seconds(
                    entry.get("retry_seconds"),
                    field + ".retry_seconds",
                    WebhookEndpoint.DEFAULT_RETRY_DELAY,
                    problems);
            endpoints.add(
                    problems.size() == before
                            ? new WebhookEndpoint(url, events, secret, timeout, attempts, retry)
                            : null);
        }
        Set<URI> seen = new java.util.HashSet<>();
        for (int i = 0; i < endpoints.size(); i++) {
            WebhookEndpoint endpoint = endpoints.get(i);
            if (endpoint != null && !seen.add(endpoint.url())) {
                // Deliveries are matched to their endpoint by address, so two entries may not share one.
                problems.put("webhooks[" + i + "].url", "is listed twice; give each address once with all its events");
            }
        }
        return endpoints.stream().filter(java.util.Objects::nonNull).toList();
    }

    private static List<HookCommand> hooks(JsonNode node, Map<String, String> problems) {
        List<HookCommand> hooks = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : list(node, "hooks", problems)) {
            String field = "hooks[" + index++ + "]";
            int before = problems.size();
            if (!entry.isObject()) {
                problems.put(field, "must be a mapping with command (a list: the program, then its arguments)");
                continue;
            }
            rejectUnknown(entry, HOOK_KEYS, field, problems);
            List<String> command = command(entry.get("command"), field + ".command", problems);
            Set<String> events = entry.has("events")
                    ? events(entry.get("events"), field + ".events", HookCommand.EVENTS, problems)
                    : Set.copyOf(HookCommand.EVENTS);
            Duration timeout = seconds(
                    entry.get("timeout_seconds"), field + ".timeout_seconds", HookCommand.DEFAULT_TIMEOUT, problems);
            if (problems.size() == before) {
                hooks.add(new HookCommand(command, events, timeout));
            }
        }
        return hooks;
    }

    private static List<String> command(JsonNode node, String field, Map<String, String> problems) {
        if (node != null && node.isTextual()) {
            problems.put(
                    field,
                    "must be a list (the program, then each argument), not one string: hooks never run through a"
                            + " shell, for example [/usr/local/bin/notify, --cue]");
            return List.of();
        }
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.put(field, "is required: a list with the program, then its arguments");
            return List.of();
        }
        List<String> command = new ArrayList<>();
        for (JsonNode part : node) {
            if (!part.isValueNode() || part.isNull()) {
                problems.put(field, "every entry must be a text");
                return List.of();
            }
            command.add(part.asText());
        }
        return command;
    }

    private static FreeSpaceThreshold minFreeSpace(JsonNode node, Map<String, String> problems) {
        if (node == null || node.isNull()) {
            return FreeSpaceThreshold.defaults();
        }
        if (node.isNumber() && node.asDouble() >= 0) {
            return FreeSpaceThreshold.ofBytes(node.asLong());
        }
        Matcher size = SIZE.matcher(node.isTextual() ? node.asText() : "");
        if (!size.matches()) {
            problems.put("min_free_space", "must be a size such as 10 GB or 500 MB, or a share such as 5%");
            return FreeSpaceThreshold.defaults();
        }
        double amount = Double.parseDouble(size.group(1));
        String unit = size.group(2) == null ? "b" : size.group(2).toLowerCase(Locale.ROOT);
        if (unit.equals("%")) {
            if (amount > 90) {
                problems.put("min_free_space", "a share above 90% would hold every job; use a smaller one");
                return FreeSpaceThreshold.defaults();
            }
            return FreeSpaceThreshold.ofPercent(amount);
        }
        long factor =
                switch (unit) {
                    case "kb" -> 1_000L;
                    case "mb" -> 1_000_000L;
                    case "gb" -> 1_000_000_000L;
                    case "tb" -> 1_000_000_000_000L;
                    default -> 1L;
                };
        return FreeSpaceThreshold.ofBytes((long) (amount * factor));
    }

    private static Iterable<JsonNode> list(JsonNode node, String field, Map<String, String> problems) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.put(field, "must be a list");
            return List.of();
        }
        return node;
    }

    private static URI url(JsonNode node, String field, Map<String, String> problems) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            problems.put(field, "is required: the http or https address to send events to");
            return null;
        }
        try {
            URI url = new URI(node.asText().trim());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                problems.put(field, "must start with http:// or https:// (got '" + scheme + "')");
                return null;
            }
            if (url.getHost() == null || url.getHost().isBlank()) {
                problems.put(field, "must name a host");
                return null;
            }
            if (url.getRawUserInfo() != null) {
                problems.put(field, "must not carry a user name or password; sign with secret instead");
                return null;
            }
            return url;
        } catch (URISyntaxException e) {
            problems.put(field, "is not a valid address: " + e.getReason());
            return null;
        }
    }

    private static Set<String> events(JsonNode node, String field, List<String> known, Map<String, String> problems) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.put(field, "is required: a list of " + String.join(", ", known));
            return Set.of();
        }
        Set<String> events = new LinkedHashSet<>();
        for (JsonNode event : node) {
            String name = event.asText();
            if (!known.contains(name)) {
                problems.put(
                        field,
                        "unknown event '" + name + "'"
                                + Spelling.closest(name, known, 3)
                                        .map(s -> "; did you mean '" + s + "'?")
                                        .orElse("; known: " + String.join(", ", known)));
                return Set.of();
            }
            events.add(name);
        }
        return events;
    }

    private static String text(JsonNode node, String field, Map<String, String> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            problems.put(field, "must be a text");
            return null;
        }
        return node.asText();
    }

    private static Duration seconds(JsonNode node, String field, Duration fallback, Map<String, String> problems) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber() || node.asDouble() <= 0 || node.asDouble() > 86_400) {
            problems.put(field, "must be a number of seconds above 0 and at most 86400");
            return fallback;
        }
        return Duration.ofMillis(Math.round(node.asDouble() * 1000));
    }

    private static int count(JsonNode node, String field, int fallback, Map<String, String> problems) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1 || node.asInt() > 100) {
            problems.put(field, "must be a whole number from 1 to 100");
            return fallback;
        }
        return node.asInt();
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String where, Map<String, String> problems) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                problems.put(where + "." + key, ConfigLoader.unknownKey(key, where, known, null));
            }
        });
    }
}
