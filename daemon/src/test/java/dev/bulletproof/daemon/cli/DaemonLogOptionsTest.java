package dev.bulletproof.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class DaemonLogOptionsTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            10MB,    10485760
            10m,     10485760
            512KB,   524288
            2048,    2048
            1GiB,    1073741824
            """)
    void aLogFileSizeIsReadWithItsUnit(String text, long bytes) {
        assertThat(new DaemonCommand.ByteSizeConverter().convert(text)).isEqualTo(bytes);
    }

    @Test
    void aSizeThatIsNoSizeOrTooSmallIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new DaemonCommand.ByteSizeConverter().convert("ten"))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("not a size");
        assertThatThrownBy(() -> new DaemonCommand.ByteSizeConverter().convert("100"))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("at least 1KB");
    }

    @Test
    void badLogOptionsStopTheDaemonBeforeItStarts() {
        CliRun size = CliRun.of("daemon", "--log-file-size", "ten");
        CliRun format = CliRun.of("daemon", "--log-format", "xml");
        CliRun level = CliRun.of("daemon", "--log-level", "loud");

        assertThat(size.exitCode()).isEqualTo(2);
        assertThat(size.err()).contains("not a size");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("--log-format").contains("TEXT, JSON");
        assertThat(level.exitCode()).isEqualTo(2);
        assertThat(level.err()).contains("--log-level");
    }

    @Test
    void daemonHelpListsTheLogOptions() {
        CliRun run = CliRun.of("daemon", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--log-level", "--log-format", "--log-file-size", "--log-files");
    }
}
