package dev.bulletproof.daemon.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulletproof.model.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** How configuration values are written into YAML text and when two of them are the same value. */
final class YamlValues {

    private static final ObjectMapper JSON = Json.mapper();

    private YamlValues() {}

    static String flow(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(scalar(item, DumperOptions.ScalarStyle.PLAIN, true)));
        return "[" + String.join(", ", items) + "]";
    }

    /**
     * One scalar: numbers as plain numbers (a whole number never gains a ".0"), text in the quoting the old
     * value had, else plain where YAML reads it back as the same text, else double-quoted.
     */
    static String scalar(JsonNode value, DumperOptions.ScalarStyle oldStyle, boolean inFlow) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (value.isBoolean()) {
            return String.valueOf(value.booleanValue());
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            double d = value.doubleValue();
            if (Double.isNaN(d)) {
                return ".nan";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? ".inf" : "-.inf";
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        String s = value.asText();
        boolean control = s.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029);
        if (control || oldStyle == DumperOptions.ScalarStyle.DOUBLE_QUOTED) {
            return doubleQuoted(s);
        }
        if (oldStyle == DumperOptions.ScalarStyle.SINGLE_QUOTED) {
            return "'" + s.replace("'", "''") + "'";
        }
        DumperOptions options = new DumperOptions();
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        String dumped = new Yaml(options).dump(s).strip();
        boolean plain = !dumped.startsWith("'") && !dumped.startsWith("\"") && dumped.equals(s);
        if (plain && !(inFlow && s.chars().anyMatch(c -> ",[]{}".indexOf(c) >= 0))) {
            return s;
        }
        return doubleQuoted(s);
    }

    private static String doubleQuoted(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string is always writable as JSON", e);
        }
    }

    /** Equal as configuration values: 2 and 2.0 are the same number, a missing key and null the same. */
    static boolean same(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull() || a.isMissingNode();
        boolean bNull = b == null || b.isNull() || b.isMissingNode();
        if (aNull || bNull) {
            return aNull && bNull;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            java.util.Set<String> keys = new java.util.HashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            return keys.stream().allMatch(k -> same(a.get(k), b.get(k)));
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
