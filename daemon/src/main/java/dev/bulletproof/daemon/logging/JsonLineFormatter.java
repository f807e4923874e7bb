package dev.bulletproof.daemon.logging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object a line: {@code time} (ISO-8601, UTC), {@code level}, {@code component}, {@code logger},
 * {@code message}, and for a record about a job {@code job_id}, {@code file}, {@code status} and
 * {@code event}; {@code exception} holds a stack trace when there is one.
 */
final class JsonLineFormatter extends Formatter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String format(LogRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("time", record.getInstant().toString());
        fields.put("level", LogLevel.nameOf(record.getLevel()));
        fields.put("component", Components.shortName(record.getLoggerName()));
        fields.put("logger", record.getLoggerName());
        fields.put("message", Messages.of(record, this));
        JobFields job = Messages.fieldsOf(record);
        if (job != null) {
            fields.put("event", job.event());
            fields.put("job_id", job.jobId());
            fields.put("file", job.file());
            fields.put("status", job.status());
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            fields.put("exception", trace.toString());
        }
        try {
            // The mapper escapes line breaks inside strings, so a record stays on one line.
            return JSON.writeValueAsString(fields) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            return "{\"level\":\"ERROR\",\"message\":\"unprintable log record\"}" + System.lineSeparator();
        }
    }
}
