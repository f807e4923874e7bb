package dev.bulletproof.daemon.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * A few lines at the bottom of a terminal that are redrawn in place (progress bars), then wiped before
 * anything permanent is printed. Every line is cleared to its end with the ANSI "erase in line" sequence,
 * so a shorter line never leaves the tail of a longer one behind (the old {@code eta 0 sss}), and cut to
 * the terminal's width, because a line that wraps can no longer be reached with a carriage return.
 */
final class LiveArea {

    private static final String ERASE_LINE = "\u001b[K";
    private static final int DEFAULT_WIDTH = 80;

    private final PrintWriter out;
    private final int width;
    private int drawn;

    LiveArea(PrintWriter out) {
        this(out, terminalWidth(System.getenv("COLUMNS")));
    }

    LiveArea(PrintWriter out, int width) {
        this.out = out;
        this.width = width;
    }

    /** Replaces the live lines with {@code lines}; the cursor stays on the first of them. */
    synchronized void draw(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append('\r').append(fit(lines.get(i))).append(ERASE_LINE);
        }
        // Lines that were drawn before and are not any more are wiped too.
        for (int i = lines.size(); i < drawn; i++) {
            text.append("\n\r").append(ERASE_LINE);
        }
        int below = Math.max(lines.size(), drawn) - 1;
        if (below > 0) {
            text.append("\u001b[").append(below).append('A');
        }
        text.append('\r');
        drawn = lines.size();
        out.print(text);
        out.flush();
    }

    /** Wipes the live lines; what is printed next starts where they were. */
    synchronized void clear() {
        if (drawn == 0) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < drawn; i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append('\r').append(ERASE_LINE);
        }
        if (drawn > 1) {
            text.append("\u001b[").append(drawn - 1).append('A');
        }
        text.append('\r');
        drawn = 0;
        out.print(text);
        out.flush();
    }

    private String fit(String line) {
        // One column stays free: some terminals wrap as soon as the last column is written.
        int room = Math.max(10, width - 1);
        return line.length() <= room ? line : line.substring(0, room - 3) + "...";
    }

    static int terminalWidth(String columns) {
        if (columns != null) {
            try {
                int value = Integer.parseInt(columns.strip());
                if (value >= 20 && value <= 1000) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // Not a number: fall through to the classic width.
            }
        }
        return DEFAULT_WIDTH;
    }
}
