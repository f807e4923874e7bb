package dev.bulletproof.daemon.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressParserTest {

    private static Optional<TranscodeProgress> feed(ProgressParser parser, String block) {
        Optional<TranscodeProgress> last = Optional.empty();
        for (String line : block.split("\n")) {
            Optional<TranscodeProgress> report = parser.accept(line);
            if (report.isPresent()) {
                last = report;
            }
        }
        return last;
    }

    @Test
    void blockEndingWithContinueGivesFractionSpeedAndEta() {
        ProgressParser parser = new ProgressParser(10.0);
        TranscodeProgress progress = feed(parser, """
                frame=50
                fps=25.00
                out_time_us=2500000
                out_time_ms=2500000
                out_time=00:00:02.500000
                speed= 2.5x
                progress=continue""").orElseThrow();

        assertThat(progress.fraction()).isCloseTo(0.25, within(1e-9));
        assertThat(progress.outTimeSeconds()).isCloseTo(2.5, within(1e-9));
        assertThat(progress.fps()).isEqualTo(25.0);
        assertThat(progress.speed()).isEqualTo(2.5);
        assertThat(progress.etaSeconds()).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void notAvailableValuesLeaveFieldsUnknownWithoutFailing() {
        ProgressParser parser = new ProgressParser(10.0);
        TranscodeProgress progress = feed(parser, """
                frame=0
                fps=N/A
                bitrate=N/A
                out_time_us=N/A
                out_time_ms=N/A
                speed=N/A
                progress=continue""").orElseThrow();

        assertThat(progress.fraction()).isZero();
        assertThat(progress.fps()).isNull();
        assertThat(progress.speed()).isNull();
        assertThat(progress.etaSeconds()).isNull();
    }

    @Test
    void laterNotAvailableTimeKeepsTheTimeAlreadyReached() {
        ProgressParser parser = new ProgressParser(4.0);
        feed(parser, "out_time_us=2000000\nprogress=continue");
        TranscodeProgress progress =
                feed(parser, "out_time_us=N/A\nspeed=N/A\nprogress=continue").orElseThrow();

        assertThat(progress.outTimeSeconds()).isEqualTo(2.0);
        assertThat(progress.fraction()).isEqualTo(0.5);
    }

    @Test
    void fractionIsClampedToOneWhenOutputRunsPastTheInputDuration() {
        ProgressParser parser = new ProgressParser(2.0);
        TranscodeProgress progress =
                feed(parser, "out_time_us=2040000\nspeed=1x\nprogress=continue").orElseThrow();

        assertThat(progress.fraction()).isEqualTo(1.0);
        assertThat(progress.etaSeconds()).isZero();
    }

    @Test
    void endBlockReportsCompletion() {
        ProgressParser parser = new ProgressParser(2.0);
        TranscodeProgress progress =
                feed(parser, "out_time_us=1960000\nspeed=3.1x\nprogress=end").orElseThrow();

        assertThat(progress.fraction()).isEqualTo(1.0);
        assertThat(progress.etaSeconds()).isZero();
    }

    @Test
    void unknownDurationKeepsFractionAtZero() {
        ProgressParser parser = new ProgressParser(0);
        TranscodeProgress progress =
                feed(parser, "out_time_us=1000000\nspeed=1x\nprogress=continue").orElseThrow();

        assertThat(progress.fraction()).isZero();
        assertThat(progress.etaSeconds()).isNull();
    }

    @Test
    void linesWithoutEqualsSignOrUnknownKeysAreIgnored() {
        ProgressParser parser = new ProgressParser(1.0);
        for (String line : List.of("", "garbage", "stream_0_0_q=28.0", "dup_frames=3")) {
            assertThat(parser.accept(line)).isEmpty();
        }
    }
}
