package dev.bulletproof.daemon.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.daemon.schedule.OutsideAction;
import dev.bulletproof.daemon.schedule.Schedule;
import dev.bulletproof.daemon.schedule.ScheduleWindow;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code schedule:} mapping (the config file's own, and later a watch folder's) into a
 * {@link Schedule}, reporting each problem under its field ("schedule.windows[1].to"):
 *
 * <pre>
 * schedule:
 *   outside: pause            # pause | drain: what happens while no window is open
 *   windows:
 *     - days: mon-fri         # a list [mon, tue] or ranges "mon-fri", "sat,sun", "daily"
 *       from: "18:00"
 *       to: "07:00"           # earlier than from: the window ends the next morning
 *       max_workers: 4        # optional; else the config's max_workers
 * </pre>
 */
public final class ScheduleSection {

    public static final String KEY = "schedule";
    static final Set<String> KEYS = Set.of("outside", "windows");
    static final Set<String> WINDOW_KEYS = Set.of("days", "from", "to", "max_workers");

    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private ScheduleSection() {}

    /**
     * @param where the field of the mapping ("schedule")
     * @return the schedule, or null when the node is absent or has a problem (each one added to {@code problems})
     */
    public static Schedule read(JsonNode node, String where, Map<String, String> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.put(where, "must be a mapping with outside and windows");
            return null;
        }
        int before = problems.size();
        node.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                problems.put(where + "." + key, ConfigLoader.unknownKey(key, where, KEYS, null));
            }
        });
        OutsideAction outside = outside(node.get("outside"), where + ".outside", problems);
        List<ScheduleWindow> windows = new ArrayList<>();
        JsonNode list = node.get("windows");
        if (list == null || list.isNull()) {
            problems.put(where + ".windows", "is required: a list of windows, each with days, from and to");
        } else if (!list.isArray()) {
            problems.put(where + ".windows", "must be a list of windows, each with days, from and to");
        } else {
            for (int i = 0; i < list.size(); i++) {
                ScheduleWindow window = window(list.get(i), where + ".windows[" + i + "]", problems);
                if (window != null) {
                    windows.add(window);
                }
            }
        }
        return problems.size() == before ? new Schedule(windows, outside) : null;
    }

    /** The schedule a section already checked stands for; null for none (or one with a problem). */
    public static Schedule parsed(JsonNode node) {
        return read(node, KEY, new java.util.HashMap<>());
    }

    /**
     * What a section means, whatever its spelling ({@code mon-fri} or a list of days, "24:00" or 1440
     * minutes), as a tree two sections can be compared by; a section with a problem stands for itself.
     */
    static JsonNode meaning(JsonNode node) {
        Schedule schedule = parsed(node);
        if (schedule == null) {
            return node;
        }
        var json = dev.bulletproof.model.Json.mapper();
        var tree = json.createObjectNode().put("outside", schedule.outside().wireName());
        var windows = tree.putArray("windows");
        for (ScheduleWindow window : schedule.windows()) {
            var item = windows.addObject();
            var days = item.putArray("days");
            window.days().stream().sorted().forEach(day -> days.add(day.getValue()));
            item.put("from", window.from().toString()).put("to", window.to().toString());
            if (window.maxWorkers() != null) {
                item.put("max_workers", window.maxWorkers());
            }
        }
        return tree;
    }

    private static OutsideAction outside(JsonNode node, String field, Map<String, String> problems) {
        if (node == null || node.isNull()) {
            return OutsideAction.PAUSE;
        }
        try {
            return OutsideAction.fromWire(node.asText().strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.put(field, "must be pause (running jobs are suspended) or drain (running jobs finish)");
            return null;
        }
    }

    private static ScheduleWindow window(JsonNode node, String where, Map<String, String> problems) {
        if (!node.isObject()) {
            problems.put(where, "must be a mapping with days, from and to");
            return null;
        }
        int before = problems.size();
        node.fieldNames().forEachRemaining(key -> {
            if (!WINDOW_KEYS.contains(key)) {
                problems.put(where + "." + key, ConfigLoader.unknownKey(key, where, WINDOW_KEYS, null));
            }
        });
        Set<DayOfWeek> days = days(node.get("days"), where + ".days", problems);
        LocalTime from = time(node.get("from"), where + ".from", problems);
        LocalTime to = time(node.get("to"), where + ".to", problems);
        Integer maxWorkers = null;
        JsonNode workers = node.get("max_workers");
        if (workers != null && !workers.isNull()) {
            if (!workers.isIntegralNumber()
                    || workers.asInt() < 1
                    || workers.asInt() > ConfigValidator.MAX_WORKERS_LIMIT) {
                problems.put(
                        where + ".max_workers",
                        "must be a whole number from 1 to " + ConfigValidator.MAX_WORKERS_LIMIT);
            } else {
                maxWorkers = workers.asInt();
            }
        }
        return problems.size() == before ? new ScheduleWindow(days, from, to, maxWorkers) : null;
    }

    /** A list of day names, or one text of names and ranges ("mon-fri", "sat, sun", "daily"). */
    static Set<DayOfWeek> days(JsonNode node, String field, Map<String, String> problems) {
        if (node == null || node.isNull()) {
            problems.put(field, "is required, for example mon-fri or [sat, sun]");
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> parts.add(item.asText()));
        } else if (node.isTextual()) {
            parts.addAll(List.of(node.asText().split(",")));
        } else {
            problems.put(field, "must be a list of days or a text such as mon-fri");
            return null;
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : parts) {
            String text = part.strip().toLowerCase(Locale.ROOT);
            if (text.equals("daily") || text.equals("every day")) {
                days.addAll(EnumSet.allOf(DayOfWeek.class));
                continue;
            }
            String[] range = text.split("\\s*-\\s*");
            DayOfWeek first = day(range[0]);
            DayOfWeek last = range.length == 2 ? day(range[1]) : first;
            if (first == null || last == null || range.length > 2) {
                problems.put(field, "'" + part.strip() + "' is not a day or range of days; use mon, tue ... sun");
                return null;
            }
            // A range may wrap the week end: fri-mon is Friday to Monday.
            for (DayOfWeek day = first; ; day = day.plus(1)) {
                days.add(day);
                if (day == last) {
                    break;
                }
            }
        }
        if (days.isEmpty()) {
            problems.put(field, "needs at least one day");
            return null;
        }
        return days;
    }

    private static DayOfWeek day(String text) {
        for (int i = 0; i < DAY_NAMES.size(); i++) {
            DayOfWeek day = DayOfWeek.of(i + 1);
            if (text.equals(DAY_NAMES.get(i)) || text.equals(day.name().toLowerCase(Locale.ROOT))) {
                return day;
            }
        }
        return null;
    }

    /**
     * "HH:MM", 00:00 to 24:00 (24:00 is the midnight that ends the day). YAML 1.1 reads an unquoted 18:00 as
     * the base-60 number 1080, so a whole number is taken as minutes after midnight.
     */
    static LocalTime time(JsonNode node, String field, Map<String, String> problems) {
        if (node == null || node.isNull()) {
            problems.put(field, "is required, a time such as \"18:00\"");
            return null;
        }
        int minutes;
        if (node.isIntegralNumber()) {
            minutes = node.asInt();
        } else {
            Matcher matcher = TIME.matcher(node.asText().strip());
            if (!node.isTextual() || !matcher.matches() || Integer.parseInt(matcher.group(2)) > 59) {
                problems.put(field, "must be a time such as \"18:00\" (got '" + node.asText() + "')");
                return null;
            }
            minutes = Integer.parseInt(matcher.group(1)) * 60 + Integer.parseInt(matcher.group(2));
        }
        if (minutes < 0 || minutes > 24 * 60) {
            problems.put(field, "must be a time from 00:00 to 24:00");
            return null;
        }
        return minutes == 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.of(minutes / 60, minutes % 60);
    }
}
