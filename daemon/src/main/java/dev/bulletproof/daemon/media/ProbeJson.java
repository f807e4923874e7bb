package dev.bulletproof.daemon.media;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ffprobe's JSON answer as plain maps and lists, read with Jackson's streaming parser. Data binding
 * ({@code ObjectMapper}) would do the same job, but setting it up costs a short CLI verb more than the probe
 * itself (its date formats alone load the locale data), and every probe of a one-shot `analyze` or
 * `transcode` pays that again.
 */
final class ProbeJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Map<String, Object> fields;

    private ProbeJson(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** The top-level object; an answer that is not one is an {@link IOException}. */
    static ProbeJson parse(String json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            return new ProbeJson(readObject(parser));
        }
    }

    /** The nested object under {@code name}, empty when there is none. */
    ProbeJson object(String name) {
        return fields.get(name) instanceof Map<?, ?> map ? new ProbeJson(cast(map)) : new ProbeJson(Map.of());
    }

    /** The objects in the array under {@code name}, skipping anything else. */
    List<ProbeJson> objects(String name) {
        List<ProbeJson> result = new ArrayList<>();
        if (fields.get(name) instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof Map<?, ?> map) {
                    result.add(new ProbeJson(cast(map)));
                }
            }
        }
        return result;
    }

    boolean has(String name) {
        return fields.get(name) != null;
    }

    /** A string or number field as text, or {@code fallback}. */
    String text(String name, String fallback) {
        Object value = fields.get(name);
        return value == null || value instanceof Map || value instanceof List ? fallback : value.toString();
    }

    /** ffprobe prints most numbers as strings ("25", "5.013000") and "N/A" when it does not know. */
    long longValue(String name, long fallback) {
        Object value = fields.get(name);
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return value instanceof String text ? Long.parseLong(text.strip()) : fallback;
        } catch (NumberFormatException e) {
            double asDouble = doubleValue(name, Double.NaN);
            return Double.isNaN(asDouble) ? fallback : (long) asDouble;
        }
    }

    double doubleValue(String name, double fallback) {
        Object value = fields.get(name);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return value instanceof String text ? Double.parseDouble(text.strip()) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Map<String, Object> readObject(JsonParser parser) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.put(name, readValue(parser));
        }
        return object;
    }

    private static Object readValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new IOException("unexpected end of ffprobe's answer");
        }
        return switch (token) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(parser));
                }
                yield array;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + token + " in ffprobe's answer");
        };
    }
}
