package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.media.TranscodeResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table a batch ends with: one row per file, then the totals. */
final class BatchReport {

    private static final List<String> HEADER =
            List.of("FILE", "RESULT", "TIME", "SPEED", "SIZE", "VERIFIED", "OUTPUT OR REASON");

    record Row(Path input, TranscodeResult result, EncodeSummary summary) {
        boolean succeeded() {
            return result.succeeded();
        }

        String outcome() {
            return result.succeeded() ? "ok" : result.outcome().name().toLowerCase(Locale.ROOT);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    void add(Path input, TranscodeResult result) {
        rows.add(new Row(input, result, EncodeSummary.of(result)));
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    long failures() {
        return rows.stream().filter(row -> !row.succeeded()).count();
    }

    /** One line for a file that just finished, printed while the batch goes on. */
    static String resultLine(int number, int of, Row row) {
        String head = "[" + number + "/" + of + "] " + row.input().getFileName() + "  ";
        if (row.succeeded()) {
            return head + "ok  " + row.summary().sentence();
        }
        return head + row.outcome() + "  " + BulletproofCli.oneLine(row.result().error());
    }

    List<String> table() {
        List<List<String>> cells = new ArrayList<>();
        cells.add(HEADER);
        for (Row row : rows) {
            EncodeSummary summary = row.summary();
            cells.add(List.of(
                    row.input().getFileName().toString(),
                    row.outcome(),
                    summary.time(),
                    row.succeeded() ? summary.speedText() : "-",
                    row.succeeded() ? summary.size() : "-",
                    summary.verified() ? "yes" : "no",
                    row.succeeded()
                            ? String.valueOf(row.result().output())
                            : shortened(BulletproofCli.oneLine(row.result().error()))));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> line : cells) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], line.get(column).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> line : cells) {
            StringBuilder text = new StringBuilder();
            for (int column = 0; column < line.size(); column++) {
                String cell = line.get(column);
                text.append(column == line.size() - 1 ? cell : cell + " ".repeat(widths[column] - cell.length() + 2));
            }
            lines.add(text.toString().stripTrailing());
        }
        return lines;
    }

    private static String shortened(String text) {
        return text.length() <= 100 ? text : text.substring(0, 97) + "...";
    }
}
