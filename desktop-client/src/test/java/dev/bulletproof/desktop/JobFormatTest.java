package dev.bulletproof.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobFormatTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,      0:00
            75.4,   1:15
            3723,   1:02:03
            -1,     –
            """)
    void durationsReadAsClockTimes(double seconds, String text) {
        assertThat(JobFormat.duration(seconds)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0.256,  26 %
            1.5,    100 %
            -0.2,   0 %
            """)
    void progressIsAWholePercentageWithinBounds(double fraction, String text) {
        assertThat(JobFormat.percent(fraction)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            1.234,  1.23x
            """)
    void speedIsAMultipleOfRealTime(double speed, String text) {
        assertThat(JobFormat.speed(speed)).isEqualTo(text);
        assertThat(JobFormat.speed(null)).isEqualTo("–");
    }
}
