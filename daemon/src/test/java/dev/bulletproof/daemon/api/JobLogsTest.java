package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tail of an ffmpeg log: the last N lines, whatever the trailing newline. */
class JobLogsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            a\\nb\\nc\\n | 2 | b\\nc\\n
            a\\nb\\nc    | 2 | b\\nc
            a\\nb\\nc\\n | 5 | a\\nb\\nc\\n
            a\\nb\\nc\\n | 1 | c\\n
            single      | 3 | single
            ''          | 3 | ''
            """)
    void keepsTheLastLines(String text, int lines, String expected) {
        assertThat(JobLogs.lastLines(text.replace("\\n", "\n"), lines)).isEqualTo(expected.replace("\\n", "\n"));
    }
}
