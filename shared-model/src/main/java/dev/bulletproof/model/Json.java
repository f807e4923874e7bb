package dev.bulletproof.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The one JSON mapper configuration shared by the daemon, the desktop client and the CLI. */
public final class Json {

    private Json() {}

    /**
     * A new mapper: snake_case names, ISO-8601 timestamps in UTC, unknown properties ignored (so older
     * clients keep working when the daemon adds fields).
     */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("bulletproof-time").addDeserializer(Instant.class, new LenientInstant()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    /**
     * Reads "2025-12-30T12:34:56Z", "2025-12-30T12:34:56+01:00" and the seed's zone-less
     * "2025-12-30T12:34:56" (taken as UTC, which is what the daemon writes).
     */
    static final class LenientInstant extends StdScalarDeserializer<Instant> {
        LenientInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 timestamp");
                }
            }
        }
    }
}
