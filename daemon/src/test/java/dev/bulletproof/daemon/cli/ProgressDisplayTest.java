package dev.bulletproof.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.media.TranscodeProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    private static String show(boolean terminal, TranscodeProgress... reports) {
        StringWriter text = new StringWriter();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text, true), terminal);
        for (TranscodeProgress report : reports) {
            display.onProgress(report);
        }
        display.finish();
        return text.toString();
    }

    private static TranscodeProgress at(double fraction, double eta) {
        return new TranscodeProgress(fraction, fraction * 10, 50.0, 2.0, eta);
    }

    @Test
    void withoutATerminalNothingIsDrawn() {
        assertThat(show(false, at(0.0, 5), at(0.5, 3), at(1.0, 0))).isEmpty();
    }

    @Test
    void aShorterLineLeavesNothingOfTheLongerOneBehind() {
        StringWriter text = new StringWriter();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text, true), true);

        display.onProgress(at(0.5, 123));
        display.onProgress(new TranscodeProgress(0.99, 9.9, null, null, null));

        assertThat(TerminalScreen.render(text.toString()))
                .containsExactly("[#############################.]  99 %".replace('.', ' '));
    }

    @Test
    void finishWipesTheBarSoTheSummaryStartsOnACleanLine() {
        String text = show(true, at(0.5, 30), at(1.0, 0)) + "done";

        assertThat(text).contains("[###############               ]  50 %  2.00x  eta 30 s");
        assertThat(TerminalScreen.render(text)).containsExactly("done");
    }

    @Test
    void estimatesPastAMinuteReadAsMinutesAndSeconds() {
        assertThat(ProgressDisplay.line(at(0.25, 187))).endsWith("eta 3 min 07 s");
    }
}
