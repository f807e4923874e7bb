package dev.bulletproof.daemon.api;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongFunction;

/** The end of a job's ffmpeg log, read from the end of the file so a huge log costs no more than a small one. */
final class JobLogs {

    static final int DEFAULT_LINES = 200;
    static final int MAX_LINES = 10_000;
    private static final int MAX_TAIL_BYTES = 4 * 1024 * 1024;

    private final LongFunction<Path> logFileOf;

    JobLogs(LongFunction<Path> logFileOf) {
        this.logFileOf = logFileOf;
    }

    /** The last {@code lines} lines; empty when the job has not written a log yet. */
    String tail(long jobId, int lines) {
        Path file = logFileOf.apply(jobId);
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, raf.length() - MAX_TAIL_BYTES);
            byte[] bytes = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(bytes);
            return lastLines(new String(bytes, StandardCharsets.UTF_8), lines);
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
