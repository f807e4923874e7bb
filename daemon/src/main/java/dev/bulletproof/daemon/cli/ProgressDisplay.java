package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.media.ProgressListener;
import dev.bulletproof.daemon.media.TranscodeProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress on the console: a redrawn bar on a terminal, or one plain line per 10 % when the output is a
 * file or a pipe (so logs stay readable and scripts are not flooded with carriage returns).
 */
final class ProgressDisplay implements ProgressListener {

    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private int lastStep = -1;
    private boolean drewBar;

    ProgressDisplay(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** True when standard output is an interactive terminal. */
    static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    @Override
    public synchronized void onProgress(TranscodeProgress progress) {
        int percent = (int) Math.floor(progress.fraction() * 100);
        if (terminal) {
            int filled = percent * BAR_WIDTH / 100;
            out.print("\r[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] "
                    + String.format(Locale.ROOT, "%3d%%", percent) + details(progress));
            out.flush();
            drewBar = true;
            return;
        }
        int step = percent / 10;
        if (step > lastStep) {
            lastStep = step;
            out.println("progress " + percent + "%" + details(progress));
        }
    }

    /** Ends the bar's line so the next message starts on its own line. */
    synchronized void finish() {
        if (drewBar) {
            out.println();
            drewBar = false;
        }
    }

    private static String details(TranscodeProgress progress) {
        StringBuilder text = new StringBuilder();
        if (progress.speed() != null) {
            text.append(String.format(Locale.ROOT, "  speed %.2fx", progress.speed()));
        }
        if (progress.etaSeconds() != null) {
            text.append(String.format(Locale.ROOT, "  eta %.0f s", progress.etaSeconds()));
        }
        return text.toString();
    }
}
