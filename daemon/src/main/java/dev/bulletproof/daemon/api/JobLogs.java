package dev.bulletproof.daemon.api;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongFunction;

/**
 * A job's ffmpeg log, read from the end of the file so a huge log costs no more than a small one. The whole
 * log is capped at {@link #MAX_LOG_BYTES}: ffmpeg logs of normal jobs are a few hundred kilobytes, and a log
 * that grew past the cap (a stream of decoder warnings) is most useful by its end.
 */
final class JobLogs {

    static final int DEFAULT_LINES = 200;
    static final int MAX_LINES = 10_000;
    static final int MAX_LOG_BYTES = 4 * 1024 * 1024;

    /** A log's text; {@code truncated} when the file was longer than the cap and only its end is here. */
    record LogText(String text, boolean truncated) {}

    private final LongFunction<Path> logFileOf;

    JobLogs(LongFunction<Path> logFileOf) {
        this.logFileOf = logFileOf;
    }

    /** The last {@code lines} lines; empty when the job has not written a log yet. */
    String tail(long jobId, int lines) {
        return lastLines(whole(jobId).text(), lines);
    }

    /** The whole log, or its last {@link #MAX_LOG_BYTES} starting at a line; empty when there is none yet. */
    LogText whole(long jobId) {
        Path file = logFileOf.apply(jobId);
        if (!Files.isRegularFile(file)) {
            return new LogText("", false);
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, raf.length() - MAX_LOG_BYTES);
            byte[] bytes = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (start == 0) {
                return new LogText(text, false);
            }
            // The cut fell inside a line (maybe inside a character): start at the next whole line.
            return new LogText(text.substring(text.indexOf('\n') + 1), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of job " + jobId, e);
        }
    }

    static String lastLines(String text, int lines) {
        int end = text.endsWith("\n") ? text.length() - 1 : text.length();
        int cut = end;
        for (int found = 0; found < lines && cut > 0; found++) {
            cut = text.lastIndexOf('\n', cut - 1);
            if (cut < 0) {
                return text;
            }
        }
        return cut <= 0 ? text : text.substring(cut + 1);
    }
}
