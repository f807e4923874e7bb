package dev.bulletproof.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveAreaTest {

    private final StringWriter text = new StringWriter();
    private final LiveArea area = new LiveArea(new PrintWriter(text, true), 40);

    @Test
    void twoLinesAreRedrawnInPlaceAboveWhatWasPrintedBefore() {
        text.write("before\n");
        area.draw(List.of("file  [#####      ]  50%  eta 12 s", "batch 0 of 2 files done"));
        area.draw(List.of("file  [##########] 100%", "batch 1 of 2"));

        assertThat(TerminalScreen.render(text.toString()))
                .containsExactly("before", "file  [##########] 100%", "batch 1 of 2");
    }

    @Test
    void clearLeavesTheCursorWhereTheLinesWereAndNothingOfThem() {
        text.write("before\n");
        area.draw(List.of("a long first live line", "a long second live line"));
        area.clear();
        text.write("result\n");

        assertThat(TerminalScreen.render(text.toString()).stream().filter(line -> !line.isBlank()))
                .containsExactly("before", "result");
    }

    @Test
    void aLineWiderThanTheTerminalIsCutSoItNeverWraps() {
        area.draw(List.of("x".repeat(100)));

        assertThat(TerminalScreen.render(text.toString()).getFirst())
                .hasSize(39)
                .endsWith("...");
    }

    @Test
    void theWidthComesFromColumnsWhenItIsSensible() {
        assertThat(LiveArea.terminalWidth("132")).isEqualTo(132);
        assertThat(LiveArea.terminalWidth("wide")).isEqualTo(80);
        assertThat(LiveArea.terminalWidth("3")).isEqualTo(80);
        assertThat(LiveArea.terminalWidth(null)).isEqualTo(80);
    }
}
