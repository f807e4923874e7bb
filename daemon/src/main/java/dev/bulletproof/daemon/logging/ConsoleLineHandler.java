package dev.bulletproof.daemon.logging;

import java.io.PrintStream;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/** Records on stderr, flushed one by one so journalctl and a terminal see each line when it happens. */
final class ConsoleLineHandler extends StreamHandler {

    ConsoleLineHandler(PrintStream stream, Formatter formatter) {
        super(stream, formatter);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        super.publish(record);
        flush();
    }

    /** Never closes stderr itself: the CLI still prints after logging is taken down. */
    @Override
    public synchronized void close() {
        flush();
    }
}
