package dev.bulletproof.daemon.logging;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** The text of a record, with its parameters filled in the java.util.logging way. */
final class Messages {

    private Messages() {}

    static String of(LogRecord record, Formatter formatter) {
        if (fieldsOf(record) != null) {
            // Our job lines are complete sentences; a file named "{0}.mov" must not be taken for a pattern.
            return record.getMessage() == null ? "" : record.getMessage();
        }
        String message = formatter.formatMessage(record);
        return message == null ? "" : message;
    }

    static JobFields fieldsOf(LogRecord record) {
        Object[] parameters = record.getParameters();
        return parameters != null && parameters.length == 1 && parameters[0] instanceof JobFields fields
                ? fields
                : null;
    }
}
