package dev.bulletproof.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.media.TranscodeProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    private static String show(boolean terminal, double... fractions) {
        StringWriter text = new StringWriter();
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text, true), terminal);
        for (double fraction : fractions) {
            display.onProgress(new TranscodeProgress(fraction, fraction * 10, 50.0, 2.0, (1 - fraction) * 5));
        }
        display.finish();
        return text.toString();
    }

    @Test
    void pipedOutputGetsOneLinePerTenPercent() {
        String text = show(false, 0.0, 0.01, 0.05, 0.12, 0.13, 0.5, 1.0);

        assertThat(text.lines())
                .containsExactly(
                        "progress 0%  speed 2.00x  eta 5 s",
                        "progress 12%  speed 2.00x  eta 4 s",
                        "progress 50%  speed 2.00x  eta 3 s",
                        "progress 100%  speed 2.00x  eta 0 s");
        assertThat(text).doesNotContain("\r");
    }

    @Test
    void terminalGetsARedrawnBarEndedByANewline() {
        String text = show(true, 0.5, 1.0);

        assertThat(text).startsWith("\r[###############               ]  50%");
        assertThat(text).contains("\r[##############################] 100%");
        assertThat(text).endsWith(System.lineSeparator());
    }
}
