package dev.bulletproof.daemon.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * {@code 2026-05-04 14:03:12.481 INFO  jobs  job 7 completed: ...}: one line a record (a stack trace, at
 * DEBUG or for a bug, follows on its own lines). No source class or method: they are noise to an operator
 * and, for lambdas, unreadable ({@code lambda$applyIfNew$0}).
 */
final class TextLineFormatter extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final ZoneId zone;

    TextLineFormatter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160)
                .append(TIME.format(record.getInstant().atZone(zone)))
                .append(' ')
                .append(String.format("%-5s", LogLevel.nameOf(record.getLevel())))
                .append(' ')
                .append(Components.shortName(record.getLoggerName()))
                .append("  ")
                .append(oneLine(Messages.of(record, this)));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
        }
        return line.append(System.lineSeparator()).toString();
    }

    /** A message with line breaks (an ffmpeg error quoted whole) would break "one record, one line". */
    private static String oneLine(String message) {
        return message.indexOf('\n') < 0 && message.indexOf('\r') < 0
                ? message
                : message.strip().replaceAll("\\s*\\R\\s*", " | ");
    }
}
