package dev.bulletproof.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TestSupportTest {

    @Test
    void awaitReturnsAsSoonAsTheConditionHolds() {
        AtomicInteger polls = new AtomicInteger();

        Await.until("the third poll", Duration.ofSeconds(5), () -> polls.incrementAndGet() >= 3);

        assertThat(polls).hasValue(3);
    }

    @Test
    void awaitFailsWithWhatItWaitedForWhenTheLimitPasses() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> Await.until("a condition that never holds", Duration.ofMillis(150), () -> false))
                .isInstanceOf(AssertionError.class)
                .hasMessage("timed out after 150 ms waiting for: a condition that never holds");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void theClockMovesOnlyWhenTold() {
        MutableClock clock = MutableClock.at("2026-03-29T01:00:00Z");

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        clock.advance(Duration.ofMinutes(90));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-29T02:30:00Z"));
        assertThat(clock.millis())
                .isEqualTo(Instant.parse("2026-03-29T02:30:00Z").toEpochMilli());
    }
}
