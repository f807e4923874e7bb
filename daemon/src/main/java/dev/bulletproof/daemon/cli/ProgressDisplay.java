package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.media.ProgressListener;
import dev.bulletproof.daemon.media.TranscodeProgress;
import java.io.PrintWriter;
import java.util.List;

/**
 * The progress of one encode: a bar redrawn in place on a terminal, and nothing at all otherwise, so a log
 * file or a pipe gets only the summary printed at the end (no carriage returns, no hundred lines).
 */
final class ProgressDisplay implements ProgressListener {

    private static final int BAR_WIDTH = 30;

    private final LiveArea area;

    /** @param terminal false: nothing is drawn at all */
    ProgressDisplay(PrintWriter out, boolean terminal) {
        this.area = terminal ? new LiveArea(out) : null;
    }

    /**
     * True when the console is an interactive terminal. Since Java 22 {@link System#console()} returns a
     * console even when the output is redirected, so {@code isTerminal()} is what tells them apart.
     */
    static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    @Override
    public void onProgress(TranscodeProgress progress) {
        if (area != null) {
            area.draw(List.of(line(progress)));
        }
    }

    /** Wipes the bar, so the summary that follows starts on a clean line. */
    void finish() {
        if (area != null) {
            area.clear();
        }
    }

    static String line(TranscodeProgress progress) {
        return Figures.bar(progress.fraction(), BAR_WIDTH) + " " + Figures.percent(progress.fraction())
                + details(progress);
    }

    static String details(TranscodeProgress progress) {
        StringBuilder text = new StringBuilder();
        if (progress.speed() != null) {
            text.append("  ").append(Figures.speed(progress.speed()));
        }
        if (progress.etaSeconds() != null) {
            text.append("  eta ").append(Figures.duration(progress.etaSeconds()));
        }
        return text.toString();
    }
}
