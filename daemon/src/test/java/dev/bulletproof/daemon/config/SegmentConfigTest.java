package dev.bulletproof.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.daemon.media.SegmentSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** segment_threshold_seconds and segment_seconds: defaults, values from the file, and refusals by field. */
class SegmentConfigTest {

    @TempDir
    Path dir;

    private ConfigStore storeWith(String yaml) throws Exception {
        Path file = dir.resolve("bulletproof.yaml");
        Files.writeString(file, yaml);
        return new ConfigStore(file, Set.of("live-qlab", "audio-qlab", "live-h264"));
    }

    @Test
    void leftOutTheyAreFiveMinutesAndOneMinute() throws Exception {
        assertThat(storeWith("max_workers: 2\n").loadSegments()).isEqualTo(SegmentSettings.defaults());
        assertThat(SegmentSettings.defaults()).isEqualTo(new SegmentSettings(300, 60));
    }

    @Test
    void theFileSetsBothAndTheRestOfTheConfigStillLoads() throws Exception {
        ConfigStore store = storeWith("""
                max_workers: 2
                segment_threshold_seconds: 600
                segment_seconds: 120
                """);

        assertThat(store.loadSegments()).isEqualTo(new SegmentSettings(600, 120));
        assertThat(store.loadSegments().enabled()).isTrue();
        assertThat(store.load().maxWorkers()).isEqualTo(2);
    }

    @Test
    void zeroTurnsSegmentedEncodingOff() throws Exception {
        assertThat(storeWith("segment_threshold_seconds: 0\n").loadSegments().enabled())
                .isFalse();
    }

    @Test
    void theExampleConfigLoadsWithTheDefaults() throws Exception {
        ConfigStore store = storeWith(ConfigStore.generateExample());

        assertThat(store.loadSegments()).isEqualTo(SegmentSettings.defaults());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            segment_threshold_seconds | -1    | must be a number of seconds from 0 (never segment) to 86400
            segment_threshold_seconds | soon  | must be a number of seconds from 0 (never segment) to 86400
            segment_seconds           | 5     | must be a number of seconds from 10 to 86400
            segment_seconds           | 90000 | must be a number of seconds from 10 to 86400
            segment_seconds           | 400   | must not be longer than segment_threshold_seconds (300 s)
            """)
    void aBadValueIsRefusedNamingItsField(String field, String value, String message) throws Exception {
        ConfigStore store = storeWith(field + ": " + value + "\n");

        assertThatThrownBy(store::loadSegments)
                .isInstanceOfSatisfying(
                        ConfigValidationException.class,
                        e -> assertThat(e.fields()).containsEntry(field, message));
        assertThatThrownBy(store::load)
                .isInstanceOfSatisfying(
                        ConfigValidationException.class,
                        e -> assertThat(e.fields()).containsKey(field));
    }
}
