package dev.bulletproof.daemon.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkerSettingsTest {

    private final WorkerSettings settings = new WorkerSettings(2, 10, Duration.ofSeconds(5), Duration.ofSeconds(60));

    @ParameterizedTest(name = "after {0} failed attempt(s) wait {1} s")
    @CsvSource(textBlock = """
            1,  5
            2,  10
            3,  20
            4,  40
            5,  60
            9,  60
            40, 60
            """)
    void backoffDoublesFromTheBaseUpToTheCap(int failedAttempts, long expectedSeconds) {
        assertThat(settings.backoffAfter(failedAttempts)).isEqualTo(Duration.ofSeconds(expectedSeconds));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0
            65
            -1
            """)
    void workerCountsOutsideOneToSixtyFourAreRefused(int workers) {
        assertThatThrownBy(() -> new WorkerSettings(workers, 3, Duration.ofSeconds(5), Duration.ofMinutes(5)))
                .isInstanceOf(InvalidPoolSettingException.class)
                .hasMessageContaining("between 1 and 64");
    }

    @Test
    void atLeastOneAttemptIsRequired() {
        assertThatThrownBy(() -> new WorkerSettings(2, 0, Duration.ofSeconds(5), Duration.ofMinutes(5)))
                .isInstanceOf(InvalidPoolSettingException.class);
    }
}
