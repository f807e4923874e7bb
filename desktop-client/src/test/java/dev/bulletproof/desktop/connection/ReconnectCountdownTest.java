package dev.bulletproof.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReconnectCountdownTest {

    private static final class SettableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,  500
            1,  1000
            3,  4000
            6,  30000
            40, 30000
            """)
    void waitsDoubleUpToHalfAMinute(int failures, long millis) {
        assertThat(ReconnectCountdown.delayAfter(failures)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void countsDownAndMovesOnToTheNextAttemptWhenOneIsDue() {
        SettableClock clock = new SettableClock();
        ReconnectCountdown countdown = new ReconnectCountdown(clock);
        countdown.lost();
        assertThat(countdown.secondsLeft()).isEqualTo(1);

        // Attempts at 0.5 s, 1.5 s, 3.5 s, 7.5 s: at 4 s the next one is 3.5 s away.
        clock.now = clock.now.plusSeconds(4);

        assertThat(countdown.secondsLeft()).isEqualTo(4);
    }
}
