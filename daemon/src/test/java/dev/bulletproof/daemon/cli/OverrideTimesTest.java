package dev.bulletproof.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OverrideTimesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Wednesday 2 December 2026, 23:30 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-12-02T22:30:00Z");

    @ParameterizedTest
    @CsvSource(textBlock = """
            2h,       PT2H
            90m,      PT1H30M
            1h30m,    PT1H30M
            45 min,   PT45M
            2d,       PT48H
            30s,      PT30S
            """)
    void readsALength(String text, Duration expected) {
        assertThat(OverrideTimes.length(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            07:00,                     2026-12-03T06:00:00Z
            23:45,                     2026-12-02T22:45:00Z
            tomorrow 07:00,            2026-12-03T06:00:00Z
            2026-12-24T18:00,          2026-12-24T17:00:00Z
            2026-12-24T18:00:00+00:00, 2026-12-24T18:00:00Z
            """)
    void readsAnEndInThisMachinesZone(String text, Instant expected) {
        assertThat(OverrideTimes.until(text, NOW, BERLIN)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a while", "0m", ""})
    void refusesWhatIsNoLength(String text) {
        assertThatThrownBy(() -> OverrideTimes.length(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "25:00", "tomorrow"})
    void refusesWhatIsNoTime(String text) {
        assertThatThrownBy(() -> OverrideTimes.until(text, NOW, BERLIN)).isInstanceOf(IllegalArgumentException.class);
    }
}
