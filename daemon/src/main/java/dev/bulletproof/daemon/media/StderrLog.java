package dev.bulletproof.daemon.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Drains ffmpeg's stderr as it is written (a full pipe blocks ffmpeg, which is how the original tool hung
 * forever on noisy damaged inputs), copies it to the per-job log file and keeps the last lines in memory
 * so a failure can be explained without reading the file back.
 */
final class StderrLog {

    static final int TAIL_LINES = 40;
    private static final System.Logger LOG = System.getLogger(StderrLog.class.getName());
    private static final Pattern MEANINGFUL = Pattern.compile(
            "(?i).*(error|invalid|failed|could not|cannot|can't|no such|not supported|unsupported|unknown|"
                    + "incorrect|mismatch|permission denied|no space|too many|unable|out of memory|does not|"
                    + "not found|moov atom|is not|end of file|killed|abort).*");

    private final Deque<String> tail = new ArrayDeque<>();
    private final Path logFile;

    StderrLog(Path logFile) {
        this.logFile = logFile;
    }

    /** Appends one line to a job's log (creating it), for what the daemon itself has to say about the job. */
    static void appendLine(Path logFile, String line) {
        if (logFile == null) {
            return;
        }
        try {
            Path parent = logFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(
                    logFile,
                    line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write job log " + logFile + ": " + e.getMessage());
        }
    }

    /** Reads until end of stream; runs on its own thread. */
    void drain(InputStream stderr) {
        try (Writer log = openLog();
                BufferedReader reader = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                remember(line);
                if (log != null) {
                    log.write(line);
                    log.write(System.lineSeparator());
                    log.flush();
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "stopped reading ffmpeg stderr: " + e.getMessage());
        }
    }

    private Writer openLog() {
        if (logFile == null) {
            return null;
        }
        try {
            Path parent = logFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.newBufferedWriter(
                    logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // Losing the log must not lose the encode; the tail in memory still explains failures.
            LOG.log(System.Logger.Level.WARNING, "cannot write ffmpeg log " + logFile + ": " + e.getMessage());
            return null;
        }
    }

    private synchronized void remember(String line) {
        if (line.isBlank()) {
            return;
        }
        tail.addLast(line.strip());
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
    }

    synchronized List<String> tail() {
        return List.copyOf(tail);
    }

    /**
     * The lines that explain a failure: those that read like errors, else the last few lines. Stream
     * descriptions and encoder chatter are skipped because they bury the one line that matters.
     */
    synchronized String meaningfulLines() {
        List<String> errors = new ArrayList<>();
        for (String line : tail) {
            if (MEANINGFUL.matcher(line).matches() && !line.startsWith("Stream #") && !line.contains("[info]")) {
                errors.add(line);
            }
        }
        List<String> chosen = errors.isEmpty() ? List.copyOf(tail) : errors;
        int from = Math.max(0, chosen.size() - 8);
        return String.join("\n", chosen.subList(from, chosen.size()));
    }
}
