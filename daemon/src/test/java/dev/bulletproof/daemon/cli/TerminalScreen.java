package dev.bulletproof.daemon.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What a terminal shows after it received some output: the few control sequences our console output
 * uses (carriage return, line feed, erase to end of line, cursor up) applied to a grid of characters.
 * Anything else that starts with ESC fails the test, so output that a real terminal would garble is seen.
 */
final class TerminalScreen {

    private final List<StringBuilder> rows = new ArrayList<>();
    private int row;
    private int column;

    static List<String> render(String output) {
        TerminalScreen screen = new TerminalScreen();
        screen.rows.add(new StringBuilder());
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            if (c == '\u001b') {
                i = screen.escape(output, i);
            } else {
                screen.put(c);
            }
        }
        return screen.rows.stream().map(StringBuilder::toString).toList();
    }

    private void put(char c) {
        switch (c) {
            case '\r' -> column = 0;
            case '\n' -> {
                row++;
                while (rows.size() <= row) {
                    rows.add(new StringBuilder());
                }
            }
            default -> {
                StringBuilder line = rows.get(row);
                while (line.length() < column) {
                    line.append(' ');
                }
                if (column < line.length()) {
                    line.setCharAt(column, c);
                } else {
                    line.append(c);
                }
                column++;
            }
        }
    }

    /** Applies the CSI sequence starting at {@code start}; returns the index of its last character. */
    private int escape(String output, int start) {
        if (start + 1 >= output.length() || output.charAt(start + 1) != '[') {
            throw new AssertionError("unexpected escape sequence at " + start);
        }
        int i = start + 2;
        StringBuilder number = new StringBuilder();
        while (Character.isDigit(output.charAt(i))) {
            number.append(output.charAt(i++));
        }
        int n = number.isEmpty() ? 1 : Integer.parseInt(number.toString());
        switch (output.charAt(i)) {
            case 'K' -> {
                StringBuilder line = rows.get(row);
                if (column < line.length()) {
                    line.setLength(column);
                }
            }
            case 'A' -> row = Math.max(0, row - n);
            default -> throw new AssertionError("unexpected escape sequence ESC[" + number + output.charAt(i));
        }
        return i;
    }
}
