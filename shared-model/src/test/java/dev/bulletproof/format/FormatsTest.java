package dev.bulletproof.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the table of cases that web-ui/src/format.test.ts runs too: the Java and TypeScript copies of the
 * rule agree exactly when both pass.
 */
class FormatsTest {

    /** Every section of the table and how this copy computes it from one case. */
    private static final Map<String, Function<JsonNode, String>> SECTIONS = Map.ofEntries(
            Map.entry("duration", c -> Formats.duration(doubleOrNull(c.get("in")))),
            Map.entry(
                    "size",
                    c -> Formats.size(c.get("in").isNull() ? null : c.get("in").asLong())),
            Map.entry(
                    "bitrate",
                    c -> Formats.bitrate(
                            c.get("in").isNull() ? null : c.get("in").asLong())),
            Map.entry("speed", c -> Formats.speed(doubleOrNull(c.get("in")))),
            Map.entry("fps", c -> Formats.fps(doubleOrNull(c.get("in")))),
            Map.entry("percent", c -> Formats.percent(c.get("in").asDouble())),
            Map.entry("count", c -> Formats.count(c.get("in").asLong())),
            Map.entry("ago", c -> Formats.ago(doubleOrNull(c.get("in")))),
            Map.entry(
                    "dateTime",
                    c -> Formats.dateTime(
                            instantOrNull(c.get("in")), ZoneId.of(c.get("zone").asText()))),
            Map.entry(
                    "bucketStart",
                    c -> Formats.bucketStart(
                            instantOrNull(c.get("in")),
                            ZoneId.of(c.get("zone").asText()),
                            c.get("hourly").asBoolean())),
            Map.entry("axisUnit", c -> Formats.axisUnit(c.get("in").asDouble()).label()));

    @TestFactory
    Stream<DynamicTest> everyCaseOfTheSharedTableReadsAsWritten() throws IOException {
        JsonNode table = cases();
        List<DynamicTest> tests = new ArrayList<>();
        table.properties().stream()
                .filter(section -> !section.getKey().equals("about"))
                .forEach(section -> {
                    Function<JsonNode, String> format = SECTIONS.get(section.getKey());
                    for (JsonNode c : section.getValue()) {
                        String name = section.getKey() + "(" + c.get("in") + ") = " + c.get("out");
                        tests.add(dynamicTest(name, () -> {
                            assertThat(format)
                                    .as("a formatter for section " + section.getKey())
                                    .isNotNull();
                            assertThat(format.apply(c)).isEqualTo(c.get("out").asText());
                        }));
                    }
                });
        return tests.stream();
    }

    @Test
    void theTableCoversEveryFormatterAndTheEdgesTheRuleIsAbout() throws IOException {
        JsonNode table = cases();
        SECTIONS.keySet()
                .forEach(section -> assertThat(table.has(section)).as(section).isTrue());
        List<String> durations = new ArrayList<>();
        table.get("duration").forEach(c -> durations.add(c.get("in").asText()));
        assertThat(durations).contains("59.5", "119.8", "3599.6");
    }

    @Test
    void axisUnitsConvertSecondsIntoTheirUnit() {
        assertThat(Formats.axisUnit(81).of(81)).isEqualTo(81);
        assertThat(Formats.axisUnit(5400).of(5400)).isEqualTo(90);
        assertThat(Formats.axisUnit(9000).of(9000)).isEqualTo(2.5);
    }

    static JsonNode cases() throws IOException {
        try (InputStream in = FormatsTest.class.getResourceAsStream("/format-cases.json")) {
            assertThat(in).as("format-cases.json on the test class path").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private static Double doubleOrNull(JsonNode value) {
        return value.isNull() ? null : value.asDouble();
    }

    private static Instant instantOrNull(JsonNode value) {
        return value.isNull() ? null : Instant.parse(value.asText());
    }
}
