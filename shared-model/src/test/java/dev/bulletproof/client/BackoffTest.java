package dev.bulletproof.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void reconnectWaitsDoubleFromHalfASecondAndStopAtThirtySeconds() {
        assertThat(Backoff.RECONNECT.delayAfter(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(Backoff.RECONNECT.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.RECONNECT.delayAfter(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(Backoff.RECONNECT.delayAfter(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.RECONNECT.delayAfter(10_000)).isEqualTo(Duration.ofSeconds(30));
    }
}
